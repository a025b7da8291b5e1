/**
 * Runs: one folder per run, the single truth the IDE reads.
 *
 * <pre>
 * runs/&lt;experiment&gt;-&lt;yyyyMMdd-HHmmss&gt;/
 *   experiment.hqcm     the experiment as run (with a --seed override applied)
 *   run.hqcmrun         the RunRecord (EMF XMI): status, history, metrics, provenance; rewritten atomically
 *   events.jsonl        one JSON object per line, appended and flushed as they happen (see {@link org.hqcm.engine.run.EventLog})
 *   run.log             the human-readable log
 *   checkpoint.zip      the last completed epoch (network, optimizer, schedule, history); atomic
 *   model.zip           the trained network (best weights) for predict; atomic
 *   artefacts/          figures and tables of the evaluation
 * </pre>
 */
package org.hqcm.engine.run;
