package org.hqcm.engine.quantum;

import org.hqcm.engine.quantum.DenseReference.M;

/**
 * An independent, naive density-matrix oracle for tests: rho as a dense 2^q x 2^q complex matrix, every gate as
 * U rho U^dagger with DenseReference's Kronecker-product matrices, every channel as sum_k K_k rho K_k^dagger with
 * PennyLane's Kraus operators of DepolarizingChannel, AmplitudeDamping and PhaseDamping embedded by Kronecker products,
 * readout as the flip of the measured outcome. The step order is the documented one of {@link NoiseModel}. Shares no
 * code with the simulators (not even NoiseModel's block maps).
 */
final class DenseKraus {

    private DenseKraus() {
    }

    static M dagger(M a) {
        int n = a.n();
        M r = M.zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r.re()[j * n + i] = a.re()[i * n + j];
                r.im()[j * n + i] = -a.im()[i * n + j];
            }
        }
        return r;
    }

    static M scaled(M a, double s) {
        M r = M.zeros(a.n());
        for (int i = 0; i < a.re().length; i++) {
            r.re()[i] = s * a.re()[i];
            r.im()[i] = s * a.im()[i];
        }
        return r;
    }

    static M conjugate(M u, M rho) {
        return u.times(rho).times(dagger(u));
    }

    /** The Kraus operators of one wire, in the order depolarizing, amplitude damping, phase damping. */
    static M[][] kraus(double p, double gammaAd, double gammaPd) {
        M[] dep = {
            scaled(DenseReference.I2, Math.sqrt(1 - p)), scaled(DenseReference.PX, Math.sqrt(p / 3)),
            scaled(DenseReference.PY, Math.sqrt(p / 3)), scaled(DenseReference.PZ, Math.sqrt(p / 3))};
        M[] ad = {
            M.of(1, 0, 0, 0, 0, 0, Math.sqrt(1 - gammaAd), 0), M.of(0, 0, Math.sqrt(gammaAd), 0, 0, 0, 0, 0)};
        M[] pd = {
            M.of(1, 0, 0, 0, 0, 0, Math.sqrt(1 - gammaPd), 0), M.of(0, 0, 0, 0, 0, 0, Math.sqrt(gammaPd), 0)};
        return new M[][] {dep, ad, pd};
    }

    static M channels(int q, int wire, M rho, double p, double gammaAd, double gammaPd) {
        for (M[] channel : kraus(p, gammaAd, gammaPd)) {
            M sum = M.zeros(rho.n());
            for (M k : channel) {
                sum = sum.plus(conjugate(DenseReference.single(q, wire, k), rho));
            }
            rho = sum;
        }
        return rho;
    }

    /** Expectations of one circuit for one input under the noise, readout included. */
    static double[] expectations(CircuitSpec spec, double[] weights, double[] input, double p, double gammaAd,
            double gammaPd, double[] readout) {
        int q = spec.qubits();
        int n = 1 << q;
        double[] vr = new double[n];
        double[] vi = new double[n];
        DenseReference.initialState(spec, input, vr, vi);
        M rho = M.zeros(n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rho.re()[i * n + j] = vr[i] * vr[j] + vi[i] * vi[j];
                rho.im()[i * n + j] = vi[i] * vr[j] - vr[i] * vi[j];
            }
        }
        for (int w = 0; w < q; w++) {
            rho = channels(q, w, rho, p, gammaAd, gammaPd);
        }
        for (int l = 0; l < spec.layers(); l++) {
            for (int w = 0; w < q; w++) {
                int o = (l * q + w) * 3;
                M rot = DenseReference.rz(weights[o + 2]).times(DenseReference.ry(weights[o + 1]))
                        .times(DenseReference.rz(weights[o]));
                rho = conjugate(DenseReference.single(q, w, rot), rho);
                rho = channels(q, w, rho, p, gammaAd, gammaPd);
            }
            if (q > 1) {
                int r = l % (q - 1) + 1;
                for (int i = 0; i < q; i++) {
                    int t = (i + r) % q;
                    rho = conjugate(DenseReference.cnot(q, i, t), rho);
                    rho = channels(q, i, rho, p, gammaAd, gammaPd);
                    rho = channels(q, t, rho, p, gammaAd, gammaPd);
                }
            }
        }
        M pauli = switch (spec.measurement()) {
            case X -> DenseReference.PX;
            case Y -> DenseReference.PY;
            case Z -> DenseReference.PZ;
        };
        double[] out = new double[q];
        for (int w = 0; w < q; w++) {
            M prod = DenseReference.single(q, w, pauli).times(rho);
            double tr = 0;
            for (int i = 0; i < n; i++) {
                tr += prod.re()[i * n + i];
            }
            double r = readout.length == 0 ? 0 : readout.length == 1 ? readout[0] : readout[w];
            // outcome +1 with probability (1 + tr) / 2, flipped with probability r
            double plus = (1 + tr) / 2 * (1 - r) + (1 - tr) / 2 * r;
            out[w] = 2 * plus - 1;
        }
        return out;
    }
}
