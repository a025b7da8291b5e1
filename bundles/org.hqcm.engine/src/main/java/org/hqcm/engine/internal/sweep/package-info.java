/**
 * The sweep driver: expands a sweep, hands its trials to a {@link org.hqcm.engine.sweep.TrialExecutor} (sequential
 * here, Spark in the sweep module), records and reports them ({@link org.hqcm.engine.internal.sweep.SweepDriver}), and
 * the progress line ({@link org.hqcm.engine.internal.sweep.SweepProgress}).
 *
 * <p>Internal (x-internal): for the engine's CLI and the sweep module. May use: the engine's sweep, run and eval
 * packages, {@code internal.run}'s event and log writers, the model; nothing of Spark.
 */
package org.hqcm.engine.internal.sweep;
