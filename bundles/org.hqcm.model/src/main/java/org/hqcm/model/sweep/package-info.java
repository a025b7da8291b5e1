/**
 * Sweeps without Spark: what a {@code .hqcmsweep} expands to. {@link org.hqcm.model.sweep.FeaturePath} reads and
 * applies an axis's feature path ({@code training.learningRate}, {@code dataset.sources[0].imagesPerClass}, and
 * {@code architecture.head} with the preset heads {@code quantum}/{@code classical});
 * {@link org.hqcm.model.sweep.SweepExpansion} turns a sweep into its configurations and trials (grid or seeded
 * random draw, times the seeds); {@link org.hqcm.model.sweep.TrialIds} names them by a hash of their settings.
 * Used by validation ({@code HqcmConstraints}), the engine's sweep driver and the IDE alike; depends only on EMF and
 * this bundle's model.
 */
package org.hqcm.model.sweep;
