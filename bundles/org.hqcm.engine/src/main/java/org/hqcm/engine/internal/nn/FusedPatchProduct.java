package org.hqcm.engine.internal.nn;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link PatchProduct} for float networks, fused image by image: the convolution, max-pooling and ReLU of one image
 * are computed channel by channel in Java arrays that stay in the core's caches, and only the pooled output is
 * written, with (in training) the position of each window's maximum. The backward pass routes the gradient by that
 * position and hands one image's routed gradient to one GEMM for P'^T dY. Nothing of the convolution output's size
 * (N*S*S*C) exists at any time: at 128 px and batch 64 that was 0.5 GB written and read several times per step by
 * {@link PatchMatrix} (its forward and backward took 560 ms of a 1.5 s step on this machine kind, 2026-12-01), for a
 * convolution of 2.4 GFLOP.
 *
 * <p>Layout: an image is cut into 16 planes {@code q[r][c]} (r, c in 0..3), q[r][c][i*H + j] = pixel(2i+r-1,
 * 2j+c-1) with zero padding, H = S/2. The tap (ky, kx) of the pooling position (a, b) of window (i, j) is
 * q[a+ky][b+kx] at the same index, so every loop below runs over one contiguous index with every array read at that
 * index. Loops stay small (three taps each) on purpose: HotSpot 17 vectorizes a loop only after unrolling it, and it
 * does not unroll a loop body above LoopUnrollLimit (a one-loop version of the four positions' 36 taps ran scalar,
 * 3.4 GFLOP/s on one core, against 21-29 GFLOP/s for these; measured with a stand-alone harness, 2026-12-01).
 * For the same reason no loop reads an array at an offset from the loop's index (a routing loop with offsets ran at
 * 5.4 ns per value, 0.34 without), and reductions are left to GEMM: HotSpot keeps float sums in order, which it does
 * not vectorize.
 *
 * <p>Tie rule: the gradient goes to the first position of a window whose value is the maximum. Ties come from
 * identical patches (flat regions such as a black background), and there the first maximal position is the first of
 * the identical patches, as in {@link PatchMatrix}; only different patches with bit-identical outputs, which
 * real-valued weights do not produce in practice, would be routed differently (once here, to each in the matrix).
 * The maxima are found without branches: for floats m >= z, (m - z) * 2^127 * 2^127 is 0 for m == z and at least
 * 2^105 otherwise, so 1 - min(that, 1) is exactly 1 at the maximum and 0 elsewhere; the same test on the output is
 * ReLU's derivative.
 */
final class FusedPatchProduct implements PatchProduct {
    private static final int TAPS = 9;
    private static final int COLUMNS = TAPS + 1;
    private static final float BIG = 0x1p127f;

    private final int channels;
    private final int size;
    private final int half;
    private final int plane;
    private final float[] weights; // [C, 9]: the folded weights of channel c at c * 9
    private final float[] shift;   // [C]
    private float[][][] planes = new float[0][][]; // per image of the batch: its 16 planes
    // per image and channel of the last training forward: the window's first maximal position (0-3), 4 where ReLU cut
    private float[][][] positions = new float[0][][];
    private int batch;
    private final ImageWorkers<Worker> workers = new ImageWorkers<>(Worker::new);

    FusedPatchProduct(int channels, int size) {
        this.channels = channels;
        this.size = size;
        this.half = size / 2;
        this.plane = half * half;
        weights = new float[channels * TAPS];
        shift = new float[channels];
    }

    @Override
    public double[] prepare(float[] images, int n, boolean training) {
        batch = n;
        if (planes.length < n) {
            planes = new float[n][16][plane];
        }
        double[][] perImage = training ? new double[n][] : null;
        workers.forEach(batch, size, (w, img) -> {
            cut(images, img, planes[img]);
            if (training) {
                perImage[img] = w.gram(planes[img]);
            }
        });
        return training ? ImageWorkers.inImageOrder(perImage) : null;
    }

