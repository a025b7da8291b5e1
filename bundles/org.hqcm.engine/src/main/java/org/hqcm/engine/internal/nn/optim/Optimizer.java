package org.hqcm.engine.internal.nn.optim;

import java.util.List;
import java.util.Map;

import org.hqcm.engine.internal.nn.Parameter;

/** Updates parameters from their gradients; its state exports to plain arrays for checkpoints. */
public interface Optimizer {

    double learningRate();

    /** Changes the learning rate (ReduceLROnPlateau). */
    void setLearningRate(double learningRate);

    /** One update of every parameter from its current gradient. */
    void step(List<Parameter> parameters);

    /**
     * The least work of one {@link #step} per parameter value, for bench train's limits: {operations, bytes read and
     * written} (the value and its gradient in the network's precision, the optimizer's own state in doubles).
     */
    double[] stepCostPerValue();

    /** State as named arrays, including "learningRate" (one value). */
    Map<String, double[]> exportState();

    /** Restores {@link #exportState()} for these parameters. */
    void importState(Map<String, double[]> state, List<Parameter> parameters);
}
