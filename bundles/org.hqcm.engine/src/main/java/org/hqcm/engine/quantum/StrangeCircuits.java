package org.hqcm.engine.quantum;

import org.redfx.strange.Complex;
import org.redfx.strange.Program;
import org.redfx.strange.Result;
import org.redfx.strange.Step;
import org.redfx.strange.gate.Cnot;
import org.redfx.strange.gate.Oracle;
import org.redfx.strange.gate.SingleQubitMatrixGate;
import org.redfx.strange.local.SimpleQuantumExecutionEnvironment;

/**
 * Builds and runs a {@link CircuitSpec} as a Strange program. Strange is worked around where it is wrong or missing:
 * its RotationZ is only a global phase, so every single-qubit gate is a {@link SingleQubitMatrixGate} with
 * PennyLane's matrix; it cannot load a state, so amplitude embedding is an {@link Oracle} holding the Householder
 * reflection that maps |0...0> to the normalised input.
 */
final class StrangeCircuits {

    private StrangeCircuits() {
    }

    static Program program(CircuitSpec spec, double[] weights, int wOff, double[] input, int inOff) {
        int q = spec.qubits();
        Program program = new Program(q);
        if (spec.embedding() == Embedding.AMPLITUDE) {
            Oracle prep = new Oracle(householder(input, inOff, spec.dimension()));
            prep.setCaption("AmplitudeEmbedding");
            program.addStep(new Step("AmplitudeEmbedding", prep));
        } else {
            Step step = new Step("AngleEmbedding");
            for (int w = 0; w < q; w++) {
                step.addGate(matrixGate(qubit(q, w), Gates.ry(input[inOff + w])));
            }
            program.addStep(step);
        }
        double[] m = new double[8];
        for (int l = 0; l < spec.layers(); l++) {
            Step rots = new Step("Rot layer " + l);
            for (int w = 0; w < q; w++) {
                int o = wOff + (l * q + w) * 3;
                Gates.rot(weights[o], weights[o + 1], weights[o + 2], m, 0);
                rots.addGate(matrixGate(qubit(q, w), m));
            }
            program.addStep(rots);
            for (int[] cnot : spec.cnots(l)) {
                program.addStep(new Step(new Cnot(qubit(q, cnot[0]), qubit(q, cnot[1]))));
            }
        }
        if (spec.measurement() != Pauli.Z) {
            Step basis = new Step("measure " + spec.measurement());
            for (int w = 0; w < q; w++) {
                basis.addGate(matrixGate(qubit(q, w), Gates.diagonalizing(spec.measurement())));
            }
            program.addStep(basis);
        }
        return program;
    }

    /** Runs a program built by {@link #program} and returns the expectation of the measurement on every wire. */
    static double[] expectations(CircuitSpec spec, Program program) {
        Result result = new SimpleQuantumExecutionEnvironment().runProgram(program);
        Complex[] amplitudes = result.getProbability();
        int q = spec.qubits();
        double[] out = new double[q];
        for (int i = 0; i < amplitudes.length; i++) {
            double p = amplitudes[i].abssqr();
            for (int w = 0; w < q; w++) {
                out[w] += (i & (1 << (q - 1 - w))) == 0 ? p : -p;
            }
        }
        return out;
    }

    /** Strange's qubit for wire w. */
    private static int qubit(int q, int wire) {
        return q - 1 - wire;
    }

    private static SingleQubitMatrixGate matrixGate(int qubit, double[] m) {
        Complex[][] matrix = {
            {new Complex(m[0], m[1]), new Complex(m[2], m[3])},
            {new Complex(m[4], m[5]), new Complex(m[6], m[7])},
        };
        return new SingleQubitMatrixGate(qubit, matrix);
    }

    /** The real reflection H = I - 2 v v^T / |v|^2, v = e_0 - x^, so that H e_0 = x^ (identity when x^ = e_0). */
    static Complex[][] householder(double[] input, int off, int n) {
        double[] x = new double[n];
        AmplitudeEmbedding.normalise(input, off, n, x);
        double[] v = x.clone();
        v[0] -= 1;
        double vv = 0;
        for (double e : v) {
            vv += e * e;
        }
        Complex[][] h = new Complex[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double e = (r == c ? 1 : 0) - (vv > 0 ? 2 * v[r] * v[c] / vv : 0);
                h[r][c] = new Complex(e, 0); // never the shared Complex.ZERO: its fields are public and mutable
            }
        }
        return h;
    }
}
