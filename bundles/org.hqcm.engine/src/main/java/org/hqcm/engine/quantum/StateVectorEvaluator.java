package org.hqcm.engine.quantum;

import org.hqcm.engine.Cancellation;
import org.hqcm.engine.NonFiniteException;

import java.util.Arrays;

/**
 * {@link Simulator#STATEVECTOR}'s evaluator.
 *
 * <p>Layout: the batch is cut into tiles of rows, one circuit each; a tile holds its state as split real/imaginary
 * rows {@code re[amplitude][row]}, so every gate is a short loop over the tile's rows with constant coefficients.
 * Tiles run in parallel on {@link Parallel}'s pool and share nothing but read-only inputs and disjoint output slots.
 *
 * <p>Gate order: a layer's Rot gates factor as (all RZ(omega)) (all RY(theta)) (all RZ(phi)), and the RZ products are
 * diagonal. The CNOT ring is a permutation P of basis states, so RZ(phi) of layer l+1 after P equals P times a
 * permuted diagonal: between two RY layers all phases fold into one diagonal (one complex multiply per amplitude),
 * and P itself only permutes the row references. A layer then costs one diagonal plus q real 2x2 rotations, instead
 * of q complex 2x2 gates and q CNOTs.
 *
 * <p>Backward is the adjoint method: lambda = O psi with O = sum_j g_j P_j; then psi and lambda are un-applied step by
 * step. A phase e^{-i a s(x)/2} (s = +-1) has dL/da = sum_x s(x) Im(conj(lambda_x) psi_x), so one per-amplitude sum
 * per diagonal serves every phi and omega folded into it; RY(theta) has dL/dtheta = Im &lt;lambda|Y|psi&gt;. What is
 * left of lambda after the first step gives the input gradient: dL/d(embedded real state) = 2 Re(lambda).
 */
final class StateVectorEvaluator implements CircuitEvaluator {

    /** Largest tile: keeps a tile's state small enough for the core's caches. */
    private static final int MAX_TILE_ROWS = 64;

    private final CircuitSpec spec;
    private final int circuits;
    private final int q;
    private final int n;
    private final int layers;
    private final int[] masks;
    /** Per layer: basis state x goes to ring[l][x] under the CNOT ring (identity, null, when q = 1). */
    private final int[][] ring;
    private final int[][] ringInverse;
    /** [circuit][slot 0..layers][amplitude]: the folded diagonal before RY layer `slot` (slot = layers: the last). */
    private final double[] phaseRe;
    private final double[] phaseIm;
    /** [circuit][layer][wire]: cos and sin of theta / 2. */
    private final double[] ryCos;
    private final double[] rySin;
    private final double[] scratchA;
    private final double[] scratchB;

    private Tile[] tiles = new Tile[0];
    /** The run's cancellation flag, taken from the calling thread for the tiles on the pool's threads. */
    private java.util.function.BooleanSupplier cancelled = Cancellation.current();
    private int batch = -1;
    private boolean backwardReady;

    StateVectorEvaluator(CircuitSpec spec, int circuits) {
        if (circuits < 1) {
            throw new IllegalArgumentException("circuits = " + circuits + ": expected at least 1");
        }
        this.spec = spec;
        this.circuits = circuits;
        this.q = spec.qubits();
        this.n = spec.dimension();
        this.layers = spec.layers();
        this.masks = new int[q];
        for (int w = 0; w < q; w++) {
            masks[w] = 1 << (q - 1 - w);
        }
        this.ring = new int[layers][];
        this.ringInverse = new int[layers][];
        for (int l = 0; l < layers; l++) {
            int[][] cnots = spec.cnots(l);
            if (cnots.length == 0) {
                continue;
            }
            int[] perm = new int[n];
            int[] inverse = new int[n];
            for (int x = 0; x < n; x++) {
                int y = x;
                for (int[] cnot : cnots) {
                    if ((y & masks[cnot[0]]) != 0) {
                        y ^= masks[cnot[1]];
                    }
                }
                perm[x] = y;
                inverse[y] = x;
            }
            ring[l] = perm;
            ringInverse[l] = inverse;
        }
        this.phaseRe = new double[circuits * (layers + 1) * n];
        this.phaseIm = new double[circuits * (layers + 1) * n];
        this.ryCos = new double[circuits * layers * q];
        this.rySin = new double[circuits * layers * q];
        this.scratchA = new double[2 * n];
        this.scratchB = new double[2 * n];
    }

