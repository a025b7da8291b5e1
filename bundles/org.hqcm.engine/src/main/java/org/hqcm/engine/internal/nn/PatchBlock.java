package org.hqcm.engine.internal.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The first backbone block (one input channel): 3x3 conv, BatchNorm, 2x2 max-pool, ReLU as ONE GEMM.
 *
 * <p>The conv is a product of the patch matrix P (M = N*S*S rows of 9 pixels, plus a ones column) with
 * the weights. BatchNorm statistics of the conv output z = P w follow from the 10x10 Gram matrix
 * G = P'^T P' alone: mean = s.w / M and E[z^2] = w^T G w / M, so they cost no pass over the
 * activations; G is summed in double while the patches are built, which avoids the cancellation of
 * E[z^2] - mean^2 in float. BatchNorm's affine map ({@link BatchNorm#foldTraining}) is then folded into the
 * GEMM's weights.
 *
 * <p>Patch rows are ordered by pooling parity (the four positions of each 2x2 window, then image, row,
 * column), so the four candidates of every pooling window are four contiguous matrices and max-pooling
 * is three element-wise maxima: ND4J's maxpool2d_bp was the slowest op at this size. Its backward routes
 * a window's gradient to every position equal to the maximum. Ties come from identical patches (flat
 * regions such as a black background); for those only the first of a window's identical patches keeps
 * its row in P' for the weight gradient, which gives exactly the gradient of max-pooling with any tie
 * rule, provided the GEMM gives equal rows equal results (exact for the all-zero patches of a black
 * background, whatever the summation order). Different patches giving bit-identical outputs would
 * count twice; with real-valued weights that does not happen in practice. The weight, gamma and beta gradients
 * follow from P'^T dY through the folded map ({@link BatchNorm#backwardFolded}), again without a pass over the
 * activations, and no input gradient is computed.
 */
final class PatchBlock implements Layer {
    private static final int TAPS = 9;
    private static final int COLUMNS = TAPS + 1;
    /** Differences to the window maximum above this count as the maximum (only exact ties are). */
    private static final double TIE_CUTOFF = -1.1754944e-38;
    /** Batches of fewer pixels build their patches on the caller's thread: threads only pay off on real batches. */
    static final int PARALLEL_PIXELS = 1 << 16;

    private final String name;
    private final int channels;
    private final int size;
    private final Parameter weight; // [3, 3, 1, C] = [9, C]
    private final BatchNorm norm;
    private final DataType dataType;

    private int batch = -1;
    private float[] imageHost;
    private float[] patchHost;
    // storage only grows, so that a smaller last batch or an evaluation batch reuses it
    private final SharedBuffer patchStore;
    private final SharedBuffer yStore;
    private final SharedBuffer outStore;
    private INDArray patches; // [M, 10]
    private INDArray y;       // [4, Q, C]: conv+BN output by pooling parity, later differences to the maximum
    private INDArray out;     // [N, S/2, S/2, C]
    private final INDArray folded;   // [10, C]
    private final INDArray gramGrad; // [10, C]
    private final double[] gram = new double[COLUMNS * COLUMNS];
    private int[][] duplicateRows; // per fill worker: rows of P' equal to an earlier row of their window
    private int[] duplicateCounts;
    // the weights, batch mean and BatchNorm scale of the last training forward, for the backward pass
    private double[] w;
    private double[] mean;
    private double[] scale;

    /** The block for {@code size} x {@code size} single-channel images and {@code channels} filters. */
    PatchBlock(String name, DataType dataType, int channels, int size) {
        this.name = name;
        this.channels = channels;
        this.size = size;
        this.dataType = dataType;
        weight = new Parameter(name + ".conv.weight", Nd4j.create(dataType, 3, 3, 1, channels));
        norm = new BatchNorm(name + ".bn", dataType, channels);
        folded = Nd4j.create(dataType, COLUMNS, channels);
        patchStore = new SharedBuffer(dataType);
        yStore = new SharedBuffer(dataType);
        outStore = new SharedBuffer(dataType);
        gramGrad = Nd4j.create(dataType, COLUMNS, channels);
    }

    /** As a 3x3 convolution of one channel, BatchNorm, ReLU and pooling; no input gradient (the first layer). */
    @Override
    public LayerCost cost(int batch) {
        double pixels = (double) batch * size * size;
        double flops = 2.0 * pixels * channels * TAPS + 6.0 * pixels * channels;
        return LayerCost.of(flops, false, dataType.width(), pixels, TAPS * channels + 2.0 * channels,
                pixels / 4 * channels);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        p.add(weight);
        p.addAll(norm.parameters());
        return p;
    }

    /** Convolution weights uniform in +-1/sqrt(9) (fan-in of a 3x3 kernel on one channel); BatchNorm starts at 1, 0. */
    @Override
    public void initialise(SplittableRandom random) {
        weight.initialiseUniform(random, 1.0 / Math.sqrt(TAPS));
    }

    @Override
    public List<BatchNorm> norms() {
        return List.of(norm);
    }

    /** Threads that build the patches of a batch of {@code n} images of {@code size} x {@code size}. */
    static int workers(int n, int size) {
        return (long) n * size * size < PARALLEL_PIXELS ? 1
                : Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
    }

