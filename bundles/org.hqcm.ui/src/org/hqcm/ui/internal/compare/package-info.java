/**
 * The Compare Runs view: metrics and parameters of two or more runs side by side (with delta columns, run - first
 * run), the paired statistics of {@code hqcm compare} (computed by the engine) against the first run, interactive
 * validation curves, clickable confusion matrices, the error drill-down into a cell's test images
 * ({@link org.hqcm.ui.internal.compare.CellImagesView}), and the comparison as Markdown or CSV (Commons CSV).
 *
 * <p>May use: SWT/JFace, the workbench, the model, the figures package and the engine's run-folder reader,
 * statistics and colour maps (no training, no ND4J).
 */
package org.hqcm.ui.internal.compare;
