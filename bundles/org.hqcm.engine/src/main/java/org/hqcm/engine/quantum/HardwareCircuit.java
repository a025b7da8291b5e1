package org.hqcm.engine.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * One circuit of a {@link CircuitSpec} for one input, as the gates a device would run: the embedding as RY/CNOT
 * ({@link StatePreparation} for amplitude embedding, RY(x_w) for angle embedding), each Rot(phi, theta, omega) as
 * RZ(phi), RY(theta), RZ(omega), the CNOT ring, and the basis change that turns the Pauli measurement into a Z
 * measurement (X: H; Y: S^dagger then H, PennyLane's diagonalizing gates). The same list feeds the OpenQASM export
 * ({@link Qasm}) and the resource counts ({@link CircuitResources}), so both describe one circuit.
 */
public final class HardwareCircuit {

    /** The gate set. */
    public enum Kind {
        RY, RZ, CX, SDG, H;

        /** The OpenQASM name (qelib1.inc and stdgates.inc agree). */
        public String qasm() {
            return this == CX ? "cx" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where a gate belongs, for comments and counts. */
    public enum Block { PREPARATION, LAYER, BASIS }

    /**
     * One gate: {@code control} is -1 except for CX; {@code angle} is 0 for gates without a parameter;
     * {@code layer} is the entangling layer (-1 outside the layers).
     */
    public record Gate(Kind kind, int control, int target, double angle, Block block, int layer) {
        public boolean isTwoQubit() {
            return kind == Kind.CX;
        }
    }

    private HardwareCircuit() {
    }

    /**
     * The gates of circuit {@code spec} with weights {@code weights[wOff..]} ([layer][wire][phi, theta, omega]) and
     * input {@code input[inOff..]} (2^q amplitudes, not necessarily normalised, or q angles).
     */
    public static List<Gate> of(CircuitSpec spec, double[] weights, int wOff, double[] input, int inOff) {
        int q = spec.qubits();
        List<Gate> gates = new ArrayList<>();
        if (spec.embedding() == Embedding.AMPLITUDE) {
            double[] angles = new double[StatePreparation.angleCount(q)];
            StatePreparation.angles(input, inOff, q, angles);
            for (StatePreparation.Step s : StatePreparation.steps(q)) {
                gates.add(s.isCnot() ? new Gate(Kind.CX, s.control(), s.target(), 0, Block.PREPARATION, -1)
                        : new Gate(Kind.RY, -1, s.target(), angles[s.angleIndex()], Block.PREPARATION, -1));
            }
        } else {
            for (int w = 0; w < q; w++) {
                gates.add(new Gate(Kind.RY, -1, w, input[inOff + w], Block.PREPARATION, -1));
            }
        }
        for (int l = 0; l < spec.layers(); l++) {
            for (int w = 0; w < q; w++) {
                int o = wOff + (l * q + w) * 3;
                gates.add(new Gate(Kind.RZ, -1, w, weights[o], Block.LAYER, l));
                gates.add(new Gate(Kind.RY, -1, w, weights[o + 1], Block.LAYER, l));
                gates.add(new Gate(Kind.RZ, -1, w, weights[o + 2], Block.LAYER, l));
            }
            for (int[] cnot : spec.cnots(l)) {
                gates.add(new Gate(Kind.CX, cnot[0], cnot[1], 0, Block.LAYER, l));
            }
        }
        for (int w = 0; w < q; w++) {
            switch (spec.measurement()) {
                case Z -> {
                }
                case X -> gates.add(new Gate(Kind.H, -1, w, 0, Block.BASIS, -1));
                case Y -> {
                    gates.add(new Gate(Kind.SDG, -1, w, 0, Block.BASIS, -1));
                    gates.add(new Gate(Kind.H, -1, w, 0, Block.BASIS, -1));
                }
                default -> throw new IllegalStateException();
            }
        }
        return List.copyOf(gates);
    }

    /** The structure of the circuit (all angles 0, input |0...0>): what {@link CircuitResources} counts. */
    public static List<Gate> structure(CircuitSpec spec) {
        double[] input = new double[spec.inputWidth()];
        if (spec.embedding() == Embedding.AMPLITUDE) {
            input[0] = 1;
        }
        return of(spec, new double[spec.weightCount()], 0, input, 0);
    }

    /**
     * The depth of {@code gates} on {@code qubits} wires: each gate is placed one step after the latest gate on any
     * of its wires (as soon as possible), and the depth is the last step used.
     */
    public static int depth(List<Gate> gates, int qubits) {
        int[] level = new int[qubits];
        int depth = 0;
        for (Gate g : gates) {
            int l = level[g.target()];
            if (g.isTwoQubit()) {
                l = Math.max(l, level[g.control()]);
            }
            l++;
            level[g.target()] = l;
            if (g.isTwoQubit()) {
                level[g.control()] = l;
            }
            depth = Math.max(depth, l);
        }
        return depth;
    }
}