    private void prepare(int n) {
        if (n == batch) {
            return;
        }
        batch = n;
        long m = (long) n * size * size;
        if (patchHost == null || patchHost.length < m * COLUMNS) {
            patchHost = new float[Math.toIntExact(m * COLUMNS)];
            imageHost = new float[Math.toIntExact(m)];
        }
        patchStore.reserve(m * COLUMNS);
        yStore.reserve(m * channels);
        outStore.reserve(m / 4 * channels);
        patches = patchStore.view(m, COLUMNS);
        y = yStore.view(4, m / 4, channels);
        out = outStore.view(n, size / 2, size / 2, channels);
    }

    /** {@code images}: [N, S, S, 1] floats (the pixels, whatever the network's type), dense from offset 0. */
    @Override
    public INDArray forward(INDArray images, boolean training) {
        if (images.dataType() != DataType.FLOAT || !HostArrays.isDense(images) || images.length() % (size * size) != 0) {
            throw new IllegalArgumentException("expected dense float images of " + size + "x" + size + ", got "
                    + images.shapeInfoToString());
        }
        prepare((int) (images.length() / (size * size)));
        long m = (long) batch * size * size;
        images.data().asNioFloat().get(imageHost, 0, Math.toIntExact(m));
        fillPatches(imageHost, training);
        double[] wHost = HostArrays.toDoubles(weight.value());
        BatchNorm.Folded map;
        if (training) {
            double[] mu = new double[channels];
            double[] var = new double[channels];
            for (int c = 0; c < channels; c++) {
                double s = 0;
                double q = 0;
                for (int k = 0; k < TAPS; k++) {
                    double wk = wHost[k * channels + c];
                    s += gram[TAPS * COLUMNS + k] * wk;
                    double row = 0;
                    for (int l = 0; l < TAPS; l++) {
                        row += gram[k * COLUMNS + l] * wHost[l * channels + c];
                    }
                    q += wk * row;
                }
                mu[c] = s / m;
                var[c] = Math.max(q / m - mu[c] * mu[c], 0);
            }
            map = norm.foldTraining(mu, var, m);
            w = wHost;
            mean = mu;
            scale = map.scale();
        } else {
            map = norm.foldInference();
        }
        double[] f = new double[COLUMNS * channels];
        for (int k = 0; k < TAPS; k++) {
            for (int c = 0; c < channels; c++) {
                f[k * channels + c] = wHost[k * channels + c] * map.scale()[c];
            }
        }
        System.arraycopy(map.shift(), 0, f, TAPS * channels, channels);
        HostArrays.copyIn(f, folded);

        NativeOps.gemm(patches, folded, y.reshape(m, channels), false, false, 1.0, 0.0);
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
        return out;
    }

    private INDArray parity(int d) {
        return y.get(org.nd4j.linalg.indexing.NDArrayIndex.point(d), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
    }

    private static void maximum(INDArray a, INDArray b, INDArray result) {
        Nd4j.exec(DynamicCustomOp.builder("maximum").addInputs(a, b).addOutputs(result).build());
    }

    /** Backward of a training forward; {@code dOut} ([N, S/2, S/2, C]) is destroyed. No input gradient: returns null. */
    @Override
    public INDArray backward(INDArray dOut) {
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
        // h[k, c] = sum over rows of P'[k] dY[c]: row TAPS (the ones column) is sum dY
        double[] h = HostArrays.toDoubles(gramGrad);
        double[] sumDy = new double[channels];
        double[] sumDyCentred = new double[channels];
        for (int c = 0; c < channels; c++) {
            double h9 = h[TAPS * channels + c];
            sumDy[c] = h9;
            double da = -mean[c] * h9;
            for (int k = 0; k < TAPS; k++) {
                da += h[k * channels + c] * w[k * channels + c];
            }
            sumDyCentred[c] = da;
        }
        BatchNorm.StatisticsGradient g = norm.backwardFolded(sumDy, sumDyCentred);
        // through z = P w: dmean/dw = s / m, dvar/dw = 2 G w / m (var = w'Gw / m - mean^2; the mean's part is in dMean)
        double[] dW = new double[TAPS * channels];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < TAPS; k++) {
                double gw = 0;
                for (int l = 0; l < TAPS; l++) {
                    gw += gram[k * COLUMNS + l] * w[l * channels + c];
                }
                dW[k * channels + c] = scale[c] * h[k * channels + c] + g.dVar()[c] * 2 * gw / m
                        + g.dMean()[c] * gram[TAPS * COLUMNS + k] / m;
            }
        }
        HostArrays.copyIn(dW, weight.gradient());
        return null;
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

    /** Builds P' in pooling-parity order and, in training, its Gram matrix in double. */
    private void fillPatches(float[] images, boolean training) {
        int n = batch;
        int s = size;
        int half = s / 2;
        long quarter = (long) n * half * half;
        float[] p = patchHost;
        int workers = workers(n, s);
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
        java.util.Arrays.fill(gram, 0);
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
        HostArrays.copyIn(p, Math.toIntExact(4 * quarter * COLUMNS), patches);
    }
}
