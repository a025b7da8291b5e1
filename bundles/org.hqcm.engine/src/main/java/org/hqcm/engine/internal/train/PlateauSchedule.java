package org.hqcm.engine.internal.train;

/**
 * ReduceLROnPlateau (PyTorch's defaults: mode min, relative threshold 1e-4, no cooldown) and early stopping on the
 * same validation loss. Early stopping counts epochs since the best loss (a patience of 0 turns it off); the caller
 * restores the best weights.
 */
final class PlateauSchedule {

    private static final double THRESHOLD = 1e-4;

    private final double factor;
    private final int plateauPatience;
    private final int stoppingPatience;
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch;
    int badForPlateau;
    int badForStopping;

    PlateauSchedule(double factor, int plateauPatience, int stoppingPatience) {
        this.factor = factor;
        this.plateauPatience = plateauPatience;
        this.stoppingPatience = stoppingPatience;
    }

    /** What the schedule decides after an epoch. */
    record Decision(boolean improved, double learningRate, boolean stop) {
    }

    Decision observe(int epoch, double validationLoss, double learningRate) {
        boolean improved = validationLoss < best * (1 - THRESHOLD) || (best == Double.POSITIVE_INFINITY
                && Double.isFinite(validationLoss));
        double lr = learningRate;
        if (improved) {
            best = validationLoss;
            bestEpoch = epoch;
            badForPlateau = 0;
            badForStopping = 0;
        } else {
            badForPlateau++;
            badForStopping++;
            if (badForPlateau > plateauPatience) {
                lr = learningRate * factor;
                badForPlateau = 0;
            }
        }
        // 0 = never stop early (Training.earlyStoppingPatience's documentation); it stopped after epoch 1 before
        return new Decision(improved, lr, stoppingPatience > 0 && badForStopping >= stoppingPatience);
    }

    double[] export() {
        return new double[] {best, bestEpoch, badForPlateau, badForStopping};
    }

    void restore(double[] s) {
        best = s[0];
        bestEpoch = (int) s[1];
        badForPlateau = (int) s[2];
        badForStopping = (int) s[3];
    }
}
