package org.hqcm.engine.internal.train;

import org.hqcm.model.validation.HqcmConstraints;

/**
 * The schedule of one training run. Values come from the experiment's {@code Training}; no defaults here.
 *
 * @param clipNorm         global-norm gradient clipping threshold (0 = off)
 * @param plateauFactor    ReduceLROnPlateau factor applied to the learning rate
 * @param plateauPatience  epochs without validation-loss improvement before the learning rate drops
 * @param stoppingPatience epochs without improvement before training stops (best weights restored)
 * @param seed             shuffling and augmentation seed
 * @param recalibrationImages training images (unaugmented) over which BatchNorm's statistics are recomputed
 *                         after every epoch, before validation; 0 keeps the momentum running averages
 */
public record TrainingOptions(double clipNorm, double plateauFactor, int plateauPatience, int stoppingPatience,
        int maxEpochs, int batchSize, long seed, int recalibrationImages) {

    /** Only what the epoch loop's arithmetic needs; the experiment's rules are HqcmConstraints'. */
    public TrainingOptions {
        if (maxEpochs < 1) {
            throw new IllegalArgumentException(HqcmConstraints.notAllowed("training.maxEpochs", maxEpochs, ">= 1"));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(HqcmConstraints.notAllowed("training.batchSize", batchSize, ">= 1"));
        }
        if (recalibrationImages < 0) {
            throw new IllegalArgumentException(HqcmConstraints.notAllowed("training.batchNormRecalibration",
                    recalibrationImages, ">= 0 (0 = off)"));
        }
    }
}
