package org.hqcm.engine.eval;

/**
 * A run's calibration and out-of-distribution figures on its test split, as its record holds them (NaN where the run
 * has none): expected calibration error, Brier score and NLL as trained and, when a temperature was fitted on the
 * validation split, with it; and the share of test images its out-of-distribution threshold flags.
 */
public record ConfidenceSummary(double ece, double brier, double nll, boolean fitted, double temperature,
        double scaledEce, double scaledBrier, double scaledNll, double oodFlagged) {

    /** A run made before these figures existed. */
    public static final ConfidenceSummary NONE = new ConfidenceSummary(Double.NaN, Double.NaN, Double.NaN, false,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public boolean isEmpty() {
        return Double.isNaN(ece) && Double.isNaN(oodFlagged);
    }
}
