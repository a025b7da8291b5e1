package org.hqcm.engine.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * Amplitude embedding as a circuit of RY and CNOT gates: Mottonen et al.'s state preparation for real amplitudes
 * ("Transformation of quantum states using uniformly controlled rotations", 2004), so that a circuit can run where
 * no state can be loaded (hardware, OpenQASM, Strange) and be differentiated by parameter shift.
 *
 * <p>Level k = 0..q-1 prepares wire k with a rotation RY(alpha_{k,p}) uniformly controlled by wires 0..k-1 (p = the
 * value of those wires, wire 0 its most significant bit). For k &lt; q-1, alpha = 2 atan2(|right half|, |left half|)
 * of the amplitudes under prefix p; the last level takes the signed pair, alpha = 2 atan2(x_{2p+1}, x_{2p}), so that
 * cos(alpha/2) and sin(alpha/2) carry the signs of both amplitudes exactly: no phase gate and no global-phase
 * ambiguity for negative amplitudes. A uniformly controlled RY with k controls is 2^k RY(theta_i) gates, each followed
 * by a CNOT onto the target, controlled by the wire whose bit changes between Gray codes g_i and g_{i+1} (cyclically);
 * theta = 2^-k M^T alpha with M_{p,i} = (-1)^{popcount(p &amp; g_i)}. In all 2^q - 1 RY and 2^q - 2 CNOT gates.
 *
 * <p>Angles are computed from the normalised input ({@link AmplitudeEmbedding}: a zero row gives all angles 0, the
 * state |0...0>), so they are exactly the embedding's state. Angles are kept level-major, level k holding its 2^k
 * thetas in gate order.
 */
public final class StatePreparation {

    /** One gate of the preparation: RY(angle) on {@code target}, or (control >= 0) CNOT(control, target). */
    public record Step(int control, int target, int angleIndex) {
        public boolean isCnot() {
            return control >= 0;
        }
    }

    private StatePreparation() {
    }

    /** Number of RY angles for q qubits: 2^q - 1. */
    public static int angleCount(int qubits) {
        return (1 << qubits) - 1;
    }

    /** Offset of level k's thetas in the level-major angle array. */
    static int levelOffset(int k) {
        return (1 << k) - 1;
    }

    private static final java.util.Map<Integer, List<Step>> STEPS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The gate sequence of q qubits; RY steps name their angle's index, CNOT steps have angleIndex -1. */
    public static List<Step> steps(int qubits) {
        return STEPS.computeIfAbsent(qubits, StatePreparation::build);
    }

