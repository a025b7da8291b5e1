package org.hqcm.engine.internal.explain;

import org.hqcm.engine.internal.nn.HostArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Grad-CAM (Selvaraju et al. 2017, "Grad-CAM: visual explanations from deep networks via gradient-based
 * localization"): for the feature maps A_c of a layer (c the channel) and a class logit y,
 * L = ReLU(sum_c alpha_c A_c) with alpha_c = the spatial mean of dy / dA_c; a map on the layer's grid. The gradient is
 * the network's own backward pass from that logit ({@link HybridNetwork#logitGradient}), in inference mode, so the
 * map explains the model as it predicts ({@link Explainer} takes both of its layers' gradients from one pass).
 */
public final class GradCam {

    private GradCam() {
    }

    /** The maps of one layer from its activation A and the gradient dy / dA, both [N, h, w, C]. */
    public static float[][][] maps(INDArray activation, INDArray gradient, String layer) {
        long[] shape = activation.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException("Grad-CAM needs feature maps [N, h, w, C]; layer " + layer + " gives "
                    + java.util.Arrays.toString(shape));
        }
        int n = (int) shape[0];
        int h = (int) shape[1];
        int w = (int) shape[2];
        int c = (int) shape[3];
        double[] a = HostArrays.toDoubles(activation);
        double[] g = HostArrays.toDoubles(gradient);
        float[][][] maps = new float[n][h][w];
        double[] alpha = new double[c];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(alpha, 0);
            int base = i * h * w * c;
            for (int p = 0; p < h * w; p++) {
                for (int k = 0; k < c; k++) {
                    alpha[k] += g[base + p * c + k];
                }
            }
            for (int k = 0; k < c; k++) {
                alpha[k] /= h * w;
            }
            for (int p = 0; p < h * w; p++) {
                double v = 0;
                for (int k = 0; k < c; k++) {
                    v += alpha[k] * a[base + p * c + k];
                }
                maps[i][p / w][p % w] = (float) Math.max(0, v);
            }
        }
        return maps;
    }
}
