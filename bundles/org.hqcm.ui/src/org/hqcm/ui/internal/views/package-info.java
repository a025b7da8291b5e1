/**
 * HQCM views: the circuit diagram (scroll, zoom, tooltips, PNG/SVG export through the figures package).
 *
 * <p>May use: SWT and the workbench, the figures package, the engine's circuit spec (quantum).
 */
package org.hqcm.ui.internal.views;
