package org.hqcm.engine.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fully connected layer y = x W + b; W is [in, out]. An input of more dimensions ([N, h, w, C]) is read as its N
 * flattened rows (in (h, w, c) order) and its gradient returned in the input's shape.
 */
final class Dense implements Layer {
    private final String name;
    private final Parameter weight;
    private final Parameter bias;
    // storage only grows, so that a smaller last batch or an evaluation batch reuses it
    private final SharedBuffer outputStore;
    private final SharedBuffer inputGradientStore;
    private INDArray input;
    private long[] inputShape;

    Dense(String name, DataType dataType, int in, int out) {
        this.name = name;
        weight = new Parameter(name + ".weight", Nd4j.create(dataType, in, out));
        bias = new Parameter(name + ".bias", Nd4j.create(dataType, 1, out));
        outputStore = new SharedBuffer(dataType);
        inputGradientStore = new SharedBuffer(dataType);
    }

    @Override
    public LayerCost cost(int batch) {
        long in = weight.value().size(0);
        long out = weight.value().size(1);
        return LayerCost.of(2.0 * batch * in * out, true, weight.value().dataType().width(), (double) batch * in,
                (double) in * out + out, (double) batch * out);
    }

    @Override
    public String name() {
        return name;
    }

    /** True: no batch statistics: the forward keeps its input in both modes. */
    @Override
    public boolean backwardAfterInference() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** Weights and bias uniform in +-1/sqrt(in). */
    @Override
    public void initialise(SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(inputWidth());
        weight.initialiseUniform(random, bound);
        bias.initialiseUniform(random, bound);
    }

    int inputWidth() {
        return (int) weight.value().size(0);
    }

    int outputWidth() {
        return (int) weight.value().size(1);
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        long n = x.size(0);
        inputShape = x.shape();
        input = x.reshape(n, inputWidth());
        outputStore.reserve(n * outputWidth());
        INDArray y = outputStore.view(n, outputWidth());
        NativeOps.gemm(input, weight.value(), y, false, false, 1.0, 0.0);
        NativeOps.addRowInPlace(y, bias.value());
        return y;
    }

    @Override
    public INDArray backward(INDArray dy) {
        NativeOps.gemm(input, dy, weight.gradient(), true, false, 1.0, 0.0);
        Nd4j.getExecutioner().exec(new Sum(dy, bias.gradient(), true, 0));
        long n = dy.size(0);
        inputGradientStore.reserve(n * inputWidth());
        INDArray dx = inputGradientStore.view(n, inputWidth());
        NativeOps.gemm(dy, weight.value(), dx, false, true, 1.0, 0.0);
        return dx.reshape(inputShape);
    }
}
