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
 *   test-images.zip     every test image with its mask and T_s, 8 bits each, for the IDE's drill-down ({@link org.hqcm.engine.run.TestImages})
 *   attention-examples.zip  a few tumour test images with mask, T_s and Jaccard (for galleries; {@link org.hqcm.engine.run.AttentionExamples})
 *   explanations.csv    per explained tumour test image and method (T_s, Grad-CAM, Grad-CAM on F*(1+T_s), occlusion):
 *                       Jaccard per threshold, pointing game, energy in the mask ({@link org.hqcm.engine.internal.run.ExplanationEvaluation})
 *   explanation-maps.zip  the scored maps of those images, 8 bits each, for the IDE's drill-down ({@link org.hqcm.engine.run.ExplanationMaps})
 *   confidence.csv      per validation and test image: logits, temperature-scaled probabilities, maximum softmax
 *                       probability, energy, the out-of-distribution flag ({@link org.hqcm.engine.internal.run.ConfidenceEvaluation})
 *   ood-sources.csv     written by {@code hqcm report --ood-source}: the scores of other sources' images ({@link org.hqcm.engine.internal.run.OodSources})
 *   report.html         the self-contained report ({@link org.hqcm.engine.internal.run.RunReport}); ./hqcm report rewrites it
 *   artefacts/          figures of the evaluation: loss, accuracy, confusion, tsne, attention, quantum-gradient,
 *                       explanations, reliability, ood (PNG)
 *   noise/              written later by {@code hqcm noise} ({@link org.hqcm.engine.internal.run.NoiseGrid}): noise.csv,
 *                       noise-accuracy.png, noise-jaccard.png, noise-accuracy-&lt;channel&gt;.png; the report shows
 *                       the first two when present
 *   run.lock            held (an OS file lock) by the one process writing the folder; names it ({@link org.hqcm.engine.run.RunLock})
 * </pre>
 *
 * <p>Files of a run folder are read only when they are its own: a symbolic link, or a link on the way, is refused or
 * skipped with its name ({@link org.hqcm.engine.run.RunFolder#link}). A killed process may leave {@code .NAME.*.tmp}
 * files of atomic writes and a torn last line of events.jsonl; a resume removes and repairs them, and says so in run.log.
 *
 * <p>API: this package reads run folders (the IDE, the launch, the sweep module and reports use it); running an
 * experiment is {@code org.hqcm.engine.internal.run}'s. May use: the JDK, Gson, Commons CSV, the model (runs are EMF
 * run records), the engine's other API packages and, for writing what a run produces, the internal packages' plain
 * Java types; never ND4J or Tribuo, directly or through what it reaches ({@code ApiClosureTest} checks).
 */
package org.hqcm.engine.run;