    @Override
    public void forward(double[] folded, boolean training, INDArray out) {
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < TAPS; k++) {
                weights[c * TAPS + k] = (float) folded[k * channels + c];
            }
            shift[c] = (float) folded[TAPS * channels + c];
        }
        if (training && positions.length < batch) {
            positions = new float[batch][channels][plane];
        }
        workers.forEach(batch, size, (w, img) -> w.forward(planes[img], training ? positions[img] : null, img, out));
    }

    @Override
    public double[] weightProducts(INDArray dOut) {
        double[][] perImage = new double[batch][];
        workers.forEach(batch, size, (w, img) -> perImage[img] = w.backward(planes[img], positions[img], img, dOut));
        return ImageWorkers.inImageOrder(perImage);
    }

    /** Cuts image {@code img} into its 16 planes q[r * 4 + c]. */
    private void cut(float[] pixels, int img, float[][] q) {
        int s = size;
        int base = img * s * s;
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                float[] p = q[r * 4 + c];
                for (int i = 0; i < half; i++) {
                    int y = 2 * i + r - 1;
                    int row = base + y * s;
                    boolean rowIn = y >= 0 && y < s;
                    for (int j = 0; j < half; j++) {
                        int x = 2 * j + c - 1;
                        p[i * half + j] = rowIn && x >= 0 && x < s ? pixels[row + x] : 0f;
                    }
                }
            }
        }
    }

    /** The plane of tap (ky, kx) of pooling position pos (a = pos / 2, b = pos % 2). */
    private static float[] tap(float[][] q, int pos, int ky, int kx) {
        return q[((pos >> 1) + ky) * 4 + (pos & 1) + kx];
    }

    /** One thread's arrays: one channel's convolutions, an image's output tile and its GEMM operands. */
    private final class Worker {
        private final float[][] z = new float[4][plane]; // the convolution at the four pooling positions
        private final float[][] values = new float[channels][plane]; // by channel: the output, or dOut
        private final float[] pixelMajor = new float[plane * channels];
        private final float[] routed = new float[plane];
        private final INDArray patchesT = Nd4j.create(DataType.FLOAT, COLUMNS, 4L * plane); // P'^T of one image
        // dY^T of one image: one GEMM per image with every channel ran at 45-53 GFLOP/s on this shape, blocks of 16
        // channels (to stay in L2) at 19-36 (2 cores, 2026-12-01)
        private final INDArray routedT = Nd4j.create(DataType.FLOAT, channels, 4L * plane);
        private final INDArray gram = Nd4j.create(DataType.FLOAT, COLUMNS, COLUMNS);
        private final INDArray products = Nd4j.create(DataType.FLOAT, COLUMNS, channels);

        Worker() {
            float[] ones = new float[4 * plane];
            java.util.Arrays.fill(ones, 1f);
            patchesT.data().asNioFloat().put(TAPS * 4 * plane, ones, 0, 4 * plane);
        }

        /** P'^T of an image ([10, 4 * plane]: for each tap, the four positions' planes; then the ones). */
        private void writePatches(float[][] q) {
            FloatBuffer b = patchesT.data().asNioFloat();
            for (int ky = 0; ky < 3; ky++) {
                for (int kx = 0; kx < 3; kx++) {
                    for (int pos = 0; pos < 4; pos++) {
                        b.put(((ky * 3 + kx) * 4 + pos) * plane, tap(q, pos, ky, kx), 0, plane);
                    }
                }
            }
        }

        /** An image's P'^T P' ([10, 10]). */
        double[] gram(float[][] q) {
            writePatches(q);
            NativeOps.gemm(patchesT, patchesT, gram, false, true, 1.0, 0.0);
            return HostArrays.toDoubles(gram);
        }

        /** relu(maxpool(conv)) of an image into its place in {@code out}, and in training its maxima's positions. */
        void forward(float[][] q, float[][] position, int img, INDArray out) {
            for (int c = 0; c < channels; c++) {
                convolve(q, c);
                Kernels.maximumRelu(z[0], z[1], z[2], z[3], values[c], plane);
                if (position != null) {
                    Kernels.firstMaximum(values[c], z[0], z[1], z[2], position[c], plane);
                }
            }
            toPixelMajor(values, pixelMajor, plane);
            out.data().asNioFloat().put(Math.toIntExact((long) img * plane * channels), pixelMajor, 0,
                    plane * channels);
        }

        /** P'^T dY of an image ([10, C]). */
        double[] backward(float[][] q, float[][] position, int img, INDArray dOut) {
            writePatches(q);
            dOut.data().asNioFloat().get(Math.toIntExact((long) img * plane * channels), pixelMajor, 0,
                    plane * channels);
            toChannelMajor(pixelMajor, values, plane);
            FloatBuffer routedBuffer = routedT.data().asNioFloat();
            for (int c = 0; c < channels; c++) {
                for (int pos = 0; pos < 4; pos++) {
                    Kernels.route(values[c], position[c], pos, routed, plane);
                    routedBuffer.put((c * 4 + pos) * plane, routed, 0, plane);
                }
            }
            NativeOps.gemm(patchesT, routedT, products, false, true, 1.0, 0.0);
            return HostArrays.toDoubles(products);
        }

        /** Channel c's convolution at the four pooling positions of every window, into z. */
        private void convolve(float[][] q, int c) {
            int w = c * TAPS;
            for (int pos = 0; pos < 4; pos++) {
                float[] dst = z[pos];
                Kernels.threeTaps(dst, shift[c], tap(q, pos, 0, 0), tap(q, pos, 0, 1), tap(q, pos, 0, 2),
                        weights[w], weights[w + 1], weights[w + 2], plane);
                Kernels.threeMoreTaps(dst, tap(q, pos, 1, 0), tap(q, pos, 1, 1), tap(q, pos, 1, 2),
                        weights[w + 3], weights[w + 4], weights[w + 5], plane);
                Kernels.threeMoreTaps(dst, tap(q, pos, 2, 0), tap(q, pos, 2, 1), tap(q, pos, 2, 2),
                        weights[w + 6], weights[w + 7], weights[w + 8], plane);
            }
        }
    }

    /** Pixels at a time in the transposes: 16 of every channel's, so that both sides stay in L1. */
    private static final int TRANSPOSE_BLOCK = 16;

    /**
     * pixelMajor[u * C + c] = byChannel[c][u] for u < n. Four channels per pass: 0.7-1.1 ns per value against
     * 1.2-1.9 for one (stand-alone harness, 4096 x 128, 2026-12-01); ND4J's permuted assign took 2.2-2.5.
     */
    private static void toPixelMajor(float[][] byChannel, float[] pixelMajor, int n) {
        int channels = byChannel.length;
        for (int u0 = 0; u0 < n; u0 += TRANSPOSE_BLOCK) {
            int u1 = Math.min(n, u0 + TRANSPOSE_BLOCK);
            int c = 0;
            for (; c + 4 <= channels; c += 4) {
                float[] v0 = byChannel[c];
                float[] v1 = byChannel[c + 1];
                float[] v2 = byChannel[c + 2];
                float[] v3 = byChannel[c + 3];
                for (int u = u0; u < u1; u++) {
                    int o = u * channels + c;
                    pixelMajor[o] = v0[u];
                    pixelMajor[o + 1] = v1[u];
                    pixelMajor[o + 2] = v2[u];
                    pixelMajor[o + 3] = v3[u];
                }
            }
            for (; c < channels; c++) {
                float[] v = byChannel[c];
                for (int u = u0; u < u1; u++) {
                    pixelMajor[u * channels + c] = v[u];
                }
            }
        }
    }

    /** byChannel[c][u] = pixelMajor[u * C + c] for u < n, four channels per pass as above. */
    private static void toChannelMajor(float[] pixelMajor, float[][] byChannel, int n) {
        int channels = byChannel.length;
        for (int u0 = 0; u0 < n; u0 += TRANSPOSE_BLOCK) {
            int u1 = Math.min(n, u0 + TRANSPOSE_BLOCK);
            int c = 0;
            for (; c + 4 <= channels; c += 4) {
                float[] v0 = byChannel[c];
                float[] v1 = byChannel[c + 1];
                float[] v2 = byChannel[c + 2];
                float[] v3 = byChannel[c + 3];
                for (int u = u0; u < u1; u++) {
                    int o = u * channels + c;
                    v0[u] = pixelMajor[o];
                    v1[u] = pixelMajor[o + 1];
                    v2[u] = pixelMajor[o + 2];
                    v3[u] = pixelMajor[o + 3];
                }
            }
            for (; c < channels; c++) {
                float[] v = byChannel[c];
                for (int u = u0; u < u1; u++) {
                    v[u] = pixelMajor[u * channels + c];
                }
            }
        }
    }

    /** The loops that HotSpot vectorizes: every array read and written at one index. */
    private static final class Kernels {
        private Kernels() {
        }

        static void threeTaps(float[] dst, float shift, float[] a, float[] b, float[] c, float wa, float wb, float wc,
                int n) {
            for (int u = 0; u < n; u++) {
                dst[u] = shift + wa * a[u] + wb * b[u] + wc * c[u];
            }
        }

        static void threeMoreTaps(float[] dst, float[] a, float[] b, float[] c, float wa, float wb, float wc, int n) {
            for (int u = 0; u < n; u++) {
                dst[u] = dst[u] + wa * a[u] + wb * b[u] + wc * c[u];
            }
        }

        /** dst = max(z0, z1, z2, z3, 0): max is exact, so any order gives the same value. */
        static void maximumRelu(float[] z0, float[] z1, float[] z2, float[] z3, float[] dst, int n) {
            for (int u = 0; u < n; u++) {
                dst[u] = Math.max(Math.max(Math.max(z0[u], z1[u]), Math.max(z2[u], z3[u])), 0f);
            }
        }

        /**
         * where = the first position (0-3) whose z equals out = max(z0, z1, z2, z3, 0), or 4 where out is 0 (ReLU
         * passes nothing back), built from the last position down in four small loops (one loop of all of it was not
         * vectorized: 837 ms of CPU per step at 128 px against 40 for the maximum alone).
         */
        static void firstMaximum(float[] out, float[] z0, float[] z1, float[] z2, float[] where, int n) {
            for (int u = 0; u < n; u++) {
                where[u] = 2f + Math.min((out[u] - z2[u]) * BIG * BIG, 1f); // 2 at the maximum, else 3
            }
            for (int u = 0; u < n; u++) {
                float at = 1f - Math.min((out[u] - z1[u]) * BIG * BIG, 1f);
                where[u] = where[u] - at * (where[u] - 1f);
            }
            for (int u = 0; u < n; u++) {
                float at = 1f - Math.min((out[u] - z0[u]) * BIG * BIG, 1f);
                where[u] = where[u] * (1f - at);
            }
            for (int u = 0; u < n; u++) {
                float positive = Math.min(out[u] * BIG * BIG, 1f);
                where[u] = 4f - positive * (4f - where[u]);
            }
        }

        /** routed = g where the window's maximum was at position pos, else 0 (|where - pos| is a whole number). */
        static void route(float[] g, float[] where, int pos, float[] routed, int n) {
            for (int u = 0; u < n; u++) {
                routed[u] = g[u] * (1f - Math.min(Math.abs(where[u] - pos), 1f));
            }
        }
    }
}
