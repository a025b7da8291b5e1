package org.hqcm.engine.nn;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The classical counterpart of the quantum layer: a dense layer with an activation. */
final class ClassicalHead implements Head {
    private final Dense dense;
    private final Activation activation;
    private INDArray output;

    ClassicalHead(DataType dataType, int in, int width, Activation activation) {
        this.dense = new Dense("head", dataType, in, width);
        this.activation = activation;
    }

    @Override
    public INDArray forward(INDArray z) {
        output = activation.applyInPlace(dense.forward(z));
        return output;
    }

    @Override
    public INDArray backward(INDArray dOut) {
        return dense.backward(activation.backwardInPlace(output, dOut.dup()));
    }

    @Override
    public List<Parameter> parameters() {
        return dense.parameters();
    }

    @Override
    public int outputWidth() {
        return dense.outputWidth();
    }
}
