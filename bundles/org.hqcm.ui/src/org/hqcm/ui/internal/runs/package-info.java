/**
 * The Runs view and the run details view: every run folder of the workspace (a folder holding
 * {@code run.hqcmrun}), read from its run record, never from a second copy.
 */
package org.hqcm.ui.internal.runs;
