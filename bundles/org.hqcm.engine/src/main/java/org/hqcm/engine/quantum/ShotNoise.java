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
    private final Binomial binomial;

    public ShotNoise(int shots, long seed) {
        if (shots < 1) {
            throw new IllegalArgumentException("shots = " + shots + ": expected at least 1");
        }
        this.shots = shots;
        SplittableRandom random = new SplittableRandom(seed);
        this.binomial = new Binomial(random::nextDouble);
    }

    /** Replaces each exact expectation in {@code values[0..count)} by a sampled estimate. */
    public void apply(double[] values, int count) {
        for (int i = 0; i < count; i++) {
            double p = Math.min(1, Math.max(0, (1 + values[i]) / 2));
            values[i] = 2.0 * binomial(shots, p) / shots - 1;
        }
    }

    /** An exact Binomial(n, p) draw whose cost does not grow with n ({@link Binomial}). */
    int binomial(int n, double p) {
        return binomial.sample(n, p);
    }
}
