/**
 * Evaluation of trained models on the test split and comparison of runs (the paper's Tables 1-2, Figs 7-10):
 * <ul>
 * <li>classification metrics in the Table 1 layout: {@link org.hqcm.engine.eval.ClassificationReport},
 * {@link org.hqcm.engine.eval.ConfusionCounts}, built from label arrays or from a Tribuo
 * {@code LabelEvaluation} ({@link org.hqcm.engine.internal.eval.TribuoEvaluations}, which adds the weighted average);</li>
 * <li>paired statistics between two runs on the same test images: Wilcoxon signed-rank with SciPy's defaults
 * ({@link org.hqcm.engine.eval.WilcoxonSignedRank}), McNemar ({@link org.hqcm.engine.eval.McNemar}), paired
 * percentile bootstrap ({@link org.hqcm.engine.eval.PairedBootstrap}), all gathered by
 * {@link org.hqcm.engine.eval.PairedComparison}, which refuses runs on different test sets
 * ({@link org.hqcm.engine.eval.TestSetFingerprint});</li>
 * <li>seed-grouped comparison of configurations (a sweep's, or {@code hqcm compare --group}):
 * {@link org.hqcm.engine.eval.SeedGroups} (mean, sd and 95% t-interval across seeds; configurations that differ in one
 * axis paired by seed: Wilcoxon signed-rank, pooled McNemar, {@link org.hqcm.engine.eval.Holm}) written by
 * {@link org.hqcm.engine.eval.GroupReport} as Markdown, HTML and JSON (Gson) with band curves and parallel coordinates;</li>
 * <li>exact t-SNE ({@link org.hqcm.engine.eval.Tsne}) and attention-map Jaccard indices
 * ({@link org.hqcm.engine.eval.AttentionJaccard});</li>
 * <li>output: Markdown/CSV {@link org.hqcm.engine.eval.Table}s ({@link org.hqcm.engine.eval.ReportTables}), PNG
 * figures ({@link org.hqcm.engine.eval.EvaluationFigures}) and a self-contained
 * {@link org.hqcm.engine.eval.HtmlReport}.</li>
 * </ul>
 *
 * <p>API. May use: Apache Commons CSV (tables), {@code org.hqcm.engine.plot}, {@code internal.io}, the engine's
 * exceptions, the model's {@code AtomicFiles}; not ND4J, Tribuo or the network (evaluation works on arrays a run has
 * written, so reports and comparisons need no training; Tribuo's evaluation is read in {@code internal.eval}).
 */
package org.hqcm.engine.eval;
