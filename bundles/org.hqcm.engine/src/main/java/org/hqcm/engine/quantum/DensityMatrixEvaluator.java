package org.hqcm.engine.quantum;

import org.hqcm.engine.Cancellation;

import java.util.Arrays;

/**
 * {@link Simulator#DENSITY_MATRIX}'s evaluator: the exact density matrix rho (2^q x 2^q complex, double precision)
 * of every row, with the {@link NoiseModel}'s channels after each gate; batched and tiled like
 * {@link StateVectorEvaluator}: a tile holds one circuit's rows with each matrix entry as a short array over the
 * rows ({@code re[i * 2^q + j][row]}), so every step is a loop over rows with constant coefficients, and a CNOT only
 * permutes the entry references. Readout error is applied by {@link ReadoutError}, outside this class.
 *
 * <p>Steps: rho = |x><x| (the embedded state), the channels on every wire; per layer, for each wire Rot then its
 * channels, then for each CNOT of the ring the CNOT and the channels on its control and its target; then
 * {@code Tr(P_w rho)}. A single-qubit gate U is rho -> U rho U^dagger on the pairs of rows and columns that differ in
 * the wire's bit (Rot as two diagonal phases around one real rotation); the three channels of a wire are one real map of its 2x2 blocks ({@link NoiseModel#diagonal()},
 * {@link NoiseModel#coherence()}).
 *
 * <p>Backward is the adjoint method for channels: Lambda = sum_w g_w P_w is pulled back through the dual of every step
 * (U^dagger Lambda U for a gate, the transposed block map for the channels), and each rotation exp(-i a P / 2) of a
 * Rot gets dL/da = Im Tr(Lambda P rho) with Lambda and rho taken right after it. The channels are not invertible, so
 * rho after every Rot is kept from the forward pass: with rho and Lambda, 2 + q d complex matrices of 16 KiB per row
 * and circuit for q = 5 (192 KiB for the paper's circuit, 60 MiB for a batch of 64 x 5 circuits; HqcmConstraints
 * bounds it per batch). What is left of Lambda after the first step gives the input gradient:
 * for rho_0 = x x^T, dL/dx = 2 Re(Lambda_0) x, then through the embedding as in the state-vector simulator.
 */
final class DensityMatrixEvaluator implements CircuitEvaluator {

    /** Largest circuit simulated: a 64 x 64 density matrix per row (the kept matrices grow as 4^q). */
    static final int MAX_QUBITS = 6;

    private final CircuitSpec spec;
    private final int circuits;
    private final int q;
    private final int n;
    private final int entries;
    private final int layers;
    private final int[] masks;
    private final boolean keep;
    private final boolean channels;
    private final double[] diagonal;
    private final double coherence;
    /** Per layer and CNOT of the ring: the permutation of matrix entries i * n + j -> P(i) * n + P(j) (an involution). */
    private final int[][][] cnotEntries;
    private final int[][][] cnotWires;
    private double[] weights = new double[0];

    private Tile[] tiles = new Tile[0];
    private int batch = -1;
    private boolean backwardReady;
    private java.util.function.BooleanSupplier cancelled = Cancellation.current();

    /**
     * @param keepForBackward keep what backward needs (without it, forward only: a quarter of the memory for q d = 10)
     */
    DensityMatrixEvaluator(CircuitSpec spec, int circuits, boolean keepForBackward) {
        if (circuits < 1) {
            throw new IllegalArgumentException("circuits = " + circuits + ": expected at least 1");
        }
        if (spec.qubits() > MAX_QUBITS) {
            throw new org.hqcm.engine.BadInputException("qubits = " + spec.qubits() + ": the density-matrix simulator "
                    + "takes 1.." + MAX_QUBITS + " qubits (a 2^q x 2^q matrix per image, kept after every gate for "
                    + "the gradients)");
        }
        this.spec = spec;
        this.circuits = circuits;
        this.q = spec.qubits();
        this.n = spec.dimension();
        this.entries = n * n;
        this.layers = spec.layers();
        this.keep = keepForBackward;
        this.masks = new int[q];
        for (int w = 0; w < q; w++) {
            masks[w] = 1 << (q - 1 - w);
        }
        NoiseModel noise = spec.noise();
        this.channels = noise.hasGateNoise();
        this.diagonal = noise.diagonal();
        this.coherence = noise.coherence();
        this.cnotEntries = new int[layers][][];
        this.cnotWires = new int[layers][][];
        for (int l = 0; l < layers; l++) {
            int[][] cnots = spec.cnots(l);
            cnotWires[l] = cnots;
            cnotEntries[l] = new int[cnots.length][];
            for (int k = 0; k < cnots.length; k++) {
                int c = masks[cnots[k][0]];
                int t = masks[cnots[k][1]];
                int[] perm = new int[entries];
                for (int i = 0; i < n; i++) {
                    int pi = (i & c) != 0 ? i ^ t : i;
                    for (int j = 0; j < n; j++) {
                        int pj = (j & c) != 0 ? j ^ t : j;
                        perm[i * n + j] = pi * n + pj;
                    }
                }
                cnotEntries[l][k] = perm;
            }
        }
    }

