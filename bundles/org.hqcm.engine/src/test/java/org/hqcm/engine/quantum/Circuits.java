package org.hqcm.engine.quantum;

import java.util.SplittableRandom;

/** Random weights and inputs for tests, and one-call evaluation. */
final class Circuits {

    private Circuits() {
    }

    static double[] uniform(SplittableRandom random, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(lo, hi);
        }
        return v;
    }

    /** Expectations of {@code circuits} circuits for {@code batch} rows. */
    static double[] forward(Simulator sim, CircuitSpec spec, int circuits, double[] weights, double[] input, int batch) {
        double[] out = new double[batch * circuits * spec.qubits()];
        sim.evaluator(spec, circuits).forward(input, batch, weights, out);
        return out;
    }

    static double[] slice(double[] v, int from, int length) {
        double[] s = new double[length];
        System.arraycopy(v, from, s, 0, length);
        return s;
    }
}
