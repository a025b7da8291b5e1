/**
 * Training of the hybrid network: the mapping from the EMF experiment model to the engine's configuration records
 * ({@link org.hqcm.engine.internal.train.ExperimentMapping}, the one place that reads the model's options for the network,
 * schedule, loss, augmentation and sources), the training step ({@code TrainingStep}: forward, loss, backward,
 * clipping, the optimizer) that the epoch loop ({@link org.hqcm.engine.internal.train.NetworkTrainer}: seeded shuffling and
 * augmentation, ReduceLROnPlateau, early stopping with restore of the best weights) and {@code bench train}
 * ({@link org.hqcm.engine.internal.train.TrainStepBenchmark}) both run, and the resumable state.
 *
 * <p>Internal (x-internal: the engine's own). May use: {@code org.hqcm.engine.internal.nn} and its subpackages, {@code internal.data}, {@code quantum}, the model's API
 * (read-only), ND4J.
 */
package org.hqcm.engine.internal.train;
