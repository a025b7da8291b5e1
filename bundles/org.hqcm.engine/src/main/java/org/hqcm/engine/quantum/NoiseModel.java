package org.hqcm.engine.quantum;

import java.util.Arrays;
import java.util.Locale;

import org.hqcm.engine.BadInputException;

/**
 * Hardware noise of a circuit, with PennyLane's channel definitions:
 * <ul>
 * <li>{@code DepolarizingChannel(p)}: Kraus sqrt(1-p) I, sqrt(p/3) X, sqrt(p/3) Y, sqrt(p/3) Z;</li>
 * <li>{@code AmplitudeDamping(g)}: [[1, 0], [0, sqrt(1-g)]], [[0, sqrt g], [0, 0]];</li>
 * <li>{@code PhaseDamping(g)}: [[1, 0], [0, sqrt(1-g)]], [[0, 0], [0, sqrt g]].</li>
 * </ul>
 * They act after every gate on every wire the gate touches: after the embedding on all wires, after each Rot on its
 * wire, after each CNOT on its control and then its target; on one wire the order is depolarizing, amplitude
 * damping, phase damping. The measurement's basis change is not a gate here (PennyLane measures the Pauli directly).
 *
 * <p>Readout error {@code r_w}: the measured outcome of wire w is flipped with probability r_w, so its expectation
 * becomes (1 - 2 r_w) times the noiseless one. {@code readout} has no value (none), one value (every wire) or one per
 * wire.
 *
 * <p>On one wire the three channels compose to one map of the wire's 2x2 block of the density matrix: the diagonal
 * pair (rho_00, rho_11) goes through a real 2x2 matrix ({@link #diagonal()}) and both off-diagonal elements are scaled
 * by one real factor ({@link #coherence()}). That is what the density-matrix simulator applies.
 */
public final class NoiseModel {

    /** No noise at all. */
    public static final NoiseModel NONE = new NoiseModel(0, 0, 0, new double[0]);

    private final double depolarizing;
    private final double amplitudeDamping;
    private final double phaseDamping;
    private final double[] readout;

    /**
     * @throws BadInputException for a strength outside [0, 1] or not a number
     */
    public NoiseModel(double depolarizing, double amplitudeDamping, double phaseDamping, double[] readout) {
        this.depolarizing = probability("depolarizing", depolarizing);
        this.amplitudeDamping = probability("amplitudeDamping", amplitudeDamping);
        this.phaseDamping = probability("phaseDamping", phaseDamping);
        this.readout = readout == null ? new double[0] : readout.clone();
        for (int i = 0; i < this.readout.length; i++) {
            probability("readoutError[" + i + "]", this.readout[i]);
        }
    }

    /** Only gate noise. */
    public static NoiseModel gates(double depolarizing, double amplitudeDamping, double phaseDamping) {
        return new NoiseModel(depolarizing, amplitudeDamping, phaseDamping, new double[0]);
    }

    private static double probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new BadInputException(name + " = " + p + ": expected a probability in [0, 1] (0 = none)");
        }
        return p;
    }

    public double depolarizing() {
        return depolarizing;
    }

    public double amplitudeDamping() {
        return amplitudeDamping;
    }

    public double phaseDamping() {
        return phaseDamping;
    }

    /** The readout error values as given: none, one for every wire, or one per wire. */
    public double[] readout() {
        return readout.clone();
    }

    /** The readout flip probability of {@code wire}. */
    public double readout(int wire) {
        return readout.length == 0 ? 0 : readout.length == 1 ? readout[0] : readout[wire];
    }

    /** Whether any channel acts after the gates (then only a density matrix simulates the circuit). */
    public boolean hasGateNoise() {
        return depolarizing > 0 || amplitudeDamping > 0 || phaseDamping > 0;
    }

    /** Whether some wire has a readout error. */
    public boolean hasReadoutError() {
        for (double r : readout) {
            if (r > 0) {
                return true;
            }
        }
        return false;
    }

    public boolean isNoiseless() {
        return !hasGateNoise() && !hasReadoutError();
    }

    /** The same gate noise with another readout error. */
    public NoiseModel withReadout(double... newReadout) {
        return new NoiseModel(depolarizing, amplitudeDamping, phaseDamping, newReadout);
    }

    /** Checks the readout list against a circuit of {@code qubits} wires. */
    void checkWires(int qubits) {
        if (readout.length > 1 && readout.length != qubits) {
            throw new BadInputException("readoutError has " + readout.length + " values: expected none, one (every wire) "
                    + "or one per qubit (" + qubits + ")");
        }
    }

    /**
     * The map of one wire's diagonal pair after all three channels, row-major {m00, m01, m10, m11}:
     * (rho_00', rho_11') = M (rho_00, rho_11). Depolarizing: [[1-2p/3, 2p/3], [2p/3, 1-2p/3]]; amplitude damping:
     * [[1, g], [0, 1-g]]; phase damping leaves the diagonal alone. M = AD DEP.
     */
    double[] diagonal() {
        double p = depolarizing;
        double g = amplitudeDamping;
        double stay = 1 - 2 * p / 3;
        double flip = 2 * p / 3;
        return new double[] {stay + g * flip, flip + g * stay, (1 - g) * flip, (1 - g) * stay};
    }

    /** The factor of both off-diagonal elements: (1 - 4p/3) sqrt(1 - g_ad) sqrt(1 - g_pd). */
    double coherence() {
        return (1 - 4 * depolarizing / 3) * Math.sqrt(1 - amplitudeDamping) * Math.sqrt(1 - phaseDamping);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseModel n && Double.compare(n.depolarizing, depolarizing) == 0
                && Double.compare(n.amplitudeDamping, amplitudeDamping) == 0
                && Double.compare(n.phaseDamping, phaseDamping) == 0 && Arrays.equals(n.readout, readout);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {depolarizing, amplitudeDamping, phaseDamping}) * 31 + Arrays.hashCode(readout);
    }

    /** For example {@code depolarizing 0.01, readout [0.02]}, or {@code none}. */
    @Override
    public String toString() {
        if (isNoiseless()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, "depolarizing", depolarizing);
        append(sb, "amplitude damping", amplitudeDamping);
        append(sb, "phase damping", phaseDamping);
        if (hasReadoutError()) {
            sb.append(sb.length() == 0 ? "" : ", ").append("readout ").append(Arrays.toString(readout));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, double v) {
        if (v > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ').append(String.format(Locale.ROOT, "%.6g", v));
        }
    }
}
