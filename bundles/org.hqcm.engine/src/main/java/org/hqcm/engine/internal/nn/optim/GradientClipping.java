package org.hqcm.engine.internal.nn.optim;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;

import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global-norm clipping as PyTorch's clip_grad_norm_: all gradients scaled together when their joint norm
 * exceeds the limit.
 *
 * <p>Dense gradients are read and scaled through their native buffers in plain Java: two ND4J ops per
 * parameter (a norm and a scale) for some forty mostly small parameters cost more in call overhead than
 * one pass over the half-million values.
 */
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
            sq += sumOfSquares(p.gradient());
        }
        double norm = Math.sqrt(sq);
        double coefficient = maxNorm / (norm + EPSILON);
        if (coefficient < 1) {
            for (Parameter p : parameters) {
                scale(p.gradient(), coefficient);
            }
        }
        return norm;
    }

    private static double sumOfSquares(INDArray g) {
        if (!HostArrays.isDense(g)) {
            double n = g.norm2Number().doubleValue();
            return n * n;
        }
        int size = Math.toIntExact(g.length());
        double sq = 0;
        if (g.dataType() == DataType.FLOAT) {
            FloatBuffer b = g.data().asNioFloat();
            for (int i = 0; i < size; i++) {
                double v = b.get(i);
                sq += v * v;
            }
        } else {
            DoubleBuffer b = g.data().asNioDouble();
            for (int i = 0; i < size; i++) {
                double v = b.get(i);
                sq += v * v;
            }
        }
        return sq;
    }

    private static void scale(INDArray g, double coefficient) {
        if (!HostArrays.isDense(g)) {
            g.muli(coefficient);
            return;
        }
        int size = Math.toIntExact(g.length());
        if (g.dataType() == DataType.FLOAT) {
            FloatBuffer b = g.data().asNioFloat();
            for (int i = 0; i < size; i++) {
                b.put(i, (float) (b.get(i) * coefficient));
            }
        } else {
            DoubleBuffer b = g.data().asNioDouble();
            for (int i = 0; i < size; i++) {
                b.put(i, b.get(i) * coefficient);
            }
        }
    }
}
