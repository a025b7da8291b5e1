package org.hqcm.engine.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The classical counterpart of the quantum layer as the network's head: a dense layer with an activation, on the
 * projection's slices L2-normalised as the quantum layer's amplitude embedding normalises them (unless turned off).
 */
final class ClassicalHeadLayer implements Layer {
    private final SliceNormalisation normalisation;
    private final Dense dense;
    private final ActivationFunction activation;
    private INDArray output;

    /** {@code slices} 0 feeds the projection to the dense layer as it is. */
    ClassicalHeadLayer(DataType dataType, int in, int width, ActivationFunction activation, int slices) {
        this.normalisation = slices > 0 ? new SliceNormalisation(slices, in) : null;
        this.dense = new Dense("head", dataType, in, width);
        this.activation = activation;
    }

    @Override
    public LayerCost cost(int batch) {
        LayerCost c = dense.cost(batch);
        return normalisation == null ? c : normalisation.cost(batch).plus(c);
    }

    @Override
    public String name() {
        return "head";
    }

    /** True: no batch statistics: the slice normalisation and the dense layer keep their state in both modes. */
    @Override
    public boolean backwardAfterInference() {
        return true;
    }

    @Override
    public void initialise(SplittableRandom random) {
        dense.initialise(random);
    }

    @Override
    public INDArray forward(INDArray z, boolean training) {
        INDArray x = normalisation == null ? z : normalisation.forward(z, training);
        output = activation.applyInPlace(dense.forward(x, training));
        return output;
    }

    @Override
    public INDArray backward(INDArray dOut) {
        INDArray dx = dense.backward(activation.backwardInPlace(output, dOut));
        return normalisation == null ? dx : normalisation.backward(dx);
    }

    @Override
    public List<Parameter> parameters() {
        return dense.parameters();
    }
}
