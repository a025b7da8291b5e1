package org.hqcm.engine.quantum;

import org.hqcm.engine.Cancellation;

import org.redfx.strange.Program;

/**
 * {@link Simulator#STRANGE}'s evaluator: one Strange program per row and circuit, run one after the other (Strange's
 * shared constants are mutable objects, so it is not run from several threads). The backward pass is delegated to an
 * exact state-vector evaluator that also runs the forward pass (its cost is negligible next to Strange's).
 */
final class StrangeEvaluator implements CircuitEvaluator {

    private final CircuitSpec spec;
    private final int circuits;
    private final StateVectorEvaluator exact;

    StrangeEvaluator(CircuitSpec spec, int circuits) {
        this.spec = spec;
        this.circuits = circuits;
        this.exact = new StateVectorEvaluator(spec, circuits);
    }

    @Override
    public void forward(double[] input, int batch, double[] weights, double[] output) {
        exact.forward(input, batch, weights, output);
        int q = spec.qubits();
        int inWidth = spec.inputWidth();
        for (int b = 0; b < batch; b++) {
            Cancellation.check();
            for (int c = 0; c < circuits; c++) {
                Program program = spec.program(weights, c * spec.weightCount(), input, (b * circuits + c) * inWidth);
                double[] e = StrangeCircuits.expectations(spec, program);
                System.arraycopy(e, 0, output, (b * circuits + c) * q, q);
            }
        }
    }

    @Override
    public void backward(double[] gradOutput, double[] gradInput, double[] gradWeights) {
        exact.backward(gradOutput, gradInput, gradWeights);
    }
}