    private int weight(int c, int l, int w, int p) {
        return ((c * layers + l) * q + w) * 3 + p;
    }

    @Override
    public void forward(double[] input, int rows, double[] w, double[] output) {
        TileLayout.checkForward(spec, circuits, rows, input, output, w);
        weights = Arrays.copyOf(w, circuits * spec.weightCount());
        layout(rows);
        cancelled = Cancellation.current();
        Tile[] ts = tiles;
        Parallel.forEach(ts.length, t -> ts[t].forward(input, output));
        backwardReady = keep;
    }

    @Override
    public void backward(double[] gradOutput, double[] gradInput, double[] gradWeights) {
        if (!backwardReady) {
            throw new IllegalStateException(keep ? "backward needs a forward first, and runs once per forward"
                    : "this evaluator was made for forward passes only");
        }
        TileLayout.checkBackward(spec, circuits, batch, gradOutput, gradInput, gradWeights);
        backwardReady = false;
        cancelled = Cancellation.current();
        Tile[] ts = tiles;
        Parallel.forEach(ts.length, t -> ts[t].backward(gradOutput, gradInput));
        // reduce in a fixed order: the result does not depend on thread timing
        for (Tile tile : ts) {
            int off = tile.circuit * spec.weightCount();
            for (int k = 0; k < spec.weightCount(); k++) {
                gradWeights[off + k] += tile.gradWeights[k];
            }
        }
    }

    private void layout(int rows) {
        if (rows == batch) {
            return;
        }
        batch = rows;
        if (rows == 0) {
            tiles = new Tile[0];
            return;
        }
        // rho and Lambda of a tile (4 n^2 rows doubles) stay within about 512 KB
        int maxRows = Math.max(2, Math.min(32, (1 << 14) / entries));
        TileLayout cut = TileLayout.of(rows, circuits, maxRows, 1);
        Tile[] ts = new Tile[circuits * cut.perCircuit()];
        for (int c = 0; c < circuits; c++) {
            for (int t = 0; t < cut.perCircuit(); t++) {
                ts[c * cut.perCircuit() + t] = new Tile(c, t * cut.size(), cut.rows(t, rows));
            }
        }
        tiles = ts;
    }

    /** Rows [b0, b0 + len) of one circuit. */
    private final class Tile {
        final int circuit;
        final int b0;
        final int len;
        double[][] re;
        double[][] im;
        final double[][] lre;
        final double[][] lim;
        /** [layer * q + wire]: rho right after that Rot (only when kept for backward). */
        final double[][][] keptRe;
        final double[][][] keptIm;
        final EmbeddedRows embedded;
        final double[][] lambda;
        final double[] gradWeights;
        final double[] scratch;
        final double[][] swap;

        Tile(int circuit, int b0, int len) {
            this.circuit = circuit;
            this.b0 = b0;
            this.len = len;
            re = new double[entries][len];
            im = new double[entries][len];
            lre = keep ? new double[entries][len] : null;
            lim = keep ? new double[entries][len] : null;
            keptRe = keep ? new double[layers * q][entries][len] : null;
            keptIm = keep ? new double[layers * q][entries][len] : null;
            embedded = new EmbeddedRows(spec, circuits, circuit, b0, len, masks);
            lambda = keep ? new double[n][len] : null;
            gradWeights = new double[spec.weightCount()];
            scratch = new double[len];
            swap = new double[entries][];
        }

