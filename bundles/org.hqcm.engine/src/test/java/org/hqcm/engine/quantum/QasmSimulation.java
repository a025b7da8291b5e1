package org.hqcm.engine.quantum;

import java.util.ArrayList;
import java.util.List;

import org.redfx.strange.Complex;
import org.redfx.strange.Program;
import org.redfx.strange.Result;
import org.redfx.strange.Step;
import org.redfx.strange.gate.Cnot;
import org.redfx.strange.gate.SingleQubitMatrixGate;
import org.redfx.strange.local.SimpleQuantumExecutionEnvironment;

/**
 * Runs a read OpenQASM program for tests: (1) in Strange, gate by gate; (2) lifted into the engine's state-vector
 * simulator: the RY/CNOT prefix is the prepared state, the RZ RY RZ triples the Rot weights, the CNOTs must form the
 * ring, the basis change names the measured Pauli; (3) as a dense double-precision state vector. Each gives the
 * per-wire expectation of what is measured.
 */
public final class QasmSimulation {

    private QasmSimulation() {
    }

    /** 2x2 matrices with OpenQASM 3's definitions (rz with e^{-i a/2}, e^{i a/2}; global phases never matter here). */
    public static double[] matrix(QasmReader.Op op) {
        double h = Math.sqrt(0.5);
        return switch (op.name()) {
            case "ry" -> {
                double c = Math.cos(op.params()[0] / 2), s = Math.sin(op.params()[0] / 2);
                yield new double[] {c, 0, -s, 0, s, 0, c, 0};
            }
            case "rz" -> {
                double c = Math.cos(op.params()[0] / 2), s = Math.sin(op.params()[0] / 2);
                yield new double[] {c, -s, 0, 0, 0, 0, c, s};
            }
            case "h" -> new double[] {h, 0, h, 0, h, 0, -h, 0};
            case "sdg" -> new double[] {1, 0, 0, 0, 0, 0, 0, -1};
            default -> throw new IllegalArgumentException("gate " + op.name() + " is not a single-qubit gate known here");
        };
    }

    /** <Z_w> after the whole program, by Strange (float precision). Strange's qubit 0 is the least significant bit. */
    public static double[] strange(QasmReader.Program p) {
        int q = p.qubits();
        Program program = new Program(q);
        for (QasmReader.Op op : p.ops()) {
            if (op.name().equals("cx")) {
                program.addStep(new Step(new Cnot(q - 1 - op.qubits()[0], q - 1 - op.qubits()[1])));
            } else {
                double[] m = matrix(op);
                Complex[][] c = {{new Complex(m[0], m[1]), new Complex(m[2], m[3])},
                    {new Complex(m[4], m[5]), new Complex(m[6], m[7])}};
                program.addStep(new Step(new SingleQubitMatrixGate(q - 1 - op.qubits()[0], c)));
            }
        }
        Result result = new SimpleQuantumExecutionEnvironment().runProgram(program);
        Complex[] amplitudes = result.getProbability();
        double[] z = new double[q];
        for (int i = 0; i < amplitudes.length; i++) {
            double prob = amplitudes[i].abssqr();
            for (int w = 0; w < q; w++) {
                z[w] += (i & (1 << (q - 1 - w))) == 0 ? prob : -prob;
            }
        }
        return z;
    }

    /** <Z_w> after the whole program, by a dense double-precision state vector (wire 0 = most significant bit). */
    public static double[] dense(QasmReader.Program p) {
        int q = p.qubits();
        int n = 1 << q;
        double[] re = new double[n];
        double[] im = new double[n];
        re[0] = 1;
        for (QasmReader.Op op : p.ops()) {
            apply(op, q, re, im);
        }
        double[] z = new double[q];
        for (int i = 0; i < n; i++) {
            double prob = re[i] * re[i] + im[i] * im[i];
            for (int w = 0; w < q; w++) {
                z[w] += (i & (1 << (q - 1 - w))) == 0 ? prob : -prob;
            }
        }
        return z;
    }

