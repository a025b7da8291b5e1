package org.hqcm.engine.internal.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable tensor and the gradient of the loss with respect to it, written by the last backward pass.
 * The name is the key under which the value and its optimizer state are exported.
 */
public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray gradient;

    public Parameter(String name, INDArray value) {
        this.name = Objects.requireNonNull(name);
        this.value = Objects.requireNonNull(value);
        this.gradient = value.ulike();
    }

    public String name() {
        return name;
    }

    /** The live value; optimizers update it in place. */
    public INDArray value() {
        return value;
    }

    /** The live gradient; backward passes overwrite it. */
    public INDArray gradient() {
        return gradient;
    }

    public long size() {
        return value.length();
    }

    /**
     * Draws every element uniformly in [-bound, bound) from {@code random}, in c order: PyTorch's default initialisation
     * of convolution and linear layers with {@code bound} = 1 / sqrt(fan-in), for their weights and biases alike.
     */
    void initialiseUniform(SplittableRandom random, double bound) {
        double[] v = new double[Math.toIntExact(size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (random.nextDouble() * 2 - 1) * bound;
        }
        HostArrays.copyIn(v, value);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(value.shape());
    }
}
