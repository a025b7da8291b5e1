package org.hqcm.engine.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The layer between the projection z (width 2^q * c) and the classifier: quantum or classical. */
interface Head {
    /** [N, inputWidth] to [N, outputWidth]; the input must stay unchanged until backward. */
    INDArray forward(INDArray z);

    /** Writes the head's parameter gradients and returns dL/dz. */
    INDArray backward(INDArray dOut);

    List<Parameter> parameters();

    int outputWidth();

    /** Copies values written into the parameters from outside (optimizer, import) to where the head reads them. */
    default void parametersChanged() {
    }
}
