package org.hqcm.engine.nn;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The classical counterpart of the quantum layer: a dense layer with an activation, on the projection's
 * slices L2-normalised as the quantum layer's amplitude embedding normalises them (unless turned off).
 */
final class ClassicalHead implements Head {
    private final SliceNormalisation normalisation;
    private final Dense dense;
    private final Activation activation;
    private INDArray output;

    /** {@code slices} 0 feeds the projection to the dense layer as it is. */
    ClassicalHead(DataType dataType, int in, int width, Activation activation, int slices) {
        this.normalisation = slices > 0 ? new SliceNormalisation(slices) : null;
        this.dense = new Dense("head", dataType, in, width);
        this.activation = activation;
    }

    @Override
    public INDArray forward(INDArray z) {
        INDArray x = normalisation == null ? z : normalisation.forward(z);
        output = activation.applyInPlace(dense.forward(x));
        return output;
    }

    @Override
    public INDArray backward(INDArray dOut) {
        INDArray dx = dense.backward(activation.backwardInPlace(output, dOut.dup()));
        return normalisation == null ? dx : normalisation.backward(dx);
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
