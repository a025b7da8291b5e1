/**
 * Sweeps: many ordinary runs of one sweep ({@code .hqcmsweep}), each trial exactly {@code hqcm run} of its expanded
 * experiment in a child JVM, published into the sweep folder exactly once. The driver ({@link
 * org.hqcm.engine.internal.sweep.SweepDriver}) plans, records and reports; a {@link org.hqcm.engine.sweep.TrialExecutor} runs
 * trials: {@link org.hqcm.engine.sweep.SequentialExecutor} one after another in this JVM's machine ({@code hqcm
 * reproduce}), the Spark executor of {@code bundles/org.hqcm.sweep} as one Spark task per trial ({@code hqcm sweep}).
 * Both run a trial through {@link org.hqcm.engine.sweep.TrialAttempt}, so there is one code path for many runs.
 *
 * <p>The sweep folder, defined here once (the IDE reads it as it reads run folders):
 * <pre>
 * &lt;DIR&gt;/                 default sweeps/&lt;sweep&gt;-&lt;yyyyMMdd-HHmmss&gt;/
 *   sweep.hqcmsweep      the sweep as run: base experiment contained, data paths absolute (the folder stands alone)
 *   sweep.hqcmsweeprun   the SweepRecord (EMF): state, master, axes, every trial (id, configuration, label, axis
 *                        values, seed, state, attempts, run folder, accuracy, macro-F1, failure message) and a summary
 *                        per configuration (mean and sd across seeds); rewritten atomically by the driver alone
 *   events.jsonl         the sweep's event stream, one {@link org.hqcm.engine.sweep.SweepEvent} per line (JSON,
 *                        written by {@link org.hqcm.engine.internal.run.EventLog}): start (trials, pending, master),
 *                        trial-end (trial, state, seconds, accuracy, attempt, duplicate, message), end (state, message)
 *   sweep.log            readable log: trial ends, failures with their messages, duplicate attempts removed
 *   trials/ID.hqcm       each trial's expanded experiment, written before anything starts
 *   runs/ID/             the published run of trial ID: an ordinary run folder ({@code run/package-info}); its
 *                        presence means the trial is complete, and nothing ever writes into it again
 *   attempts/ID/ATTEMPT/ one attempt at trial ID (host-pid-n): {@code alive} (owner; its time is rewritten every
 *                        second while the attempt lives), {@code trial.out} (the child JVM's console) and ID/, the run
 *                        folder in progress, renamed to runs/ID when it completes
 *   probe/TOKEN          the shared-storage probe: written by the driver, read by every trial before it trains
 *   report/              report.md, report.html, report.json, figures/ ({@link org.hqcm.engine.eval.GroupReport})
 * </pre>
 * Exactly once: ID is a hash of the trial's settings and seed ({@link org.hqcm.model.sweep.TrialIds}); a trial whose
 * runs/ID exists is never trained again; an attempt whose {@code alive} stopped changing ({@link
 * org.hqcm.engine.sweep.TrialAttempt#STALE_MILLIS}) was cut off and is claimed by renaming its folder (one claimer
 * wins) and resumed from its last checkpoint; a live attempt is waited for; when two attempts complete, the first
 * rename to runs/ID wins and the other is logged and removed.
 *
 * <p>API: sweep folders, trials and reports (the IDE and the sweep module read them); the driver that runs a sweep is
 * {@code org.hqcm.engine.internal.sweep}'s. May use the engine's run and eval packages and the model; nothing of
 * Spark, ND4J or Tribuo ({@code ApiClosureTest} checks the last two).
 */
package org.hqcm.engine.sweep;
