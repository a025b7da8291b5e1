/**
 * The editors of the model's files: the experiment editor for .hqcm files and the sweep editor for .hqcmsweep files,
 * both {@link org.hqcm.ui.internal.editor.ModelEditor}s: a form bound to the EMF model through an editing domain
 * (undo/redo on its command stack) by one {@link org.hqcm.ui.internal.editor.FieldBinder}, live validation by the
 * model's own rules shown in the form and as problem markers, the XMI as a read-only page, and a Run button that
 * launches the file. The experiment's form draws the circuit as it is edited; the sweep's lists its axes and says what
 * it expands to.
 *
 * <p>May use: SWT/JFace, Forms, EMF (edit, databinding), the workbench, the model (its sweep expansion too), the
 * engine's circuit spec and its mapping from the model (no ND4J), and the launches (Run).
 */
package org.hqcm.ui.internal.editor;
