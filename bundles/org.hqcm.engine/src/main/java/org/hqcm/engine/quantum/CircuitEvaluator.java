package org.hqcm.engine.quantum;

/**
 * Evaluates {@code circuits} circuits of one {@link CircuitSpec} on a batch, in double precision; made by a
 * {@link Simulator}. Circuit c reads columns {@code [c * inputWidth, (c+1) * inputWidth)} of each input row and writes
 * columns {@code [c * q, (c+1) * q)} of each output row. Keeps buffers between calls: not thread-safe.
 */
public interface CircuitEvaluator {

    /**
     * Exact expectation values (no shot noise).
     *
     * @param input   row-major [batch][circuits * spec.inputWidth()]
     * @param weights [circuit][layer][wire][phi, theta, omega]
     * @param output  row-major [batch][circuits * q], overwritten
     */
    void forward(double[] input, int batch, double[] weights, double[] output);

    /**
     * Gradients for the last {@link #forward}; callable once per forward.
     *
     * @param gradOutput  dL/doutput, [batch][circuits * q]
     * @param gradInput   dL/dinput, [batch][circuits * inputWidth], overwritten
     * @param gradWeights dL/dweights are ADDED into it
     */
    void backward(double[] gradOutput, double[] gradInput, double[] gradWeights);
}
