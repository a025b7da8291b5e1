package org.hqcm.engine.internal.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first backbone block (one input channel): 3x3 conv, BatchNorm, 2x2 max-pool, ReLU, computed as the product of
 * the patch matrix P' (M = N*S*S rows of 9 pixels and a one) with folded weights ({@link PatchProduct}).
 *
 * <p>BatchNorm statistics of the conv output z = P w follow from the 10x10 Gram matrix G = P'^T P' alone: mean =
 * s.w / M and E[z^2] = w^T G w / M, so they cost no pass over the activations; G is summed over images in double
 * (within one image of the fused product by a float GEMM over its rows; in double throughout in the matrix product),
 * which keeps the cancellation of E[z^2] - mean^2 away from float's. BatchNorm's affine
 * map ({@link BatchNorm#foldTraining}) is then folded into the product's weights. The weight, gamma and beta
 * gradients follow from h = P'^T dY through the folded map ({@link BatchNorm#backwardFolded}), again without a pass
 * over the activations, and no input gradient is computed.
 *
 * <p>Float networks on the CPU backend use {@link FusedPatchProduct}; double networks (the gradient checks) and the
 * CUDA backend {@link PatchMatrix}, the reference the fused product is tested against.
 */
final class PatchBlock implements Layer {
    private static final int TAPS = 9;
    private static final int COLUMNS = TAPS + 1;
    /** Batches of fewer pixels build their patches on the caller's thread: threads only pay off on real batches. */
    static final int PARALLEL_PIXELS = 1 << 16;

    private final String name;
    private final int channels;
    private final int size;
    private final Parameter weight; // [3, 3, 1, C] = [9, C]
    private final BatchNorm norm;

    private final PatchProduct product;

    private int batch = -1;
    private float[] imageHost;
    // storage only grows, so that a smaller last batch or an evaluation batch reuses it
    private final SharedBuffer outStore;
    private INDArray out;     // [N, S/2, S/2, C]
    // the Gram matrix, weights, batch mean and BatchNorm scale of the last training forward, for the backward pass
    private double[] gram;
    private double[] w;
    private double[] mean;
    private double[] scale;

    /** The block for {@code size} x {@code size} single-channel images and {@code channels} filters. */
    PatchBlock(String name, DataType dataType, int channels, int size) {
        this.name = name;
        this.channels = channels;
        this.size = size;
        weight = new Parameter(name + ".conv.weight", Nd4j.create(dataType, 3, 3, 1, channels));
        norm = new BatchNorm(name + ".bn", dataType, channels);
        outStore = new SharedBuffer(dataType);
        // on the CUDA backend the matrix product's GEMM and element-wise ops run on the device, where the fused
        // product's Java loops would pull every activation to the host and back
        product = dataType == DataType.FLOAT && Nd4j.getBackend().getEnvironment().isCPU()
                ? new FusedPatchProduct(channels, size) : new PatchMatrix(dataType, channels, size);
    }

    /** As a 3x3 convolution of one channel, BatchNorm, ReLU and pooling; no input gradient (the first layer). */
    @Override
    public LayerCost cost(int batch) {
        double pixels = (double) batch * size * size;
        double flops = 2.0 * pixels * channels * TAPS + 6.0 * pixels * channels;
        return LayerCost.of(flops, false, weight.value().dataType().width(), pixels, TAPS * channels + 2.0 * channels,
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
        if (imageHost == null || imageHost.length < m) {
            imageHost = new float[Math.toIntExact(m)];
        }
        outStore.reserve(m / 4 * channels);
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
        double[] g = product.prepare(imageHost, batch, training);
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
                    s += g[TAPS * COLUMNS + k] * wk;
                    double row = 0;
                    for (int l = 0; l < TAPS; l++) {
                        row += g[k * COLUMNS + l] * wHost[l * channels + c];
                    }
                    q += wk * row;
                }
                mu[c] = s / m;
                var[c] = Math.max(q / m - mu[c] * mu[c], 0);
            }
            map = norm.foldTraining(mu, var, m);
            gram = g;
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
        product.forward(f, training, out);
        return out;
    }

    /** Backward of a training forward; {@code dOut} ([N, S/2, S/2, C]) is destroyed. No input gradient: returns null. */
    @Override
    public INDArray backward(INDArray dOut) {
        long m = (long) batch * size * size;
        // h[k, c] = sum over rows of P'[k] dY[c]: row TAPS (the ones column) is sum dY
        double[] h = product.weightProducts(dOut);
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
}
