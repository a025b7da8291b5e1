package org.hqcm.engine.internal.nn;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One stage of the network, with its own parameters, their initialisation and a hand-written backward pass (DL4J's
 * {@code Layer.activate} / {@code backpropGradient} is the model). {@link HybridNetwork} is a list of layers wired by
 * these two calls; each layer has its own finite-difference gradient check in the tests.
 *
 * <p>Buffers are the layer's own and reused from step to step: an output is valid until the layer's next forward
 * pass, and an input must stay unchanged until the backward pass that follows.
 */
public interface Layer {

    /** The layer's name: the prefix of its parameters' names ({@code block2.conv.weight}) and its phase in timings. */
    String name();

    /**
     * Forward pass of a batch (the first dimension); training mode uses and updates batch statistics (BatchNorm) and
     * keeps what {@link #backward} needs, inference mode uses the running statistics.
     */
    INDArray forward(INDArray input, boolean training);

    /**
     * Backward pass of the last training-mode forward (or of the last inference-mode forward, where
     * {@link #backwardAfterInference()}): writes the gradient of every parameter and returns dL/dinput, or null for a
     * layer that computes none (the first). {@code dOut} (dL/doutput) may be overwritten.
     */
    INDArray backward(INDArray dOut);

    /**
     * Whether {@link #backward} may also follow an inference-mode forward, as explanations need it (Grad-CAM: the
     * gradient of a class logit of the trained model with respect to a layer's output): true for a layer whose forward
     * keeps the same state in both modes; false (the default) for one with batch statistics, whose backward assumes
     * the training mode's (BatchNorm in the backbone blocks).
     */
    default boolean backwardAfterInference() {
        return false;
    }

    /**
     * The least arithmetic and memory traffic of a forward and a backward pass over {@code batch} inputs: what no
     * implementation on any machine can avoid ({@code bench train} compares each phase's time with it).
     */
    LayerCost cost(int batch);

    /** The trainable parameters, in a fixed order (the export order). */
    List<Parameter> parameters();

    /**
     * Draws the initial values of the parameters this layer initialises from {@code random}, in parameter order;
     * parameters that start from fixed values (BatchNorm's gamma 1 and beta 0) or from their own seed (the circuits'
     * weights) draw nothing.
     */
    void initialise(SplittableRandom random);

    /** The BatchNorms inside the layer (running statistics to export, recalibrate). */
    default List<BatchNorm> norms() {
        return List.of();
    }

    /** Values were written into the parameters from outside (optimizer step, import): copy them where they are read. */
    default void parametersChanged() {
    }
}
