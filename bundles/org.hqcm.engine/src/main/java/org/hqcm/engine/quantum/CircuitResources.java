package org.hqcm.engine.quantum;

import java.util.List;
import java.util.Locale;

/**
 * What one circuit costs on a device, counted on {@link HardwareCircuit}'s gates (basis RY, RZ, CNOT, plus S^dagger
 * and H for the measurement basis): gates, CNOTs and depth, with the amplitude embedding decomposed into its Mottonen
 * state preparation (2^q - 1 RY and 2^q - 2 CNOT; it dominates the paper's circuit: 61 of 111 gates for q = 5,
 * d = 2). Each Rot counts as its three rotations. Depth is as-soon-as-possible layering over all gates; the CNOT depth
 * counts only CNOT layers.
 */
public record CircuitResources(int qubits, int preparationRotations, int preparationCnots, int rotGates,
        int layerCnots, int basisGates, int singleQubitGates, int cnots, int depth, int cnotDepth,
        int preparationDepth) {

    /** The counts of {@code spec}'s structure. */
    public static CircuitResources of(CircuitSpec spec) {
        List<HardwareCircuit.Gate> gates = HardwareCircuit.structure(spec);
        int prepRot = 0, prepCx = 0, layerCx = 0, basis = 0, single = 0, cx = 0;
        for (HardwareCircuit.Gate g : gates) {
            boolean two = g.isTwoQubit();
            if (two) {
                cx++;
            } else {
                single++;
            }
            switch (g.block()) {
                case PREPARATION -> {
                    if (two) {
                        prepCx++;
                    } else {
                        prepRot++;
                    }
                }
                case LAYER -> {
                    if (two) {
                        layerCx++;
                    }
                }
                case BASIS -> basis++;
                default -> throw new IllegalStateException();
            }
        }
        int q = spec.qubits();
        List<HardwareCircuit.Gate> cnotsOnly = gates.stream().filter(HardwareCircuit.Gate::isTwoQubit).toList();
        List<HardwareCircuit.Gate> prep = gates.stream().filter(g -> g.block() == HardwareCircuit.Block.PREPARATION)
                .toList();
        return new CircuitResources(q, prepRot, prepCx, spec.layers() * q, layerCx, basis, single, cx,
                HardwareCircuit.depth(gates, q), HardwareCircuit.depth(cnotsOnly, q), HardwareCircuit.depth(prep, q));
    }

    /** All gates: single-qubit gates plus CNOTs. */
    public int gates() {
        return singleQubitGates + cnots;
    }

    /** One line, e.g. for {@code circuit draw}. */
    public String summary() {
        return String.format(Locale.ROOT, "per circuit: depth %d (CNOT depth %d), %d gates: %d single-qubit, %d CNOT; "
                + "state preparation %d RY + %d CNOT (depth %d), layers %d Rot (as RZ RY RZ) + %d CNOT, measurement "
                + "basis %d", depth, cnotDepth, gates(), singleQubitGates, cnots, preparationRotations,
                preparationCnots, preparationDepth, rotGates, layerCnots, basisGates);
    }
}
