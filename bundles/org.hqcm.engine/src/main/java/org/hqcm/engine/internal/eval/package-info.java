/**
 * Evaluation through Tribuo ({@link org.hqcm.engine.internal.eval.TribuoEvaluations}: a LabelEvaluation to the
 * statistics of {@code org.hqcm.engine.eval}) and the evaluation benchmark.
 *
 * <p>Internal (x-internal). May use: Tribuo, {@code org.hqcm.engine.eval} and the engine's training package.
 */
package org.hqcm.engine.internal.eval;
