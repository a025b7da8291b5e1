/**
 * HQCM views: the circuit diagram (scroll, zoom, tooltips, PNG/SVG export through the figures package). May use
 * SWT, the workbench, the figures package and the engine's quantum package (CircuitSpec).
 */
package org.hqcm.ui.internal.views;
