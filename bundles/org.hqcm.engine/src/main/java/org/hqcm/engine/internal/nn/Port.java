package org.hqcm.engine.internal.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A second output of a layer, read by the loss besides the network's logits, and the gradient the loss sends back
 * into it: the spatial attention map T_s of {@link DualAttention}. The layer writes the value in its forward pass and
 * reads the gradient (none: null) in its backward pass.
 */
public final class Port {
    private final String name;
    private INDArray value;
    private INDArray gradient;

    Port(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The value of the last forward pass (null before the first). */
    public INDArray value() {
        return value;
    }

    void set(INDArray value) {
        this.value = value;
    }

    /** dL/dvalue for the next backward pass, shaped like the value, or null when the loss does not read the port. */
    void gradient(INDArray gradient) {
        this.gradient = gradient;
    }

    INDArray gradient() {
        return gradient;
    }
}
