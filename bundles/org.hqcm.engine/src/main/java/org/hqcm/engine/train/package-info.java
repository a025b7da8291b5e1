/**
 * Training of the hybrid network: the epoch loop (seeded shuffling and augmentation, composite loss, global-norm
 * clipping, the optimizer, ReduceLROnPlateau, early stopping with restore of the best weights), its resumable state,
 * and the mapping from the EMF experiment model to the engine's configuration records.
 */
package org.hqcm.engine.train;
