package org.hqcm.engine.nn;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Fully connected layer y = x W + b on [N, in] rows; W is [in, out]. */
final class Dense {
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    Dense(String name, DataType dataType, int in, int out) {
        weight = new Parameter(name + ".weight", Nd4j.create(dataType, in, out));
        bias = new Parameter(name + ".bias", Nd4j.create(dataType, 1, out));
    }

    List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    int inputWidth() {
        return (int) weight.value().size(0);
    }

    int outputWidth() {
        return (int) weight.value().size(1);
    }

    /** {@code x} must stay unchanged until {@link #backward}. */
    INDArray forward(INDArray x) {
        input = x;
        INDArray y = Nd4j.create(x.dataType(), x.size(0), outputWidth());
        NativeOps.gemm(x, weight.value(), y, false, false, 1.0, 0.0);
        NativeOps.addRowInPlace(y, bias.value());
        return y;
    }

    /** Writes the weight and bias gradients and returns dL/dx. */
    INDArray backward(INDArray dy) {
        NativeOps.gemm(input, dy, weight.gradient(), true, false, 1.0, 0.0);
        bias.gradient().assign(dy.sum(true, 0));
        INDArray dx = Nd4j.create(dy.dataType(), dy.size(0), inputWidth());
        NativeOps.gemm(dy, weight.value(), dx, false, true, 1.0, 0.0);
        return dx;
    }
}
