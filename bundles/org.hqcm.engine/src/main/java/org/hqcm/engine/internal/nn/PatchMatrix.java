package org.hqcm.engine.internal.nn;

import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link PatchProduct} as whole matrices, in the network's type: P' (M = N*S*S rows of 10) built on the host, one
 * GEMM into the convolution output y ([4, M/4, C]) and ND4J ops over it, which run on the device on the CUDA backend.
 * Used there, for double networks (the gradient checks) and as the reference of {@link FusedPatchProduct}; it holds
 * two activation-sized arrays (y and P'), which is what the fused product avoids (at 128 px and batch 64, y alone is
 * 0.5 GB in float).
 *
 * <p>Rows are ordered by pooling parity (the four positions of each 2x2 window, then image, row, column), so the
 * four candidates of every pooling window are four contiguous matrices and max-pooling is three element-wise maxima
 * (ND4J's maxpool2d_bp was the slowest op at this size). For the weight gradient, only the first of a window's
 * identical patches keeps its row in P' (the rest are zeroed before P'^T dY); that this equals the routing rule of
 * {@link PatchProduct#weightProducts} needs the GEMM to give equal rows equal results, which holds for the all-zero
 * patches of a black background whatever the summation order.
 */
final class PatchMatrix implements PatchProduct {
    private static final int TAPS = 9;
    private static final int COLUMNS = TAPS + 1;
    /** Differences to the window maximum above this count as the maximum (only exact ties are). */
    private static final double TIE_CUTOFF = -1.1754944e-38;

    private final int channels;
    private final int size;
    private final DataType dataType;
    private final SharedBuffer patchStore;
    private final SharedBuffer yStore;
    private final INDArray foldedStore;
    private final INDArray gramGrad;
    private float[] patchHost;
    private int batch = -1;
    private INDArray patches; // [M, 10]
    private INDArray y;       // [4, M/4, C]: conv output by pooling parity, later differences to the maximum
    private INDArray out;     // the last forward's output, for ReLU's backward
    private int[][] duplicateRows; // per fill worker: rows of P' equal to an earlier row of their window
    private int[] duplicateCounts;

    PatchMatrix(DataType dataType, int channels, int size) {
        this.dataType = dataType;
        this.channels = channels;
        this.size = size;
        patchStore = new SharedBuffer(dataType);
        yStore = new SharedBuffer(dataType);
        foldedStore = Nd4j.create(dataType, COLUMNS, channels);
        gramGrad = Nd4j.create(dataType, COLUMNS, channels);
    }

    @Override
    public double[] prepare(float[] images, int n, boolean training) {
        if (n != batch) {
            batch = n;
            long m = (long) n * size * size;
            if (patchHost == null || patchHost.length < m * COLUMNS) {
                patchHost = new float[Math.toIntExact(m * COLUMNS)];
            }
            patchStore.reserve(m * COLUMNS);
            yStore.reserve(m * channels);
            patches = patchStore.view(m, COLUMNS);
            y = yStore.view(4, m / 4, channels);
        }
        return fillPatches(images, training);
    }

    @Override
    public void forward(double[] f, boolean training, INDArray out) {
        this.out = out;
        long m = (long) batch * size * size;
        HostArrays.copyIn(f, foldedStore);
        NativeOps.gemm(patches, foldedStore, y.reshape(m, channels), false, false, 1.0, 0.0);
        INDArray o = out.reshape(m / 4, channels);
        maximum(parity(0), parity(1), o);
        maximum(o, parity(2), o);
        maximum(o, parity(3), o);
        if (training) {
            for (int d = 0; d < 4; d++) {
                parity(d).subi(o);
            }
        }
        Transforms.relu(out, false);
    }

    @Override
    public double[] weightProducts(INDArray dOut) {
        long m = (long) batch * size * size;
        NativeOps.reluBackward(out, dOut, dOut);
        INDArray d2 = dOut.reshape(m / 4, channels);
        for (int d = 0; d < 4; d++) {
            // y - max is 0 exactly at the maximum: pass the gradient there (ND4J's thresholded ReLU
            // backward would do it in one op but measured ~10x slower than these two)
            Nd4j.getExecutioner().exec(new Step(parity(d), parity(d), TIE_CUTOFF));
            parity(d).muli(d2);
        }
        zeroDuplicatePatches();
        NativeOps.gemm(patches, y.reshape(m, channels), gramGrad, true, false, 1.0, 0.0);
        return HostArrays.toDoubles(gramGrad);
    }

    private INDArray parity(int d) {
        return y.get(NDArrayIndex.point(d), NDArrayIndex.all(), NDArrayIndex.all());
    }

    private static void maximum(INDArray a, INDArray b, INDArray result) {
        Nd4j.exec(DynamicCustomOp.builder("maximum").addInputs(a, b).addOutputs(result).build());
    }

    /** Records row r when it equals the row of an earlier position of the same pooling window. */
    private void markIfDuplicate(float[] p, long r, int parity, long quarter, int worker) {
        int o = Math.toIntExact(r * COLUMNS);
        for (int e = 0; e < parity; e++) {
            int oe = Math.toIntExact((r - (long) (parity - e) * quarter) * COLUMNS);
            boolean same = true;
            for (int k = 0; k < TAPS && same; k++) {
                same = p[o + k] == p[oe + k]; // == so that -0 equals 0, as their products do
            }
            if (same) {
                duplicateRows[worker][duplicateCounts[worker]++] = Math.toIntExact(r);
                return;
            }
        }
    }

    private void zeroDuplicatePatches() {
        boolean isFloat = dataType == DataType.FLOAT;
        java.nio.FloatBuffer fb = isFloat ? patches.data().asNioFloat() : null;
        java.nio.DoubleBuffer db = isFloat ? null : patches.data().asNioDouble();
        for (int wk = 0; wk < duplicateRows.length; wk++) {
            for (int i = 0; i < duplicateCounts[wk]; i++) {
                int o = duplicateRows[wk][i] * COLUMNS;
                for (int k = 0; k < COLUMNS; k++) {
                    if (isFloat) {
                        fb.put(o + k, 0f);
                    } else {
                        db.put(o + k, 0.0);
                    }
                }
            }
        }
    }

    /** Builds P' in pooling-parity order and, in training, returns its Gram matrix summed in double. */
    private double[] fillPatches(float[] images, boolean training) {
        int n = batch;
        int s = size;
        int half = s / 2;
        long quarter = (long) n * half * half;
        float[] p = patchHost;
        int workers = PatchBlock.workers(n, s);
        double[][] partial = new double[workers][COLUMNS * COLUMNS];
        if (duplicateRows == null || duplicateRows.length != workers || duplicateRows[0].length < 3 * quarter) {
            duplicateRows = new int[workers][Math.toIntExact(3 * quarter)];
        }
        duplicateCounts = new int[workers];
        IntStream range = IntStream.range(0, workers);
        (workers > 1 ? range.parallel() : range).forEach(wk -> {
            double[] acc = partial[wk];
            float[] row = new float[COLUMNS];
            for (int img = wk; img < n; img += workers) {
                int base = img * s * s;
                for (int yy = 0; yy < s; yy++) {
                    for (int xx = 0; xx < s; xx++) {
                        int parity = (yy & 1) * 2 + (xx & 1);
                        long r = parity * quarter + ((long) img * half + (yy >> 1)) * half + (xx >> 1);
                        int o = Math.toIntExact(r * COLUMNS);
                        int t = 0;
                        for (int ky = -1; ky <= 1; ky++) {
                            int sy = yy + ky;
                            boolean rowIn = sy >= 0 && sy < s;
                            for (int kx = -1; kx <= 1; kx++) {
                                int sx = xx + kx;
                                row[t++] = rowIn && sx >= 0 && sx < s ? images[base + sy * s + sx] : 0f;
                            }
                        }
                        row[TAPS] = 1f;
                        System.arraycopy(row, 0, p, o, COLUMNS);
                        if (parity > 0) {
                            markIfDuplicate(p, r, parity, quarter, wk);
                        }
                        if (training) {
                            for (int k = 0; k < COLUMNS; k++) {
                                double v = row[k];
                                if (v == 0) {
                                    continue;
                                }
                                int ko = k * COLUMNS;
                                for (int l = k; l < COLUMNS; l++) {
                                    acc[ko + l] += v * row[l];
                                }
                            }
                        }
                    }
                }
            }
        });
        HostArrays.copyIn(p, Math.toIntExact(4 * quarter * COLUMNS), patches);
        if (!training) {
            return null;
        }
        double[] gram = new double[COLUMNS * COLUMNS];
        for (double[] acc : partial) {
            for (int k = 0; k < COLUMNS; k++) {
                for (int l = k; l < COLUMNS; l++) {
                    gram[k * COLUMNS + l] += acc[k * COLUMNS + l];
                }
            }
        }
        for (int k = 0; k < COLUMNS; k++) {
            for (int l = 0; l < k; l++) {
                gram[k * COLUMNS + l] = gram[l * COLUMNS + k];
            }
        }
        return gram;
    }
}
