package org.hqcm.engine.internal.nn;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * BatchNorm, 2x2 max-pooling and ReLU after a {@link ConvBlock}'s convolution, fused for float networks on the CPU
 * backend: one read of the convolution output z in the forward pass, and one read and one write in the backward
 * pass, a row of pooling windows at a time in Java arrays, where ND4J's ops made some eight passes (statistics, a
 * normalised copy, pooling, ReLU; ReLU's and pooling's backward on a recomputed copy, BatchNorm's sums and its input
 * gradient). At 128 px and batch 64, z is 64 x 64 x 64 x 64 floats (67 MB); ND4J's passes took 29-63 ms forward
 * and 69-150 ms backward, these 13-21 and 16-24 (2 cores, 2026-12-01, best and typical of 20).
 *
 * <p>Why one read forward suffices: y = scale * z + shift is monotone in z (non-decreasing for scale >= 0, in float
 * rounding too), so a window's largest y is the map of its largest z, or of its smallest where scale < 0. The
 * forward pass keeps each window's maximum and minimum of z next to the statistics; the output is then computed
 * on a quarter of the data from the chosen one. In the backward pass BatchNorm's sums over dL/dy need only the
 * windows (dL/dy is zero elsewhere), and dL/dz = 2 dVar / M z + dMean / M ({@link BatchNorm#backwardFolded}, with
 * var = E[z^2] - mean^2), plus scale dL/dy at the first position of each window (row by row, as ND4J's pooling
 * routes) whose z is the chosen value. Only different z that round to the same y would be routed differently.
 *
 * <p>Statistics: summed around a value of the batch (cancellation in E[z^2] - mean^2 stays small), in float along
 * an image's rows of windows, then in double per channel across a row's windows and over images in image order, so
 * that they do not depend on threads.
 */
final class FusedNormPool {
    private static final float BIG = 0x1p127f;

    private final int channels;
    private final int size;
    private final int half;
    private final int rowLength;    // one row of z: S * C
    private final int windowRow;    // one row of windows, and of the output: S/2 * C
    private final ImageWorkers<Worker> workers;

    // per image and row of windows of the last forward: the maximum of z, then the chosen z (maximum or minimum)
    private float[][][] chosen = new float[0][][];
    private float[][][] minimum = new float[0][][];
    // per image and row of windows of the last backward: dL/dy at the chosen positions
    private float[][][] gradient = new float[0][][];
    private int batch;
    // per-channel values repeated along a row of windows (index u has channel u % C), so that every loop below reads
    // its arrays at the loop's own index: a loop that reads at an offset ran at 0.44 ns per value on this machine
    // kind against 0.17 at the index (HotSpot 17, rows of 2048, 2026-12-01)
    private final float[] shiftOfStatistics; // a value of each channel that the statistics are summed around
    private final float[] scale;
    private final float[] shift;
    private final float[] useMaximum; // 1 where scale >= 0, else 0
    private final float[] mean;
    private final float[] zScale;
    private final float[] zShift;

    FusedNormPool(int channels, int size) {
        this.channels = channels;
        this.size = size;
        this.half = size / 2;
        this.rowLength = size * channels;
        this.windowRow = half * channels;
        shiftOfStatistics = new float[windowRow];
        scale = new float[windowRow];
        shift = new float[windowRow];
        useMaximum = new float[windowRow];
        mean = new float[windowRow];
        zScale = new float[windowRow];
        zShift = new float[windowRow];
        workers = new ImageWorkers<>(Worker::new);
    }

    /** values[c] repeated along a row of windows into {@code into}. */
    private void repeat(double[] values, float[] into) {
        for (int u = 0; u < windowRow; u++) {
            into[u] = (float) values[u % channels];
        }
    }

    /**
     * relu(maxpool(batchnorm(z))) of z [N, S, S, C] into out [N, S/2, S/2, C]: with the batch's statistics (folded
     * into {@code norm}'s running statistics) in training, with the running statistics otherwise.
     */
    void forward(INDArray z, BatchNorm norm, boolean training, INDArray out) {
        int n = (int) z.size(0);
        batch = n;
        if (chosen.length < n) {
            chosen = new float[n][half][windowRow];
            minimum = new float[n][half][windowRow];
        }
        FloatBuffer zb = z.data().asNioFloat();
        // the statistics are summed around the first image's centre pixel, a value of the batch's own (the running
        // mean would make the same batch's rounding depend on the batches before it)
        double[] k = new double[channels];
        for (int c = 0; c < channels; c++) {
            k[c] = zb.get((half * size + half) * channels + c);
        }
        repeat(k, shiftOfStatistics);
        double[][] sums = training ? new double[n][] : null;
        workers.forEach(n, size, (w, img) -> {
            double[] s = w.windows(zb, img, chosen[img], minimum[img], training);
            if (training) {
                sums[img] = s;
            }
        });
        BatchNorm.Folded map;
        if (training) {
            double[] total = ImageWorkers.inImageOrder(sums);
            long m = (long) n * size * size;
            double[] mu = new double[channels];
            double[] var = new double[channels];
            for (int c = 0; c < channels; c++) {
                // the sums are of z - k with k the float shift used in the loops
                double shifted = total[c] / m;
                double kc = shiftOfStatistics[c];
                mu[c] = kc + shifted;
                var[c] = Math.max(total[channels + c] / m - shifted * shifted, 0);
            }
            map = norm.foldTraining(mu, var, m);
            repeat(mu, mean);
        } else {
            map = norm.foldInference();
        }
        repeat(map.scale(), scale);
        repeat(map.shift(), shift);
        for (int u = 0; u < windowRow; u++) {
            useMaximum[u] = scale[u] >= 0 ? 1f : 0f;
        }
        FloatBuffer ob = out.data().asNioFloat();
        workers.forEach(n, size, (w, img) -> w.output(ob, img, chosen[img], minimum[img]));
    }

    /**
     * Backward of the last forward, which must have been in training mode: from dOut [N, S/2, S/2, C] and z, writes
     * dL/dz into {@code dz} [N, S, S, C] and the gamma and beta gradients into {@code norm}.
     */
    void backward(INDArray z, INDArray dOut, BatchNorm norm, INDArray dz) {
        int n = batch;
        if (gradient.length < n) {
            gradient = new float[n][half][windowRow];
        }
        FloatBuffer gb = dOut.data().asNioFloat();
        double[][] sums = new double[n][];
        workers.forEach(n, size, (w, img) -> sums[img] = w.gradientSums(gb, img, chosen[img], gradient[img]));
        double[] total = ImageWorkers.inImageOrder(sums);
        double[] sumDy = java.util.Arrays.copyOfRange(total, 0, channels);
        double[] sumDyCentred = java.util.Arrays.copyOfRange(total, channels, 2 * channels);
        BatchNorm.StatisticsGradient g = norm.backwardFolded(sumDy, sumDyCentred);
        long m = (long) n * size * size;
        double[] a = new double[channels];
        double[] b = new double[channels];
        for (int c = 0; c < channels; c++) {
            a[c] = 2 * g.dVar()[c] / m;
            b[c] = g.dMean()[c] / m;
        }
        repeat(a, zScale);
        repeat(b, zShift);
        FloatBuffer zb = z.data().asNioFloat();
        FloatBuffer db = dz.data().asNioFloat();
        workers.forEach(n, size, (w, img) -> w.inputGradient(zb, db, img, chosen[img], gradient[img]));
    }

    /** One thread's arrays: the four positions of a row of windows, and per-row sums. */
    private final class Worker {
        // z (or dL/dz) at the windows' positions (0, 0), (0, 1), (1, 0), (1, 1) of one row of windows
        private final float[][] at = new float[4][windowRow];
        private final float[] row = new float[windowRow];
        private final float[] taken = new float[windowRow];
        private final float[] sums = new float[windowRow];
        private final float[] squares = new float[windowRow];

        /** The row {@code i} of windows of image {@code img} of z into {@link #at}. */
        private void load(FloatBuffer zb, int img, int i) {
            copy(zb, img, i, true);
        }

        /** {@link #at} back into the row {@code i} of windows of image {@code img} of {@code db}. */
        private void store(FloatBuffer db, int img, int i) {
            copy(db, img, i, false);
        }

        /** One pixel (C floats) per call: the positions of a window are one pixel and its neighbours. */
        private void copy(FloatBuffer b, int img, int i, boolean in) {
            int top = Math.toIntExact((long) img * size * rowLength) + 2 * i * rowLength;
            for (int j = 0; j < half; j++) {
                int u = j * channels;
                for (int pos = 0; pos < 4; pos++) {
                    int o = top + (pos >> 1) * rowLength + (2 * j + (pos & 1)) * channels;
                    if (in) {
                        b.get(o, at[pos], u, channels);
                    } else {
                        b.put(o, at[pos], u, channels);
                    }
                }
            }
        }

        /** The image's per-channel sums of the row sums {@code a} and {@code b}, in double ([2C]). */
        private double[] perChannel(float[] a, float[] b) {
            double[] s = new double[2 * channels];
            for (int u = 0; u < windowRow; u++) {
                s[u % channels] += a[u];
                s[channels + u % channels] += b[u];
            }
            return s;
        }

        /**
         * Every window's maximum and minimum of z; in training also returns the image's sums of z - k and (z - k)^2
         * per channel ([2C], k the shift of the statistics).
         */
        double[] windows(FloatBuffer zb, int img, float[][] max, float[][] min, boolean training) {
            java.util.Arrays.fill(sums, 0f);
            java.util.Arrays.fill(squares, 0f);
            for (int i = 0; i < half; i++) {
                load(zb, img, i);
                Kernels.maximum(at[0], at[1], at[2], at[3], max[i], windowRow);
                Kernels.minimum(at[0], at[1], at[2], at[3], min[i], windowRow);
                if (training) {
                    for (float[] v : at) {
                        Kernels.moments(v, shiftOfStatistics, sums, squares, windowRow);
                    }
                }
            }
            return training ? perChannel(sums, squares) : null;
        }

        /** The chosen z of each window (its maximum, or its minimum where scale < 0) and the image's output. */
        void output(FloatBuffer ob, int img, float[][] max, float[][] min) {
            int base = Math.toIntExact((long) img * half * windowRow);
            for (int i = 0; i < half; i++) {
                Kernels.choose(max[i], min[i], useMaximum, windowRow);
                Kernels.affineRelu(max[i], scale, shift, row, windowRow);
                ob.put(base + i * windowRow, row, 0, windowRow);
            }
        }

        /**
         * dL/dy at the windows' chosen positions into {@code g} (zero where ReLU cut), and the image's sums of dL/dy
         * and dL/dy (z - mean) per channel ([2C]).
         */
        double[] gradientSums(FloatBuffer gb, int img, float[][] chosenZ, float[][] g) {
            java.util.Arrays.fill(sums, 0f);
            java.util.Arrays.fill(squares, 0f);
            int base = Math.toIntExact((long) img * half * windowRow);
            for (int i = 0; i < half; i++) {
                gb.get(base + i * windowRow, g[i], 0, windowRow);
                Kernels.reluCut(g[i], chosenZ[i], scale, shift, windowRow);
                Kernels.gradientMoments(g[i], chosenZ[i], mean, sums, squares, windowRow);
            }
            return perChannel(sums, squares);
        }

        /** dL/dz of the image: zScale z + zShift, plus scale dL/dy at each window's first position with the chosen z. */
        void inputGradient(FloatBuffer zb, FloatBuffer db, int img, float[][] chosenZ, float[][] g) {
            for (int i = 0; i < half; i++) {
                load(zb, img, i);
                Kernels.scaled(g[i], scale, row, windowRow);
                java.util.Arrays.fill(taken, 0f);
                for (float[] v : at) {
                    Kernels.route(v, chosenZ[i], row, taken, zScale, zShift, windowRow);
                }
                store(db, img, i);
            }
        }
    }

    /**
     * The loops that HotSpot vectorizes: every array at the loop's index, small bodies (a body above LoopUnrollLimit
     * is not unrolled, and so not vectorized: see {@link FusedPatchProduct}).
     */
    private static final class Kernels {
        private Kernels() {
        }

        static void maximum(float[] a, float[] b, float[] c, float[] d, float[] dst, int n) {
            for (int u = 0; u < n; u++) {
                dst[u] = Math.max(Math.max(a[u], b[u]), Math.max(c[u], d[u]));
            }
        }

        static void minimum(float[] a, float[] b, float[] c, float[] d, float[] dst, int n) {
            for (int u = 0; u < n; u++) {
                dst[u] = Math.min(Math.min(a[u], b[u]), Math.min(c[u], d[u]));
            }
        }

        /** sum += z - k, squares += (z - k)^2. */
        static void moments(float[] z, float[] k, float[] sum, float[] squares, int n) {
            for (int u = 0; u < n; u++) {
                float v = z[u] - k[u];
                sum[u] += v;
                squares[u] += v * v;
            }
        }

        /** max = max where use is 1, min where it is 0: exact (x * 1 + y * 0 is x, as y * 0 is a zero). */
        static void choose(float[] max, float[] min, float[] use, int n) {
            for (int u = 0; u < n; u++) {
                max[u] = max[u] * use[u] + min[u] * (1f - use[u]);
            }
        }

        static void affineRelu(float[] z, float[] scale, float[] shift, float[] dst, int n) {
            for (int u = 0; u < n; u++) {
                dst[u] = Math.max(scale[u] * z[u] + shift[u], 0f);
            }
        }

        /** g = 0 where the output scale z + shift was cut by ReLU (not > 0); ((y * 2^127) * 2^127 is >= 1 for y > 0). */
        static void reluCut(float[] g, float[] z, float[] scale, float[] shift, int n) {
            for (int u = 0; u < n; u++) {
                float y = scale[u] * z[u] + shift[u];
                g[u] = g[u] * Math.max(Math.min(y * BIG * BIG, 1f), 0f);
            }
        }

        static void gradientMoments(float[] g, float[] z, float[] mean, float[] sum, float[] centred, int n) {
            for (int u = 0; u < n; u++) {
                sum[u] += g[u];
                centred[u] += g[u] * (z[u] - mean[u]);
            }
        }

        static void scaled(float[] g, float[] scale, float[] dst, int n) {
            for (int u = 0; u < n; u++) {
                dst[u] = scale[u] * g[u];
            }
        }

        /**
         * z = zScale z + zShift + g where z is the chosen value and no earlier position was (taken marks those): the
         * first position with the chosen value gets the window's gradient.
         */
        static void route(float[] z, float[] chosen, float[] g, float[] taken, float[] zScale, float[] zShift, int n) {
            for (int u = 0; u < n; u++) {
                float here = (1f - Math.min(Math.abs(z[u] - chosen[u]) * BIG * BIG, 1f)) * (1f - taken[u]);
                taken[u] += here;
                z[u] = zScale[u] * z[u] + zShift[u] + g[u] * here;
            }
        }
    }
}