    private static List<Step> build(int qubits) {
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < qubits; k++) {
            int count = 1 << k;
            for (int i = 0; i < count; i++) {
                steps.add(new Step(-1, k, levelOffset(k) + i));
                if (k > 0) {
                    // the bit that changes from g_i to g_{i+1}; from the last code back to 0 it is the top one
                    int bit = i == count - 1 ? k - 1 : Integer.numberOfTrailingZeros(i + 1);
                    steps.add(new Step(k - 1 - bit, k, -1));
                }
            }
        }
        return List.copyOf(steps);
    }

    /**
     * The thetas preparing {@code x[off..off+2^q)} normalised; writes 2^q - 1 values into {@code angles}.
     *
     * @return the input's L2 norm (0 for a zero row, whose angles are all 0)
     */
    public static double angles(double[] x, int off, int qubits, double[] angles) {
        return angles(x, off, qubits, angles, 0);
    }

    /** {@link #angles(double[], int, int, double[])} into {@code angles[aOff..aOff+2^q-1)}. */
    public static double angles(double[] x, int off, int qubits, double[] angles, int aOff) {
        int n = 1 << qubits;
        double[] unit = new double[n];
        double norm = AmplitudeEmbedding.normalise(x, off, n, unit);
        double[] alpha = new double[n - 1];
        alphas(unit, qubits, alpha);
        for (int k = 0; k < qubits; k++) {
            int count = 1 << k;
            int o = levelOffset(k);
            for (int i = 0; i < count; i++) {
                int g = i ^ (i >>> 1);
                double s = 0;
                for (int p = 0; p < count; p++) {
                    s += (Integer.bitCount(p & g) & 1) == 0 ? alpha[o + p] : -alpha[o + p];
                }
                angles[aOff + o + i] = s / count;
            }
        }
        return norm;
    }

    /** The uniformly controlled angles alpha_{k,p}, level-major. */
    private static void alphas(double[] unit, int qubits, double[] alpha) {
        // squared norms of every subtree, level by level (level k: 2^k subtrees of n / 2^k amplitudes)
        double[][] sq = subtreeSquares(unit, qubits);
        for (int k = 0; k < qubits; k++) {
            int count = 1 << k;
            for (int p = 0; p < count; p++) {
                double a;
                double b;
                if (k == qubits - 1) {
                    a = unit[2 * p];
                    b = unit[2 * p + 1];
                } else {
                    a = Math.sqrt(sq[k + 1][2 * p]);
                    b = Math.sqrt(sq[k + 1][2 * p + 1]);
                }
                alpha[levelOffset(k) + p] = 2 * Math.atan2(b, a);
            }
        }
    }

    /** sq[k][p]: the sum of squares of the amplitudes under prefix p of k bits (sq[q] are the squares themselves). */
    private static double[][] subtreeSquares(double[] unit, int qubits) {
        double[][] sq = new double[qubits + 1][];
        int n = 1 << qubits;
        sq[qubits] = new double[n];
        for (int i = 0; i < n; i++) {
            sq[qubits][i] = unit[i] * unit[i];
        }
        for (int k = qubits - 1; k >= 0; k--) {
            sq[k] = new double[1 << k];
            for (int p = 0; p < sq[k].length; p++) {
                sq[k][p] = sq[k + 1][2 * p] + sq[k + 1][2 * p + 1];
            }
        }
        return sq;
    }

    /** Runs the preparation on |0...0> in double precision: {@code state} gets the 2^q real amplitudes. */
    public static void prepare(double[] angles, int qubits, double[] state) {
        prepare(angles, qubits, state, 0);
    }

    /** {@link #prepare(double[], int, double[])} into {@code state[sOff..sOff+2^q)}. */
    public static void prepare(double[] angles, int qubits, double[] out, int sOff) {
        int n = 1 << qubits;
        double[] state = new double[n];
        state[0] = 1;
        for (Step s : steps(qubits)) {
            int t = 1 << (qubits - 1 - s.target());
            if (s.isCnot()) {
                int c = 1 << (qubits - 1 - s.control());
                for (int i = 0; i < n; i++) {
                    if ((i & c) != 0 && (i & t) == 0) {
                        double v = state[i];
                        state[i] = state[i | t];
                        state[i | t] = v;
                    }
                }
            } else {
                double cos = Math.cos(angles[s.angleIndex()] / 2);
                double sin = Math.sin(angles[s.angleIndex()] / 2);
                for (int i0 = 0; i0 < n; i0++) {
                    if ((i0 & t) == 0) {
                        double a = state[i0];
                        double b = state[i0 | t];
                        state[i0] = cos * a - sin * b;
                        state[i0 | t] = sin * a + cos * b;
                    }
                }
            }
        }
        System.arraycopy(state, 0, out, sOff, n);
    }

    /**
     * Chains a gradient with respect to the thetas back to the raw input: {@code dx[dOff..dOff+2^q)} gets
     * (d theta / dx)^T dTheta. The angles depend on x only through its direction, so this is the Jacobian at the
     * normalised input divided by the norm; a zero row gets 0 (its embedding is constant). Where a half of a subtree is
     * exactly zero its angle sits on atan2's corner and the contribution of that node is taken as 0.
     */
    public static void inputGradient(double[] x, int off, int qubits, double[] dTheta, double[] dx, int dOff) {
        int n = 1 << qubits;
        double[] unit = new double[n];
        double norm = AmplitudeEmbedding.normalise(x, off, n, unit);
        java.util.Arrays.fill(dx, dOff, dOff + n, 0.0);
        if (norm == 0) {
            return;
        }
        double[][] sq = subtreeSquares(unit, qubits);
        for (int k = 0; k < qubits; k++) {
            int count = 1 << k;
            int o = levelOffset(k);
            int span = n >>> k; // amplitudes under one prefix
            for (int p = 0; p < count; p++) {
                // dL/dalpha_p = 2^-k sum_i (-1)^{p . g_i} dL/dtheta_i
                double dAlpha = 0;
                for (int i = 0; i < count; i++) {
                    int g = i ^ (i >>> 1);
                    dAlpha += (Integer.bitCount(p & g) & 1) == 0 ? dTheta[o + i] : -dTheta[o + i];
                }
                dAlpha /= count;
                if (k == qubits - 1) {
                    double a = unit[2 * p];
                    double b = unit[2 * p + 1];
                    double r2 = a * a + b * b;
                    if (r2 > 0) {
                        dx[dOff + 2 * p] += dAlpha * -2 * b / r2;
                        dx[dOff + 2 * p + 1] += dAlpha * 2 * a / r2;
                    }
                    continue;
                }
                double a = Math.sqrt(sq[k + 1][2 * p]);
                double b = Math.sqrt(sq[k + 1][2 * p + 1]);
                double r2 = a * a + b * b;
                if (a == 0 || b == 0) {
                    continue;
                }
                int left = p * span;
                int right = left + span / 2;
                for (int i = 0; i < span / 2; i++) {
                    dx[dOff + left + i] += dAlpha * (-2 * b / r2) * unit[left + i] / a;
                    dx[dOff + right + i] += dAlpha * (2 * a / r2) * unit[right + i] / b;
                }
            }
        }
        // from the unit vector to x: the angles are scale-invariant, so only the 1/|x| factor remains
        for (int i = 0; i < n; i++) {
            dx[dOff + i] /= norm;
        }
    }
}