        void forward(double[] input, double[] output) {
            embedded.embed(input);
            double[][] init = embedded.state;
            for (int i = 0; i < n; i++) {
                double[] xi = init[i];
                for (int j = 0; j < n; j++) {
                    double[] xj = init[j];
                    double[] r = re[i * n + j];
                    for (int b = 0; b < len; b++) {
                        r[b] = xi[b] * xj[b];
                    }
                    Arrays.fill(im[i * n + j], 0, len, 0.0);
                }
            }
            for (int w = 0; w < q; w++) {
                channel(re, im, masks[w], false);
            }
            for (int l = 0; l < layers; l++) {
                Cancellation.check(cancelled); // the run's cancel, read in the caller's thread (tiles run in a pool)
                for (int w = 0; w < q; w++) {
                    // Rot = RZ(omega) RY(theta) RZ(phi): two diagonal phases and one real rotation are cheaper
                    // than a complex 2x2 gate on both sides (18 instead of 28 flops per entry and row)
                    int o = weight(circuit, l, w, 0);
                    phase(re, im, masks[w], weights[o]);
                    rotate(re, im, masks[w], Math.cos(weights[o + 1] / 2), Math.sin(weights[o + 1] / 2));
                    phase(re, im, masks[w], weights[o + 2]);
                    if (keep) {
                        int k = l * q + w;
                        for (int e = 0; e < entries; e++) {
                            System.arraycopy(re[e], 0, keptRe[k][e], 0, len);
                            System.arraycopy(im[e], 0, keptIm[k][e], 0, len);
                        }
                    }
                    channel(re, im, masks[w], false);
                }
                for (int k = 0; k < cnotEntries[l].length; k++) {
                    permute(re, cnotEntries[l][k]);
                    permute(im, cnotEntries[l][k]);
                    channel(re, im, masks[cnotWires[l][k][0]], false);
                    channel(re, im, masks[cnotWires[l][k][1]], false);
                }
            }
            measure(output);
        }

