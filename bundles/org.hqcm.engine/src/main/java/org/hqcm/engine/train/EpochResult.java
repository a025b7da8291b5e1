package org.hqcm.engine.train;

/** What one epoch gave: training means over its batches, validation over the validation split. */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double learningRate, double seconds) {

    static final String[] FIELDS = {"trainLoss", "trainAccuracy", "validationLoss", "validationAccuracy",
        "learningRate", "seconds"};

    double field(int i) {
        return switch (i) {
            case 0 -> trainLoss;
            case 1 -> trainAccuracy;
            case 2 -> validationLoss;
            case 3 -> validationAccuracy;
            case 4 -> learningRate;
            default -> seconds;
        };
    }
}