    private static int weight(int c, int l, int w, int p, int layers, int q) {
        return ((c * layers + l) * q + w) * 3 + p;
    }

    @Override
    public void forward(double[] input, int rows, double[] weights, double[] output) {
        TileLayout.checkForward(spec, circuits, rows, input, output, weights);
        cancelled = Cancellation.current();
        prepareGates(weights);
        layout(rows);
        Tile[] ts = tiles;
        Parallel.forEach(ts.length, t -> ts[t].forward(input, output));
        backwardReady = true;
    }

    /** The RY coefficients and the folded diagonals of every circuit for these weights. */
    private void prepareGates(double[] weights) {
        for (int c = 0; c < circuits; c++) {
            for (int l = 0; l < layers; l++) {
                for (int w = 0; w < q; w++) {
                    double theta = weights[weight(c, l, w, 1, layers, q)];
                    ryCos[(c * layers + l) * q + w] = Math.cos(theta / 2);
                    rySin[(c * layers + l) * q + w] = Math.sin(theta / 2);
                }
            }
            for (int s = 0; s <= layers; s++) {
                // slot s = RZ(phi) of layer s, after RZ(omega) of layer s-1 and its CNOT ring
                int off = (c * (layers + 1) + s) * n;
                boolean hasOmega = s > 0;
                boolean hasPhi = s < layers;
                if (hasOmega) {
                    rzProduct(weights, c, s - 1, 2, scratchA);
                }
                if (hasPhi) {
                    rzProduct(weights, c, s, 0, scratchB);
                }
                int[] perm = hasOmega ? ring[s - 1] : null;
                for (int x = 0; x < n; x++) {
                    double ar = 1;
                    double ai = 0;
                    if (hasOmega) {
                        ar = scratchA[2 * x];
                        ai = scratchA[2 * x + 1];
                    }
                    if (hasPhi) {
                        int y = perm == null ? x : perm[x];
                        double br = scratchB[2 * y];
                        double bi = scratchB[2 * y + 1];
                        double r = ar * br - ai * bi;
                        ai = ar * bi + ai * br;
                        ar = r;
                    }
                    phaseRe[off + x] = ar;
                    phaseIm[off + x] = ai;
                }
            }
        }
    }

    /** The diagonal of (RZ(a_0) on wire 0) ... (RZ(a_{q-1}) on wire q-1), a_w = weight p of layer l, interleaved. */
    private void rzProduct(double[] weights, int c, int l, int p, double[] out) {
        out[0] = 1;
        out[1] = 0;
        int size = 1;
        for (int w = 0; w < q; w++) {
            double a = weights[weight(c, l, w, p, layers, q)] / 2;
            double cr = Math.cos(a);
            double si = Math.sin(a);
            // wire w becomes the next bit below those already there: wire 0 ends up the most significant
            for (int k = size - 1; k >= 0; k--) {
                double vr = out[2 * k];
                double vi = out[2 * k + 1];
                out[4 * k] = vr * cr + vi * si; // times e^{-ia}
                out[4 * k + 1] = vi * cr - vr * si;
                out[4 * k + 2] = vr * cr - vi * si; // times e^{+ia}
                out[4 * k + 3] = vi * cr + vr * si;
            }
            size *= 2;
        }
    }

