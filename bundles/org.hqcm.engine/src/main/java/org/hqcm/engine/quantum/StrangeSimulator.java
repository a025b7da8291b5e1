package org.hqcm.engine.quantum;

/**
 * Runs every circuit as a Strange program. The forward values are Strange's (float precision). Gradients are those of
 * the exact circuit, from the state-vector adjoint method evaluated at the same weights and inputs: parameter shift
 * on Strange would cost 2 * 3 * q * layers extra Strange runs per row and circuit (60x the forward for the paper's
 * circuit) to estimate the same derivatives, only with float rounding.
 */
final class StrangeSimulator implements Simulator {

    @Override
    public String id() {
        return "strange";
    }

    @Override
    public CircuitEvaluator evaluator(CircuitSpec spec, int circuits) {
        StateVectorSimulator.requireNoChannels(this, spec);
        return ReadoutError.wrap(spec, circuits, new StrangeEvaluator(spec, circuits));
    }

    @Override
    public String toString() {
        return "STRANGE";
    }
}
