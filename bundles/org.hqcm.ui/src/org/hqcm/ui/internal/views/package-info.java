/**
 * HQCM views: the circuit diagram (more views come with the run and comparison work).
 *
 * <p>May use: SWT and the workbench, the engine's circuit spec (quantum).
 */
package org.hqcm.ui.internal.views;
