/**
 * Runs: one folder per run, the single truth the IDE reads. The layout is defined once, in {@link
 * org.hqcm.engine.run.RunFolder} (every file name), and the event stream once, in {@link org.hqcm.engine.run.RunEvent}
 * (one record per event) with {@link org.hqcm.engine.run.EventStream} (Gson); the engine writes them, the launch and
 * the IDE read them through the same classes ({@link org.hqcm.engine.run.EventTail} follows a live run). These reading
 * classes use only the JDK, Gson and the model, so the IDE can load them without ND4J.
 *
 * <pre>
 * runs/&lt;experiment&gt;-&lt;yyyyMMdd-HHmmss&gt;/
 *   experiment.hqcm     the experiment as run (with a --seed override applied)
 *   run.hqcmrun         the RunRecord (EMF XMI): status, history, metrics, provenance; rewritten atomically
 *   events.jsonl        one {@link org.hqcm.engine.run.RunEvent} per line (JSON, {@link org.hqcm.engine.run.EventStream}), appended and flushed
 *   run.log             the human-readable log
 *   checkpoint.zip      the last completed epoch (network, optimizer, schedule, history); atomic
 *   model.zip           the trained network (best weights) for predict; atomic
 *   predictions.csv     test images in evaluation order: sample,source,label,predicted,p_&lt;class&gt;...
 *   jaccard.csv         attention Jaccard per tumour test image and threshold
 *   attention-examples.zip  a few tumour test images with mask, T_s and Jaccard (for galleries; {@link org.hqcm.engine.run.AttentionExamples})
 *   report.html         the self-contained report ({@link org.hqcm.engine.run.RunReport}); ./hqcm report rewrites it
 *   artefacts/          figures of the evaluation: loss, accuracy, confusion, tsne, attention (PNG)
 * </pre>
 */
package org.hqcm.engine.run;