        /**
         * m -> RY m RY^T for RY = [[c, -s], [s, c]] on the wire with bit {@code mask}: real, so real and imaginary
         * parts rotate alike; rows first, then columns (m RY^T has the same pair form).
         */
        private void rotate(double[][] mr, double[][] mi, int mask, double c, double s) {
            for (int i0 = 0; i0 < n; i0++) {
                if ((i0 & mask) != 0) {
                    continue;
                }
                int a = i0 * n;
                int b = (i0 | mask) * n;
                for (int j = 0; j < n; j++) {
                    turn(mr[a + j], mr[b + j], c, s);
                    turn(mi[a + j], mi[b + j], c, s);
                }
            }
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int j0 = 0; j0 < n; j0++) {
                    if ((j0 & mask) == 0) {
                        turn(mr[row + j0], mr[row + (j0 | mask)], c, s);
                        turn(mi[row + j0], mi[row + (j0 | mask)], c, s);
                    }
                }
            }
        }

        private void turn(double[] x, double[] y, double c, double s) {
            for (int b = 0; b < len; b++) {
                double u = x[b], v = y[b];
                x[b] = c * u - s * v;
                y[b] = s * u + c * v;
            }
        }

        /** The wire's channels (dual = the transposed map, for Lambda). */
        private void channel(double[][] mr, double[][] mi, int mask, boolean dual) {
            if (!channels) {
                return;
            }
            double m00 = diagonal[0], m01 = dual ? diagonal[2] : diagonal[1];
            double m10 = dual ? diagonal[1] : diagonal[2], m11 = diagonal[3];
            double cf = coherence;
            for (int i0 = 0; i0 < n; i0++) {
                if ((i0 & mask) != 0) {
                    continue;
                }
                int i1 = i0 | mask;
                for (int j0 = 0; j0 < n; j0++) {
                    if ((j0 & mask) != 0) {
                        continue;
                    }
                    int j1 = j0 | mask;
                    int d0 = i0 * n + j0, d1 = i1 * n + j1;
                    blend(mr[d0], mr[d1], m00, m01, m10, m11);
                    blend(mi[d0], mi[d1], m00, m01, m10, m11);
                    scale(mr[i0 * n + j1], cf);
                    scale(mi[i0 * n + j1], cf);
                    scale(mr[i1 * n + j0], cf);
                    scale(mi[i1 * n + j0], cf);
                }
            }
        }

        private void blend(double[] x, double[] y, double m00, double m01, double m10, double m11) {
            for (int b = 0; b < len; b++) {
                double a = x[b], c = y[b];
                x[b] = m00 * a + m01 * c;
                y[b] = m10 * a + m11 * c;
            }
        }

        private void scale(double[] x, double f) {
            for (int b = 0; b < len; b++) {
                x[b] *= f;
            }
        }

        private void permute(double[][] m, int[] perm) {
            for (int e = 0; e < entries; e++) {
                swap[perm[e]] = m[e];
            }
            System.arraycopy(swap, 0, m, 0, entries);
        }

        private void measure(double[] output) {
            int stride = circuits * q;
            double[] e = scratch;
            for (int w = 0; w < q; w++) {
                int mask = masks[w];
                Arrays.fill(e, 0, len, 0.0);
                for (int i0 = 0; i0 < n; i0++) {
                    switch (spec.measurement()) {
                        case Z -> {
                            double[] d = re[i0 * n + i0];
                            double s = (i0 & mask) == 0 ? 1 : -1;
                            for (int b = 0; b < len; b++) {
                                e[b] += s * d[b];
                            }
                        }
                        case X -> {
                            if ((i0 & mask) == 0) {
                                double[] d = re[(i0 | mask) * n + i0];
                                for (int b = 0; b < len; b++) {
                                    e[b] += 2 * d[b];
                                }
                            }
                        }
                        case Y -> {
                            if ((i0 & mask) == 0) {
                                double[] d = im[(i0 | mask) * n + i0];
                                for (int b = 0; b < len; b++) {
                                    e[b] += 2 * d[b];
                                }
                            }
                        }
                        default -> throw new IllegalStateException();
                    }
                }
                for (int b = 0; b < len; b++) {
                    output[(b0 + b) * stride + circuit * q + w] = e[b];
                }
            }
        }

        void backward(double[] gradOutput, double[] gradInput) {
            seedAdjoint(gradOutput);
            Arrays.fill(gradWeights, 0.0);
            double[][] ownRe = re;
            double[][] ownIm = im;
            try {
                for (int l = layers - 1; l >= 0; l--) {
                    Cancellation.check(cancelled);
                    for (int k = cnotEntries[l].length - 1; k >= 0; k--) {
                        channel(lre, lim, masks[cnotWires[l][k][1]], true);
                        channel(lre, lim, masks[cnotWires[l][k][0]], true);
                        permute(lre, cnotEntries[l][k]);
                        permute(lim, cnotEntries[l][k]);
                    }
                    for (int w = q - 1; w >= 0; w--) {
                        int mask = masks[w];
                        channel(lre, lim, mask, true);
                        // rho right after this Rot; un-applying its parts in place uses the kept copy up
                        re = keptRe[l * q + w];
                        im = keptIm[l * q + w];
                        int o = weight(circuit, l, w, 0);
                        double phi = weights[o], theta = weights[o + 1], omega = weights[o + 2];
                        gradWeights[o - circuit * spec.weightCount() + 2] += imTraceZ(mask);
                        phase(re, im, mask, -omega);
                        phase(lre, lim, mask, -omega);
                        gradWeights[o - circuit * spec.weightCount() + 1] += imTraceY(mask);
                        double c = Math.cos(theta / 2), sn = Math.sin(theta / 2);
                        rotate(re, im, mask, c, -sn);
                        rotate(lre, lim, mask, c, -sn);
                        gradWeights[o - circuit * spec.weightCount()] += imTraceZ(mask);
                        phase(lre, lim, mask, -phi);
                    }
                }
            } finally {
                re = ownRe;
                im = ownIm;
            }
            for (int w = q - 1; w >= 0; w--) {
                channel(lre, lim, masks[w], true);
            }
            inputGradient(gradInput);
        }

        /** Lambda = sum_w g_w P_w, per row. */
        private void seedAdjoint(double[] gradOutput) {
            int stride = circuits * q;
            for (int e = 0; e < entries; e++) {
                Arrays.fill(lre[e], 0, len, 0.0);
                Arrays.fill(lim[e], 0, len, 0.0);
            }
            double[] g = scratch;
            for (int w = 0; w < q; w++) {
                for (int b = 0; b < len; b++) {
                    g[b] = gradOutput[(b0 + b) * stride + circuit * q + w];
                }
                int mask = masks[w];
                for (int i = 0; i < n; i++) {
                    boolean one = (i & mask) != 0;
                    switch (spec.measurement()) {
                        case Z -> {
                            double[] d = lre[i * n + i];
                            double s = one ? -1 : 1;
                            for (int b = 0; b < len; b++) {
                                d[b] += s * g[b];
                            }
                        }
                        case X -> {
                            double[] d = lre[i * n + (i ^ mask)];
                            for (int b = 0; b < len; b++) {
                                d[b] += g[b];
                            }
                        }
                        case Y -> {
                            // Y = [[0, -i], [i, 0]]: entry (i, i^mask) is -i for bit 0, +i for bit 1
                            double[] d = lim[i * n + (i ^ mask)];
                            double s = one ? 1 : -1;
                            for (int b = 0; b < len; b++) {
                                d[b] += s * g[b];
                            }
                        }
                        default -> throw new IllegalStateException();
                    }
                }
            }
        }

        /** Im Tr(Lambda Z_w rho) summed over the tile's rows: sum_ij z_j Im(Lambda_ij conj(rho_ij)). */
        private double imTraceZ(int mask) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (((i ^ j) & mask) == 0) {
                        continue; // z_i = z_j: the (i, j) and (j, i) terms cancel
                    }
                    int e = i * n + j;
                    double s = (j & mask) == 0 ? 1 : -1;
                    double[] a = lre[e], c = lim[e], r = re[e], t = im[e];
                    double acc = 0;
                    for (int b = 0; b < len; b++) {
                        acc += c[b] * r[b] - a[b] * t[b];
                    }
                    sum += s * acc;
                }
            }
            return sum;
        }

        /** Im Tr(Lambda Y_w rho) = -sum_ij s_j Re(Lambda_ij conj(rho_{i, j^m})), s_j = +1 for bit 0, -1 for bit 1. */
        private double imTraceY(int mask) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int e = i * n + j;
                    int f = i * n + (j ^ mask);
                    double s = (j & mask) == 0 ? 1 : -1;
                    double[] a = lre[e], c = lim[e], r = re[f], t = im[f];
                    double acc = 0;
                    for (int b = 0; b < len; b++) {
                        acc += a[b] * r[b] + c[b] * t[b];
                    }
                    sum -= s * acc;
                }
            }
            return sum;
        }

        /** m -> RZ(a) m RZ(a)^dagger on the wire: entry (i, j) times e^{-i a (s_i - s_j) / 2}, s = +1 for bit 0. */
        private void phase(double[][] mr, double[][] mi, int mask, double a) {
            double c = Math.cos(a);
            double s = Math.sin(a);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int bi = i & mask, bj = j & mask;
                    if (bi == bj) {
                        continue;
                    }
                    // bit(i) = 0, bit(j) = 1: s_i - s_j = 2, factor e^{-ia}; the other way e^{+ia}
                    double si = bi == 0 ? -s : s;
                    double[] r = mr[i * n + j], t = mi[i * n + j];
                    for (int b = 0; b < len; b++) {
                        double x = r[b], y = t[b];
                        r[b] = c * x - si * y;
                        t[b] = c * y + si * x;
                    }
                }
            }
        }

        /** dL/dinput from Lambda_0: dL/d(embedded state) = 2 Re(Lambda_0) x; then as the state-vector simulator. */
        private void inputGradient(double[] gradInput) {
            double[][] init = embedded.state;
            for (int i = 0; i < n; i++) {
                double[] li = lambda[i];
                Arrays.fill(li, 0, len, 0.0);
                for (int j = 0; j < n; j++) {
                    double[] a = lre[i * n + j], x = init[j];
                    for (int b = 0; b < len; b++) {
                        li[b] += a[b] * x[b];
                    }
                }
            }
            embedded.inputGradient(lambda, gradInput);
        }
    }
}
