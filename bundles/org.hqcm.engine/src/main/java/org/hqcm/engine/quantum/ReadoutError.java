package org.hqcm.engine.quantum;

/**
 * Readout error around any evaluator: the outcome of wire w is flipped with probability r_w before it is read, so each
 * expectation is scaled by 1 - 2 r_w (forward) and so is its gradient (backward). Shot sampling, where there is any,
 * then samples from the scaled expectation, as a detector with flips would give.
 */
final class ReadoutError implements CircuitEvaluator {

    private final CircuitEvaluator base;
    private final double[] factor;
    private final int circuits;
    private double[] scaled = new double[0];

    private ReadoutError(CircuitEvaluator base, CircuitSpec spec, int circuits) {
        this.base = base;
        this.circuits = circuits;
        this.factor = new double[spec.qubits()];
        for (int w = 0; w < factor.length; w++) {
            factor[w] = 1 - 2 * spec.noise().readout(w);
        }
    }

    /** {@code base} itself when no wire has a readout error. */
    static CircuitEvaluator wrap(CircuitSpec spec, int circuits, CircuitEvaluator base) {
        return spec.noise().hasReadoutError() ? new ReadoutError(base, spec, circuits) : base;
    }

    @Override
    public void forward(double[] input, int batch, double[] weights, double[] output) {
        base.forward(input, batch, weights, output);
        int q = factor.length;
        for (int i = 0; i < batch * circuits * q; i++) {
            output[i] *= factor[i % q];
        }
    }

    @Override
    public void backward(double[] gradOutput, double[] gradInput, double[] gradWeights) {
        int q = factor.length;
        if (scaled.length != gradOutput.length) {
            scaled = new double[gradOutput.length];
        }
        // rows are circuits * q wide, so the wire of entry i is i mod q
        for (int i = 0; i < gradOutput.length; i++) {
            scaled[i] = gradOutput[i] * factor[i % q];
        }
        base.backward(scaled, gradInput, gradWeights);
    }
}
