package org.hqcm.engine.internal.nn.loss;

/**
 * Value of the composite loss for one batch, its parts (unweighted), and its gradients: dLogits is
 * [N*K] row-major, dSpatialMap [N*h*w] row-major (null when the mask term is off).
 */
public record LossResult(double total, double crossEntropy, double bce, double dice,
        double[] dLogits, double[] dSpatialMap) {
}
