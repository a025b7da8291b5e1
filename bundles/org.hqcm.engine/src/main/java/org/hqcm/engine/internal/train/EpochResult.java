package org.hqcm.engine.internal.train;

/**
 * What one epoch gave: training means over its batches, validation over the validation split, and the mean over its
 * batches of the L2 norm of the loss gradient with respect to the quantum circuits' weights before clipping (0 for a
 * classical head).
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double learningRate, double seconds, double quantumGradientNorm) {

    static final String[] FIELDS = {"trainLoss", "trainAccuracy", "validationLoss", "validationAccuracy",
        "learningRate", "seconds", "quantumGradientNorm"};

    /** Fields that checkpoints written before them lack; they read back as NaN. */
    static final int FIRST_OPTIONAL_FIELD = 6;

    double field(int i) {
        return switch (i) {
            case 0 -> trainLoss;
            case 1 -> trainAccuracy;
            case 2 -> validationLoss;
            case 3 -> validationAccuracy;
            case 4 -> learningRate;
            case 5 -> seconds;
            default -> quantumGradientNorm;
        };
    }
}