    @Override
    public void backward(double[] gradOutput, double[] gradInput, double[] gradWeights) {
        if (!backwardReady) {
            throw new IllegalStateException("backward needs a forward first, and runs once per forward");
        }
        TileLayout.checkBackward(spec, circuits, batch, gradOutput, gradInput, gradWeights);
        backwardReady = false;
        cancelled = Cancellation.current();
        Tile[] ts = tiles;
        Parallel.forEach(ts.length, t -> ts[t].backward(gradOutput, gradInput));
        // reduce in a fixed order: the result does not depend on thread timing
        double[] phaseSums = new double[circuits * (layers + 1) * n];
        for (Tile tile : ts) {
            int c = tile.circuit;
            for (int l = 0; l < layers; l++) {
                for (int w = 0; w < q; w++) {
                    double[] acc = tile.thetaAcc[l * q + w];
                    double s = 0;
                    for (int b = 0; b < tile.len; b++) {
                        s += acc[b];
                    }
                    gradWeights[weight(c, l, w, 1, layers, q)] += s;
                }
            }
            int off = c * (layers + 1) * n;
            for (int i = 0; i < (layers + 1) * n; i++) {
                phaseSums[off + i] += tile.phaseAcc[i];
            }
        }
        for (int c = 0; c < circuits; c++) {
            for (int s = 0; s <= layers; s++) {
                int off = (c * (layers + 1) + s) * n;
                int[] perm = s > 0 ? ring[s - 1] : null;
                for (int w = 0; w < q; w++) {
                    int mask = masks[w];
                    double omega = 0;
                    double phi = 0;
                    for (int x = 0; x < n; x++) {
                        double v = phaseSums[off + x];
                        omega += (x & mask) == 0 ? v : -v;
                        int y = perm == null ? x : perm[x];
                        phi += (y & mask) == 0 ? v : -v;
                    }
                    if (s > 0) {
                        gradWeights[weight(c, s - 1, w, 2, layers, q)] += omega;
                    }
                    if (s < layers) {
                        gradWeights[weight(c, s, w, 0, layers, q)] += phi;
                    }
                }
            }
        }
    }

    /** Cuts the batch into tiles: enough of them to keep every thread busy, none larger than the cache allows. */
    private void layout(int rows) {
        if (rows == batch) {
            return;
        }
        batch = rows;
        if (rows == 0) {
            tiles = new Tile[0];
            return;
        }
        int maxRows = Math.max(8, Math.min(MAX_TILE_ROWS, (1 << 15) / n));
        TileLayout cut = TileLayout.of(rows, circuits, maxRows, 4);
        Tile[] ts = new Tile[circuits * cut.perCircuit()];
        for (int c = 0; c < circuits; c++) {
            for (int t = 0; t < cut.perCircuit(); t++) {
                ts[c * cut.perCircuit() + t] = new Tile(c, t * cut.size(), cut.rows(t, rows));
            }
        }
        tiles = ts;
    }

    /** [[c, -s], [s, c]] on the amplitude pair (r0 + i j0, r1 + i j1) of every row. */
    private static void rotatePair(double[] r0, double[] j0, double[] r1, double[] j1, double c, double s, int rows) {
        for (int b = 0; b < rows; b++) {
            double ar = r0[b], ai = j0[b], br = r1[b], bi = j1[b];
            r0[b] = c * ar - s * br;
            j0[b] = c * ai - s * bi;
            r1[b] = s * ar + c * br;
            j1[b] = s * ai + c * bi;
        }
    }

    /** Rows [b0, b0 + len) of one circuit. */
    private final class Tile {
        final int circuit;
        final int b0;
        final int len;
        final double[][] re;
        final double[][] im;
        final double[][] lre;
        final double[][] lim;
        /** The embedded (real) initial state, also for the input gradient. */
        final EmbeddedRows embedded;
        /** [layer * q + wire][row]: Im &lt;lambda|Y|psi&gt; at each RY. */
        final double[][] thetaAcc;
        /** [slot][amplitude]: Im(conj(lambda_x) psi_x) summed over the tile's rows at each diagonal. */
        final double[] phaseAcc;
        final double[] scratch;
        final double[][] swap;

        Tile(int circuit, int b0, int len) {
            this.circuit = circuit;
            this.b0 = b0;
            this.len = len;
            re = new double[n][len];
            im = new double[n][len];
            lre = new double[n][len];
            lim = new double[n][len];
            embedded = new EmbeddedRows(spec, circuits, circuit, b0, len, masks);
            thetaAcc = new double[layers * q][len];
            phaseAcc = new double[(layers + 1) * n];
            scratch = new double[len];
            swap = new double[n][];
        }

