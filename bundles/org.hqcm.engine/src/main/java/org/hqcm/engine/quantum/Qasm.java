package org.hqcm.engine.quantum;

import java.util.List;

/**
 * OpenQASM text of one circuit with its parameters bound ({@link HardwareCircuit}'s gates): version 2.0
 * ({@code qelib1.inc}) or 3 ({@code stdgates.inc}). PennyLane's wire w is {@code q[w]}; the basis-state index
 * therefore has q[0] as its most significant bit (Qiskit prints bitstrings with q[0] last). Angles are written as
 * round-trip decimals (Java's Double.toString), so a reader gets the doubles back exactly. OpenQASM 2's rz is u1, which
 * differs from PennyLane's RZ by a global phase only: no measured value changes.
 */
public final class Qasm {

    /** The two dialects written. */
    public enum Version {
        V2("2.0", "qelib1.inc"), V3("3.0", "stdgates.inc");

        final String number;
        final String include;

        Version(String number, String include) {
            this.number = number;
            this.include = include;
        }

        /** {@code 2}, {@code 2.0}, {@code 3} or {@code 3.0}. */
        public static Version parse(String s) {
            String t = s == null ? "" : s.strip();
            return switch (t) {
                case "2", "2.0" -> V2;
                case "3", "3.0" -> V3;
                default -> throw new org.hqcm.engine.BadInputException("OpenQASM version '" + s + "': expected 2 or 3");
            };
        }
    }

    private Qasm() {
    }

    /**
     * The program; {@code comments} are written as {@code //} lines after the header (provenance: run, image,
     * circuit, the layer's expected outputs).
     */
    public static String write(CircuitSpec spec, double[] weights, int wOff, double[] input, int inOff,
            Version version, List<String> comments) {
        int q = spec.qubits();
        StringBuilder sb = new StringBuilder();
        sb.append("OPENQASM ").append(version.number).append(";\n");
        sb.append("include \"").append(version.include).append("\";\n");
        for (String c : comments) {
            for (String line : c.split("\\R")) {
                sb.append("// ").append(line).append('\n');
            }
        }
        sb.append("// ").append(spec.qubits()).append(" qubits, ").append(spec.layers())
                .append(" StronglyEntanglingLayers, ").append(spec.embedding()).append(" embedding, <")
                .append(spec.measurement()).append("> on every wire; PennyLane wire w = q[w] (most significant bit first)\n");
        sb.append("// ").append(spec.resources().summary()).append('\n');
        if (version == Version.V2) {
            sb.append("qreg q[").append(q).append("];\ncreg c[").append(q).append("];\n");
        } else {
            sb.append("qubit[").append(q).append("] q;\nbit[").append(q).append("] c;\n");
        }
        HardwareCircuit.Block block = null;
        int layer = -2;
        for (HardwareCircuit.Gate g : HardwareCircuit.of(spec, weights, wOff, input, inOff)) {
            if (g.block() != block || g.layer() != layer) {
                block = g.block();
                layer = g.layer();
                sb.append("// ").append(switch (block) {
                    case PREPARATION -> spec.embedding() == Embedding.AMPLITUDE
                            ? "amplitude embedding: Mottonen state preparation (RY + CNOT, real amplitudes)"
                            : "angle embedding: RY(x_w) on wire w";
                    case LAYER -> "layer " + layer + ": Rot(phi, theta, omega) = RZ(omega) RY(theta) RZ(phi), then the CNOT ring";
                    case BASIS -> "measurement basis: " + (spec.measurement() == Pauli.Y ? "S^dagger then H" : "H")
                            + " turns <" + spec.measurement() + "> into <Z>";
                }).append('\n');
            }
            sb.append(g.kind().qasm());
            if (g.kind() == HardwareCircuit.Kind.RY || g.kind() == HardwareCircuit.Kind.RZ) {
                sb.append('(').append(number(g.angle())).append(')');
            }
            sb.append(' ');
            if (g.isTwoQubit()) {
                sb.append("q[").append(g.control()).append("], ");
            }
            sb.append("q[").append(g.target()).append("];\n");
        }
        if (version == Version.V2) {
            sb.append("measure q -> c;\n");
        } else {
            sb.append("c = measure q;\n");
        }
        return sb.toString();
    }

    /** A decimal that parses back to the same double (Java's Double.toString, e.g. 1.25 or -3.5E-7). */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("angle " + v + ": a circuit angle must be finite");
        }
        return Double.toString(v + 0.0); // + 0.0 writes -0.0 as 0.0
    }
}
