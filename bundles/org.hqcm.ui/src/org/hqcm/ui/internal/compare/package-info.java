/**
 * The Compare Runs view: metrics and parameters of two or more runs side by side (with deltas to the first), the
 * paired statistics of {@code hqcm compare} (computed by the engine) against the first run, overlaid validation
 * curves, confusion matrices, and the comparison as Markdown or CSV.
 *
 * <p>May use: SWT/JFace, the workbench, the model, and the engine's run-folder reader, statistics and colour
 * maps (no training, no ND4J).
 */
package org.hqcm.ui.internal.compare;
