package org.hqcm.engine.internal.train;

/**
 * The network's outputs over a set of samples in inference mode: class probabilities (N x K) and the logits they are
 * the softmax of (N x K: calibration and out-of-distribution scores need them), the spatial attention maps T_s
 * (N x h x w, null without attention), the head's outputs (N x width: quantum expectations or the classical dense
 * layer), and the mean loss and accuracy against the labels.
 */
public record Predictions(int[] indices, int[] labels, int[] predicted, double[] probabilities, double[] logits,
        int classes, double[] spatialMaps, int mapSize, double[] headOutputs, int headWidth, double loss,
        double accuracy) {

    public int size() {
        return indices.length;
    }
}
