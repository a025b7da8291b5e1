package org.hqcm.engine.quantum;

/**
 * An independent, deliberately naive implementation of the circuit with PennyLane's semantics, for tests: every gate
 * is a dense 2^q x 2^q matrix built by Kronecker products with wire 0 as the leftmost factor, Rot is the product of
 * the RZ and RY matrices, CNOT is |0><0| (x) I + |1><1| (x) X, and expectations are psi^dagger (P on wire j) psi.
 * Nothing is shared with the simulators.
 */
final class DenseReference {

    /** A dense complex matrix. */
    record M(int n, double[] re, double[] im) {
        static M zeros(int n) {
            return new M(n, new double[n * n], new double[n * n]);
        }

        static M of(double a, double ai, double b, double bi, double c, double ci, double d, double di) {
            return new M(2, new double[] {a, b, c, d}, new double[] {ai, bi, ci, di});
        }

        static M identity(int n) {
            M m = zeros(n);
            for (int i = 0; i < n; i++) {
                m.re[i * n + i] = 1;
            }
            return m;
        }

        M times(M o) {
            M r = zeros(n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double ar = re[i * n + k], ai = im[i * n + k];
                    if (ar == 0 && ai == 0) {
                        continue;
                    }
                    for (int j = 0; j < n; j++) {
                        r.re[i * n + j] += ar * o.re[k * n + j] - ai * o.im[k * n + j];
                        r.im[i * n + j] += ar * o.im[k * n + j] + ai * o.re[k * n + j];
                    }
                }
            }
            return r;
        }

        M plus(M o) {
            M r = zeros(n);
            for (int i = 0; i < n * n; i++) {
                r.re[i] = re[i] + o.re[i];
                r.im[i] = im[i] + o.im[i];
            }
            return r;
        }

        M kron(M o) {
            int m = n * o.n;
            M r = zeros(m);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double xr = re[a * n + b], xi = im[a * n + b];
                    for (int c = 0; c < o.n; c++) {
                        for (int d = 0; d < o.n; d++) {
                            int idx = (a * o.n + c) * m + b * o.n + d;
                            r.re[idx] = xr * o.re[c * o.n + d] - xi * o.im[c * o.n + d];
                            r.im[idx] = xr * o.im[c * o.n + d] + xi * o.re[c * o.n + d];
                        }
                    }
                }
            }
            return r;
        }

        /** this applied to the vector (vr, vi), in place. */
        void apply(double[] vr, double[] vi) {
            double[] or = new double[n];
            double[] oi = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    double ar = re[i * n + k], ai = im[i * n + k];
                    if (ar == 0 && ai == 0) {
                        continue;
                    }
                    or[i] += ar * vr[k] - ai * vi[k];
                    oi[i] += ar * vi[k] + ai * vr[k];
                }
            }
            System.arraycopy(or, 0, vr, 0, n);
            System.arraycopy(oi, 0, vi, 0, n);
        }
    }

    static final M I2 = M.identity(2);
    static final M PX = M.of(0, 0, 1, 0, 1, 0, 0, 0);
    static final M PY = M.of(0, 0, 0, -1, 0, 1, 0, 0);
    static final M PZ = M.of(1, 0, 0, 0, 0, 0, -1, 0);
    static final M P0 = M.of(1, 0, 0, 0, 0, 0, 0, 0);
    static final M P1 = M.of(0, 0, 0, 0, 0, 0, 1, 0);

    static M rz(double a) {
        return M.of(Math.cos(a / 2), -Math.sin(a / 2), 0, 0, 0, 0, Math.cos(a / 2), Math.sin(a / 2));
    }

    static M ry(double a) {
        return M.of(Math.cos(a / 2), 0, -Math.sin(a / 2), 0, Math.sin(a / 2), 0, Math.cos(a / 2), 0);
    }

    /** The 2x2 matrices of the wires, wire 0 leftmost. */
    static M onWires(M... perWire) {
        M r = perWire[0];
        for (int w = 1; w < perWire.length; w++) {
            r = r.kron(perWire[w]);
        }
        return r;
    }

    static M single(int q, int wire, M g) {
        M[] f = new M[q];
        for (int w = 0; w < q; w++) {
            f[w] = w == wire ? g : I2;
        }
        return onWires(f);
    }

    static M cnot(int q, int control, int target) {
        M[] a = new M[q];
        M[] b = new M[q];
        for (int w = 0; w < q; w++) {
            a[w] = w == control ? P0 : I2;
            b[w] = w == control ? P1 : w == target ? PX : I2;
        }
        return onWires(a).plus(onWires(b));
    }

    /** Expectations of one circuit for one input, weights [layer][wire][phi, theta, omega]. */
    static double[] expectations(CircuitSpec spec, double[] weights, double[] input) {
        int q = spec.qubits();
        int n = 1 << q;
        double[] vr = new double[n];
        double[] vi = new double[n];
        initialState(spec, input, vr, vi);
        for (int l = 0; l < spec.layers(); l++) {
            for (int w = 0; w < q; w++) {
                int o = (l * q + w) * 3;
                M rot = rz(weights[o + 2]).times(ry(weights[o + 1])).times(rz(weights[o]));
                single(q, w, rot).apply(vr, vi);
            }
            if (q > 1) {
                int r = l % (q - 1) + 1;
                for (int i = 0; i < q; i++) {
                    cnot(q, i, (i + r) % q).apply(vr, vi);
                }
            }
        }
        M p = switch (spec.measurement()) {
            case X -> PX;
            case Y -> PY;
            case Z -> PZ;
        };
        double[] out = new double[q];
        for (int w = 0; w < q; w++) {
            double[] ur = vr.clone();
            double[] ui = vi.clone();
            single(q, w, p).apply(ur, ui);
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += vr[i] * ur[i] + vi[i] * ui[i];
            }
            out[w] = e;
        }
        return out;
    }

    /** The embedded state: the normalised input (|0...0> for a zero input), or RY(x_w) on every wire of |0...0>. */
    static void initialState(CircuitSpec spec, double[] input, double[] vr, double[] vi) {
        int q = spec.qubits();
        int n = 1 << q;
        if (spec.embedding() == Embedding.AMPLITUDE) {
            double s = 0;
            for (double x : input) {
                s += x * x;
            }
            double norm = Math.sqrt(s);
            for (int i = 0; i < n; i++) {
                vr[i] = norm == 0 ? (i == 0 ? 1 : 0) : input[i] / norm;
            }
        } else {
            vr[0] = 1;
            for (int w = 0; w < q; w++) {
                single(q, w, ry(input[w])).apply(vr, vi);
            }
        }
    }
}