    public static void apply(QasmReader.Op op, int q, double[] re, double[] im) {
        int n = re.length;
        if (op.name().equals("cx")) {
            int c = 1 << (q - 1 - op.qubits()[0]);
            int t = 1 << (q - 1 - op.qubits()[1]);
            for (int i = 0; i < n; i++) {
                if ((i & c) != 0 && (i & t) == 0) {
                    double r = re[i], j = im[i];
                    re[i] = re[i | t];
                    im[i] = im[i | t];
                    re[i | t] = r;
                    im[i | t] = j;
                }
            }
            return;
        }
        double[] m = matrix(op);
        int t = 1 << (q - 1 - op.qubits()[0]);
        for (int i0 = 0; i0 < n; i0++) {
            if ((i0 & t) != 0) {
                continue;
            }
            int i1 = i0 | t;
            double ar = re[i0], ai = im[i0], br = re[i1], bi = im[i1];
            re[i0] = m[0] * ar - m[1] * ai + m[2] * br - m[3] * bi;
            im[i0] = m[0] * ai + m[1] * ar + m[2] * bi + m[3] * br;
            re[i1] = m[4] * ar - m[5] * ai + m[6] * br - m[7] * bi;
            im[i1] = m[4] * ai + m[5] * ar + m[6] * bi + m[7] * br;
        }
    }

    /** The program lifted into the engine: a prepared state, weights and a measured Pauli. */
    public record Lifted(CircuitSpec spec, double[] state, double[] weights) {
        /** The expectations by {@link Simulator#STATEVECTOR}, the state given as (already normalised) amplitudes. */
        public double[] expectations() {
            double[] out = new double[spec.qubits()];
            Simulator.STATEVECTOR.evaluator(spec, 1).forward(state, 1, weights, out);
            return out;
        }
    }

    public static Lifted lift(QasmReader.Program p) {
        int q = p.qubits();
        int n = 1 << q;
        List<QasmReader.Op> ops = p.ops();
        int k = 0;
        double[] re = new double[n];
        double[] im = new double[n];
        re[0] = 1;
        while (k < ops.size() && (ops.get(k).name().equals("ry") || ops.get(k).name().equals("cx"))) {
            apply(ops.get(k++), q, re, im);
        }
        List<Double> weights = new ArrayList<>();
        int layers = 0;
        while (k + 3 * q <= ops.size() && ops.get(k).name().equals("rz")) {
            for (int w = 0; w < q; w++) {
                QasmReader.Op a = ops.get(k++), b = ops.get(k++), c = ops.get(k++);
                if (!a.name().equals("rz") || !b.name().equals("ry") || !c.name().equals("rz") || a.qubits()[0] != w
                        || b.qubits()[0] != w || c.qubits()[0] != w) {
                    throw new IllegalArgumentException("layer " + layers + " wire " + w + ": expected rz ry rz on q[" + w + "]");
                }
                weights.add(a.params()[0]);
                weights.add(b.params()[0]);
                weights.add(c.params()[0]);
            }
            int[][] ring = CircuitSpec.paper(Math.max(q, 1), layers + 1).cnots(layers);
            for (int[] cnot : ring) {
                QasmReader.Op op = ops.get(k++);
                if (!op.name().equals("cx") || op.qubits()[0] != cnot[0] || op.qubits()[1] != cnot[1]) {
                    throw new IllegalArgumentException("layer " + layers + ": expected cx q[" + cnot[0] + "], q[" + cnot[1] + "]");
                }
            }
            layers++;
        }
        Pauli pauli = Pauli.Z;
        if (k < ops.size()) {
            pauli = ops.get(k).name().equals("sdg") ? Pauli.Y : Pauli.X;
        }
        CircuitSpec spec = new CircuitSpec(q, layers, Embedding.AMPLITUDE, pauli, 0);
        for (double v : im) {
            if (Math.abs(v) > 1e-15) {
                throw new IllegalArgumentException("the state preparation made a complex state");
            }
        }
        return new Lifted(spec, re, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
