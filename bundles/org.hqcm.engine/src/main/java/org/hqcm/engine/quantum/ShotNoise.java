package org.hqcm.engine.quantum;

import java.util.SplittableRandom;

/**
 * Finite-shot estimates of Pauli expectations, as hardware would give them: each wire is measured {@code shots}
 * times, the count of +1 outcomes is Binomial(shots, (1 + e) / 2), and the estimate is 2 count / shots - 1.
 * Wires are sampled independently (their marginals are exact; correlations between wires are not modelled).
 * The estimate is always in [-1, 1], never NaN.
 */
public final class ShotNoise {

    private final int shots;
    private final SplittableRandom random;

    public ShotNoise(int shots, long seed) {
        if (shots < 1) {
            throw new IllegalArgumentException("shots = " + shots + ": expected at least 1");
        }
        this.shots = shots;
        this.random = new SplittableRandom(seed);
    }

    /** Replaces each exact expectation in {@code values[0..count)} by a sampled estimate. */
    public void apply(double[] values, int count) {
        for (int i = 0; i < count; i++) {
            double p = Math.min(1, Math.max(0, (1 + values[i]) / 2));
            values[i] = 2.0 * binomial(shots, p) / shots - 1;
        }
    }

    /**
     * An exact Binomial(n, p) draw by the second waiting-time method (Devroye, Non-Uniform Random Variate Generation,
     * X.4.3): expected cost O(1 + n min(p, 1-p)).
     */
    int binomial(int n, double p) {
        if (p > 0.5) {
            return n - binomial(n, 1 - p);
        }
        if (p <= 0) {
            return 0;
        }
        double limit = -Math.log1p(-p);
        double sum = 0;
        int x = 0;
        while (true) {
            // exponential variate; 1 - nextDouble() is in (0, 1]
            sum += -Math.log(1 - random.nextDouble()) / (n - x);
            if (sum > limit) {
                return x;
            }
            x++;
            if (x == n) {
                return n;
            }
        }
    }
}
