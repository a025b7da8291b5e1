package org.hqcm.engine.nn.optim;

import java.util.List;

import org.hqcm.engine.nn.Parameter;

/** Global-norm clipping as PyTorch's clip_grad_norm_: all gradients scaled together when their joint norm exceeds the limit. */
public final class GradientClipping {
    private static final double EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales every gradient by min(1, maxNorm / (norm + 1e-6)), norm being the L2 norm of all gradients
     * together, and returns that norm (before clipping; NaN or infinite if a gradient is).
     */
    public static double clipGlobalNorm(List<Parameter> parameters, double maxNorm) {
        double sq = 0;
        for (Parameter p : parameters) {
            double n = p.gradient().norm2Number().doubleValue();
            sq += n * n;
        }
        double norm = Math.sqrt(sq);
        double coefficient = maxNorm / (norm + EPSILON);
        if (coefficient < 1) {
            for (Parameter p : parameters) {
                p.gradient().muli(coefficient);
            }
        }
        return norm;
    }
}
