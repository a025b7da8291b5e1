/**
 * Sweeps in the IDE's views: the sweeps of the workspace with their configuration groups (mean ± sd across seeds)
 * and trials, as a part of the Runs view, and the Compare Groups view (per-configuration means and 95% intervals,
 * mean ± sd bands of the validation curves, and the paired tests across seeds between configurations that differ in
 * one axis). Everything shown is read from what the engine writes or computes: the sweep record
 * (org.hqcm.engine.sweep.SweepFolder, the model's SweepRecord) and the seed groups
 * (org.hqcm.engine.sweep.SweepReport.groups, org.hqcm.engine.eval.SeedGroups); nothing is recomputed here.
 *
 * <p>May use: SWT/JFace, the workbench, the model, the engine's sweep and eval packages (no ND4J), and the sweep
 * launch (cancel, resume).
 */
package org.hqcm.ui.internal.sweeps;
