package org.hqcm.engine.eval;

import java.util.Locale;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A metric across seeds: mean, sample sd (n - 1) and the 95% confidence interval of the mean from Student's t with
 * n - 1 degrees of freedom, mean +- t(0.975, n - 1) sd / sqrt(n), as SciPy's
 * {@code stats.t.interval(0.95, n - 1, loc=mean, scale=sem)}. One seed has no interval (NaN bounds).
 */
public record SeedInterval(MeanSd meanSd, double low, double high) {

    /** Confidence of the interval. */
    public static final double CONFIDENCE = 0.95;

    public static SeedInterval of(double... values) {
        MeanSd m = MeanSd.of(values);
        if (m.n() < 2) {
            return new SeedInterval(m, Double.NaN, Double.NaN);
        }
        double t = new TDistribution(null, m.n() - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * m.sd() / Math.sqrt(m.n());
        return new SeedInterval(m, m.mean() - half, m.mean() + half);
    }

    public double mean() {
        return meanSd.mean();
    }

    public double sd() {
        return meanSd.sd();
    }

    public int n() {
        return meanSd.n();
    }

    /** "0.9412 ± 0.0051 [0.9349, 0.9475]" (no interval for one seed). */
    public String format(int decimals) {
        String s = meanSd.format(decimals);
        return Double.isNaN(low) ? s : s + String.format(Locale.ROOT, " [%." + decimals + "f, %." + decimals + "f]", low, high);
    }
}
