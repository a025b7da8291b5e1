package org.hqcm.engine.train;

import org.hqcm.engine.BadInputException;

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

    public TrainingOptions {
        if (maxEpochs < 1) {
            throw new BadInputException("training.maxEpochs: expected at least 1, got " + maxEpochs);
        }
        if (batchSize < 1) {
            throw new BadInputException("training.batchSize: expected at least 1, got " + batchSize);
        }
        if (recalibrationImages < 0) {
            throw new BadInputException("training.batchNormRecalibration: expected 0 (off) or a number of images, got "
                    + recalibrationImages);
        }
        if (!(plateauFactor > 0 && plateauFactor <= 1)) {
            throw new BadInputException("training.plateauFactor: expected a value in (0, 1], got " + plateauFactor);
        }
    }
}
