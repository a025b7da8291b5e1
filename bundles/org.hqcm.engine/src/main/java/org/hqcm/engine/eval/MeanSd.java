package org.hqcm.engine.eval;

import java.util.Locale;

/** Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value) of repeated runs. */
public record MeanSd(double mean, double sd, int n) {

    public static MeanSd of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("mean and sd need at least one value");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new MeanSd(mean, values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0, values.length);
    }

    /** "0.9612 ± 0.0041" with the given decimals. */
    public String format(int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, sd);
    }
}