        void forward(double[] input, double[] output) {
            embedded.embed(input);
            for (int i = 0; i < n; i++) {
                System.arraycopy(embedded.state[i], 0, re[i], 0, len);
                Arrays.fill(im[i], 0, len, 0.0);
            }
            phase(0);
            for (int l = 0; l < layers; l++) {
                Cancellation.check(cancelled);
                int g = (circuit * layers + l) * q;
                for (int w = 0; w < q; w++) {
                    rotateY(masks[w], ryCos[g + w], rySin[g + w]);
                }
                phase(l + 1);
                if (ring[l] != null) {
                    permute(re, ring[l]);
                    permute(im, ring[l]);
                }
            }
            measure(output);
        }

        /** Multiplies the state by the folded diagonal of {@code slot}. */
        private void phase(int slot) {
            int off = (circuit * (layers + 1) + slot) * n;
            int rows = len;
            for (int x = 0; x < n; x++) {
                double pr = phaseRe[off + x];
                double pi = phaseIm[off + x];
                double[] r = re[x], j = im[x];
                for (int b = 0; b < rows; b++) {
                    double ar = r[b], ai = j[b];
                    r[b] = pr * ar - pi * ai;
                    j[b] = pr * ai + pi * ar;
                }
            }
        }

        /** RY = [[c, -s], [s, c]] on the wire with bit {@code mask}: real, so re and im rotate alike. */
        private void rotateY(int mask, double c, double s) {
            for (int i0 = 0; i0 < n; i0++) {
                if ((i0 & mask) == 0) {
                    int i1 = i0 | mask;
                    rotatePair(re[i0], im[i0], re[i1], im[i1], c, s, len);
                }
            }
        }

        /** Basis state x goes to perm[x]: only the row references move. */
        private void permute(double[][] rows, int[] perm) {
            for (int x = 0; x < n; x++) {
                swap[perm[x]] = rows[x];
            }
            System.arraycopy(swap, 0, rows, 0, n);
        }

