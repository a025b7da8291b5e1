package org.hqcm.engine.internal.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise activation of the classical head: the model's ActivationFunction as far as the engine implements it.
 * Derivatives are taken from the activation's output.
 */
public enum ActivationFunction {
    RELU, TANH, SIGMOID;

    /** Applies the activation in place and returns {@code x}. */
    INDArray applyInPlace(INDArray x) {
        return switch (this) {
            case RELU -> Transforms.relu(x, false);
            case TANH -> Transforms.tanh(x, false);
            case SIGMOID -> Transforms.sigmoid(x, false);
        };
    }

    /** Multiplies {@code grad} in place by the derivative, given the activation's output {@code y}. */
    INDArray backwardInPlace(INDArray y, INDArray grad) {
        return switch (this) {
            case RELU -> grad.muli(y.gt(0).castTo(y.dataType()));
            case TANH -> grad.muli(y.mul(y).rsubi(1));
            case SIGMOID -> grad.muli(y.rsub(1).muli(y));
        };
    }
}
