package org.hqcm.engine.eval;

/**
 * Eigenvectors of a small symmetric matrix by the cyclic Jacobi method (for PCA of a few dozen features:
 * exact to rounding, no iteration count to tune, no library needed).
 */
final class SymmetricEigen {

    private SymmetricEigen() {
    }

    /** The unit eigenvectors of the {@code count} largest eigenvalues, largest first. */
    static double[][] topVectors(double[][] matrix, int count) {
        int d = matrix.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = matrix[i].clone();
        }
        double[][] v = new double[d][d];
        for (int i = 0; i < d; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < d; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL)) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    // rotation that zeroes a[p][q] (Golub and Van Loan, Algorithm 8.4.1)
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        final double[][] fa = a;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(fa[y][y], fa[x][x]));
        double[][] out = new double[count][d];
        for (int c = 0; c < count; c++) {
            for (int k = 0; k < d; k++) {
                out[c][k] = v[k][order[c]];
            }
        }
        return out;
    }
}
