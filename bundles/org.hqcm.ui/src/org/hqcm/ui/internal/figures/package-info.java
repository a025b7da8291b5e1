/**
 * Figures the IDE draws itself and exports: one {@link org.hqcm.ui.internal.figures.Painter} interface with an SWT
 * implementation (screen and PNG) and an SVG one, so an exported figure is the one on screen; the interactive line
 * chart of the Compare Runs view (axes with ticks, legend outside the plot, hover read-out, zoom, pan, reset); the
 * export menu and file dialog. Uses SWT, JFace and the engine's {@code plot.Scale} (the same ticks as the engine's
 * PNG charts); knows nothing of runs.
 */
package org.hqcm.ui.internal.figures;
