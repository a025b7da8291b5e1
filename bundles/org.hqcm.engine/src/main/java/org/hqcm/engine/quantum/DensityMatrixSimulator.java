package org.hqcm.engine.quantum;

/**
 * Exact density-matrix simulation in double precision with the circuit's {@link NoiseModel}: the channels after every
 * gate, the readout error, gradients by the adjoint method through the channels (see {@link DensityMatrixEvaluator}).
 * With every strength 0 it gives the state-vector simulator's results at about 100-200x its cost (n^2 instead of n
 * values per row, and no folding of the layer's phases).
 */
final class DensityMatrixSimulator implements Simulator {

    @Override
    public String id() {
        return "densitymatrix";
    }

    @Override
    public CircuitEvaluator evaluator(CircuitSpec spec, int circuits) {
        return ReadoutError.wrap(spec, circuits, new DensityMatrixEvaluator(spec, circuits, true));
    }

    /** An evaluator for forward passes only (no kept matrices): the shifted circuits of parameter shift. */
    CircuitEvaluator forwardOnly(CircuitSpec spec, int circuits) {
        return ReadoutError.wrap(spec, circuits, new DensityMatrixEvaluator(spec, circuits, false));
    }

    @Override
    public String toString() {
        return "DENSITY_MATRIX";
    }
}
