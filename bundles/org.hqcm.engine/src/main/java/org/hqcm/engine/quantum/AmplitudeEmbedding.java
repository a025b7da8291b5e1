package org.hqcm.engine.quantum;

import org.hqcm.engine.NonFiniteException;

/**
 * L2 normalisation of an amplitude-embedding input, shared by both simulators so that they embed alike.
 *
 * <p>Zero input: PennyLane's {@code AmplitudeEmbedding(normalize=True)} raises on a zero vector. A network layer
 * cannot raise in the middle of training, so a row whose L2 norm is below {@link #MIN_NORM} (an all-zero row in
 * practice) is embedded as the basis state |0...0>; the embedding is constant there, so its input gradient is zero.
 * The threshold keeps the input gradient of every other row, which scales with 1/norm, far inside float range:
 * no NaN or infinity ever leaves the layer.
 */
public final class AmplitudeEmbedding {

    /** Rows with an L2 norm below this are treated as zero rows. */
    public static final double MIN_NORM = 1e-12;

    private AmplitudeEmbedding() {
    }

    /**
     * Writes {@code x[off..off+n)} divided by its L2 norm into {@code out[0..n)} and returns the norm; for a zero row
     * (norm below {@link #MIN_NORM}) writes e_0 and returns 0.
     *
     * @throws IllegalArgumentException for a NaN or infinite value (an upstream divergence must not be hidden)
     */
    public static double normalise(double[] x, int off, int n, double[] out) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            sum += v * v;
        }
        // the plain sum of squares is exact enough unless it overflowed, underflowed or met a NaN
        double norm = sum > 1e-250 && sum < 1e250 ? Math.sqrt(sum) : scaledNorm(x, off, n);
        if (!(norm >= MIN_NORM)) {
            java.util.Arrays.fill(out, 0, n, 0.0);
            out[0] = 1;
            return 0;
        }
        double inv = 1 / norm;
        for (int i = 0; i < n; i++) {
            out[i] = x[off + i] * inv;
        }
        return norm;
    }

    /** The norm scaled by the largest magnitude, so that squares neither overflow nor underflow. */
    private static double scaledNorm(double[] x, int off, int n) {
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double v = x[off + i];
            if (!Double.isFinite(v)) {
                throw new NonFiniteException("amplitude embedding input " + i + " is " + v + ", expected a finite number");
            }
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        if (maxAbs == 0) {
            return 0;
        }
        double inv = 1 / maxAbs;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = x[off + i] * inv;
            sum += v * v;
        }
        return Math.sqrt(sum) * maxAbs;
    }
}
