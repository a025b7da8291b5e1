package org.hqcm.engine.quantum;

import org.hqcm.engine.BadInputException;

/**
 * Exact state-vector simulation in double precision. Batched: the amplitudes of a tile of input rows are stored
 * amplitude-major with the rows innermost, so every gate is one short loop over rows with constant coefficients;
 * tiles run in parallel. Gradients with respect to weights and inputs come from the adjoint method (exact, one
 * backward sweep). See {@link StateVectorEvaluator} for the factoring that makes a layer cheap. Readout error is
 * applied to its expectations; noise channels need {@link Simulator#DENSITY_MATRIX}.
 */
final class StateVectorSimulator implements Simulator {

    @Override
    public String id() {
        return "statevector";
    }

    @Override
    public CircuitEvaluator evaluator(CircuitSpec spec, int circuits) {
        requireNoChannels(this, spec);
        return ReadoutError.wrap(spec, circuits, new StateVectorEvaluator(spec, circuits));
    }

    /** A pure-state simulator cannot apply a noise channel: a clear message instead of a silently noiseless result. */
    static void requireNoChannels(Simulator simulator, CircuitSpec spec) {
        if (spec.noise().hasGateNoise()) {
            throw new BadInputException("the " + simulator.id() + " simulator cannot apply noise channels ("
                    + spec.noise() + "); expected the " + DENSITY_MATRIX.id() + " simulator, or depolarizing, "
                    + "amplitude and phase damping 0");
        }
    }

    @Override
    public String toString() {
        return "STATEVECTOR";
    }
}
