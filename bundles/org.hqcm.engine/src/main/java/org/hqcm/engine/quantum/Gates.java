package org.hqcm.engine.quantum;

/**
 * Single-qubit gate matrices as 8 doubles {@code (m00r, m00i, m01r, m01i, m10r, m10i, m11r, m11i)}, with PennyLane's
 * definitions. The Strange programs use them as matrix gates; the state-vector simulator uses the same definitions
 * in factored form (see {@link StateVectorEvaluator}).
 */
final class Gates {

    private Gates() {
    }

    /** Rot(phi, theta, omega) = RZ(omega) RY(theta) RZ(phi), written into {@code out[off..off+8)}. */
    static void rot(double phi, double theta, double omega, double[] out, int off) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        double sum = (phi + omega) / 2;
        double diff = (phi - omega) / 2;
        double cs = Math.cos(sum);
        double ss = Math.sin(sum);
        double cd = Math.cos(diff);
        double sd = Math.sin(diff);
        out[off] = c * cs;
        out[off + 1] = -c * ss;
        out[off + 2] = -s * cd;
        out[off + 3] = -s * sd;
        out[off + 4] = s * cd;
        out[off + 5] = -s * sd;
        out[off + 6] = c * cs;
        out[off + 7] = c * ss;
    }

    /** RY(a) = [[cos a/2, -sin a/2], [sin a/2, cos a/2]]. */
    static double[] ry(double a) {
        double c = Math.cos(a / 2);
        double s = Math.sin(a / 2);
        return new double[] {c, 0, -s, 0, s, 0, c, 0};
    }

    /** The unitary D with D^dagger Z D = P: applying D before a Z measurement measures P (PennyLane's diagonalizing gates). */
    static double[] diagonalizing(Pauli p) {
        double h = Math.sqrt(0.5);
        return switch (p) {
            case Z -> new double[] {1, 0, 0, 0, 0, 0, 1, 0};
            case X -> new double[] {h, 0, h, 0, h, 0, -h, 0};
            // H S^dagger = (1/sqrt 2) [[1, -i], [1, i]]
            case Y -> new double[] {h, 0, 0, -h, h, 0, 0, h};
        };
    }
}
