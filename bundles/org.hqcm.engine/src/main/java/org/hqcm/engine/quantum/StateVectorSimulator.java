package org.hqcm.engine.quantum;

/**
 * Exact state-vector simulation in double precision. Batched: the amplitudes of a tile of input rows are stored
 * amplitude-major with the rows innermost, so every gate is one short loop over rows with constant coefficients;
 * tiles run in parallel. Gradients with respect to weights and inputs come from the adjoint method (exact, one
 * backward sweep). See {@link StateVectorEvaluator} for the factoring that makes a layer cheap.
 */
final class StateVectorSimulator implements Simulator {

    @Override
    public String id() {
        return "statevector";
    }

    @Override
    public CircuitEvaluator evaluator(CircuitSpec spec, int circuits) {
        return new StateVectorEvaluator(spec, circuits);
    }

    @Override
    public String toString() {
        return "STATEVECTOR";
    }
}
