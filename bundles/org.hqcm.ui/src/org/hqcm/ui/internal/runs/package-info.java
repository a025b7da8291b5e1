/**
 * The Runs view and the run details view: every run folder of the workspace (a folder holding
 * {@code run.hqcmrun}), read from its run record, never from a second copy.
 *
 * <p>May use: SWT/JFace, the workbench, the model (run records), {@code compare}.
 */
package org.hqcm.ui.internal.runs;
