/**
 * The experiment editor for .hqcm files: a form bound to the EMF model through an editing domain (undo/redo on
 * its command stack), live validation shown in the form and as problem markers, the circuit drawn as it is
 * edited, and the XMI as a read-only page.
 *
 * <p>May use: SWT/JFace, Forms, EMF (edit, databinding), the workbench, the model, and the engine's circuit
 * spec and its mapping from the model (no ND4J).
 */
package org.hqcm.ui.internal.editor;