        private void measure(double[] output) {
            int stride = circuits * q;
            double[] e = scratch;
            int rows = len;
            for (int w = 0; w < q; w++) {
                int mask = masks[w];
                Arrays.fill(e, 0, rows, 0.0);
                switch (spec.measurement()) {
                    case Z -> {
                        for (int i = 0; i < n; i++) {
                            double[] r = re[i], j = im[i];
                            if ((i & mask) == 0) {
                                for (int b = 0; b < rows; b++) {
                                    e[b] += r[b] * r[b] + j[b] * j[b];
                                }
                            } else {
                                for (int b = 0; b < rows; b++) {
                                    e[b] -= r[b] * r[b] + j[b] * j[b];
                                }
                            }
                        }
                    }
                    case X -> {
                        for (int i0 = 0; i0 < n; i0++) {
                            if ((i0 & mask) == 0) {
                                double[] r0 = re[i0], j0 = im[i0], r1 = re[i0 | mask], j1 = im[i0 | mask];
                                for (int b = 0; b < rows; b++) {
                                    e[b] += 2 * (r0[b] * r1[b] + j0[b] * j1[b]);
                                }
                            }
                        }
                    }
                    case Y -> {
                        for (int i0 = 0; i0 < n; i0++) {
                            if ((i0 & mask) == 0) {
                                double[] r0 = re[i0], j0 = im[i0], r1 = re[i0 | mask], j1 = im[i0 | mask];
                                for (int b = 0; b < rows; b++) {
                                    e[b] += 2 * (r0[b] * j1[b] - j0[b] * r1[b]);
                                }
                            }
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                for (int b = 0; b < rows; b++) {
                    output[(b0 + b) * stride + circuit * q + w] = e[b];
                }
            }
        }

        void backward(double[] gradOutput, double[] gradInput) {
            seedAdjoint(gradOutput);
            for (double[] a : thetaAcc) {
                Arrays.fill(a, 0, len, 0.0);
            }
            Arrays.fill(phaseAcc, 0.0);
            for (int l = layers - 1; l >= 0; l--) {
                Cancellation.check(cancelled);
                if (ring[l] != null) {
                    permute(re, ringInverse[l]);
                    permute(im, ringInverse[l]);
                    permute(lre, ringInverse[l]);
                    permute(lim, ringInverse[l]);
                }
                unphase(l + 1);
                int g = (circuit * layers + l) * q;
                for (int w = q - 1; w >= 0; w--) {
                    unrotateY(masks[w], ryCos[g + w], rySin[g + w], thetaAcc[l * q + w]);
                }
            }
            unphase(0);
            inputGradient(gradInput);
        }

        /** lambda = sum_j g_j P_j psi. */
        private void seedAdjoint(double[] gradOutput) {
            int stride = circuits * q;
            int rows = len;
            for (int i = 0; i < n; i++) {
                Arrays.fill(lre[i], 0, rows, 0.0);
                Arrays.fill(lim[i], 0, rows, 0.0);
            }
            double[] g = scratch;
            for (int w = 0; w < q; w++) {
                for (int b = 0; b < rows; b++) {
                    g[b] = gradOutput[(b0 + b) * stride + circuit * q + w];
                }
                int mask = masks[w];
                for (int i = 0; i < n; i++) {
                    double[] lr = lre[i], li = lim[i];
                    boolean one = (i & mask) != 0;
                    switch (spec.measurement()) {
                        case Z -> {
                            double s = one ? -1 : 1;
                            double[] r = re[i], j = im[i];
                            for (int b = 0; b < rows; b++) {
                                lr[b] += s * g[b] * r[b];
                                li[b] += s * g[b] * j[b];
                            }
                        }
                        case X -> {
                            double[] r = re[i ^ mask], j = im[i ^ mask];
                            for (int b = 0; b < rows; b++) {
                                lr[b] += g[b] * r[b];
                                li[b] += g[b] * j[b];
                            }
                        }
                        case Y -> {
                            // (Y psi)_0 = -i psi_1, (Y psi)_1 = i psi_0
                            double s = one ? 1 : -1;
                            double[] r = re[i ^ mask], j = im[i ^ mask];
                            for (int b = 0; b < rows; b++) {
                                lr[b] -= s * g[b] * j[b];
                                li[b] += s * g[b] * r[b];
                            }
                        }
                        default -> throw new IllegalStateException();
                    }
                }
            }
        }

        /** Records Im(conj(lambda_x) psi_x) for the phases of {@code slot}, then un-applies its diagonal. */
        private void unphase(int slot) {
            int off = (circuit * (layers + 1) + slot) * n;
            int accOff = slot * n;
            int rows = len;
            for (int x = 0; x < n; x++) {
                double pr = phaseRe[off + x];
                double pi = -phaseIm[off + x];
                double[] r = re[x], j = im[x], lr = lre[x], li = lim[x];
                double sum = 0;
                for (int b = 0; b < rows; b++) {
                    double ar = r[b], ai = j[b], cr = lr[b], ci = li[b];
                    sum += cr * ai - ci * ar;
                    r[b] = pr * ar - pi * ai;
                    j[b] = pr * ai + pi * ar;
                    lr[b] = pr * cr - pi * ci;
                    li[b] = pr * ci + pi * cr;
                }
                phaseAcc[accOff + x] += sum;
            }
        }

        /**
         * Un-applies RY from psi and lambda and accumulates Im &lt;lambda|Y|psi&gt; per row. Separate simple loops
         * run faster than one fused loop.
         */
        private void unrotateY(int mask, double c, double s, double[] accY) {
            int rows = len;
            for (int i0 = 0; i0 < n; i0++) {
                if ((i0 & mask) != 0) {
                    continue;
                }
                int i1 = i0 | mask;
                rotatePair(re[i0], im[i0], re[i1], im[i1], c, -s, rows);
                rotatePair(lre[i0], lim[i0], lre[i1], lim[i1], c, -s, rows);
                double[] p0r = re[i0], p0i = im[i0], p1r = re[i1], p1i = im[i1];
                double[] l0r = lre[i0], l0i = lim[i0], l1r = lre[i1], l1i = lim[i1];
                for (int b = 0; b < rows; b++) {
                    accY[b] += l1r[b] * p0r[b] + l1i[b] * p0i[b] - l0r[b] * p1r[b] - l0i[b] * p1i[b];
                }
            }
        }

        /** dL/dinput from lambda at the embedded state: dL/d(state) = 2 Re(lambda) for a real state. */
        private void inputGradient(double[] gradInput) {
            embedded.inputGradient(lre, gradInput);
        }
    }
}
