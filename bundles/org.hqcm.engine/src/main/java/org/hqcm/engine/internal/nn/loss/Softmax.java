package org.hqcm.engine.internal.nn.loss;

/** Numerically stable softmax of rows of logits (max subtracted before exp). */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Writes the probabilities of row {@code logits[offset .. offset+k)} into {@code out[outOffset ..]} and returns
     * log(sum(exp(logits))) of the row, from which the cross-entropy of any class follows.
     */
    public static double row(double[] logits, int offset, int k, double[] out, int outOffset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(logits[offset + j] - max);
            out[outOffset + j] = e;
            sum += e;
        }
        for (int j = 0; j < k; j++) {
            out[outOffset + j] /= sum;
        }
        return Math.log(sum) + max;
    }
}
