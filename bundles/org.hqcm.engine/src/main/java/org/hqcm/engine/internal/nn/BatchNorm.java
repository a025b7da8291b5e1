package org.hqcm.engine.internal.nn;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation over the rows of an [M, C] matrix (an NHWC activation seen as N*H*W rows of C
 * channels), with PyTorch's semantics: biased batch variance to normalise, unbiased variance into
 * the running estimate, running = (1 - momentum) * running + momentum * batch.
 *
 * <p>Two ways in, one set of parameters and running statistics: on a matrix ({@link #forwardTraining},
 * {@link #backward}: ConvBlock), and on per-channel statistics that a layer computed its own way, as the affine
 * map y = scale * z + shift that the layer folds into its own product ({@link #foldTraining},
 * {@link #foldInference}, {@link #backwardFolded}: PatchBlock, whose statistics come from its Gram matrix). The
 * matrix path computes in the network's type with ND4J's ops, the folded path in double on the host; the tests hold
 * the two to each other (PatchBlock against a ConvBlock with one input channel). Making one path call the other
 * would change the float rounding of every step and with it every trained model.
 *
 * <p>Per-channel sums are GEMV against a ones vector: ND4J's own column reductions are ~50x slower
 * on this layout (BatchNorm statistics of the paper's backbone at 64 px: 4.7 ms instead of 230 ms).
 */
final class BatchNorm {
    /** PyTorch's BatchNorm2d defaults, which the paper's implementation used; not user settings. */
    static final double MOMENTUM = 0.1;
    static final double EPSILON = 1e-5;

    private final Parameter gamma;
    private final Parameter beta;
    private final INDArray runningMean;
    private final INDArray runningVar;
    // per-step statistics [1, C]
    private final INDArray mean;
    private final INDArray var;
    private final INDArray invStd;
    /** Batches folded in since {@link #beginRecalibration()}; -1 outside a recalibration. */
    private int recalibrationBatches = -1;
    // the per-channel state of the last foldTraining, for backwardFolded
    private double[] foldedMean;
    private double[] foldedInvStd;
    private double[] foldedGamma;

    BatchNorm(String name, DataType dataType, int channels) {
        gamma = new Parameter(name + ".gamma", Nd4j.ones(dataType, 1, channels));
        beta = new Parameter(name + ".beta", Nd4j.zeros(dataType, 1, channels));
        runningMean = Nd4j.zeros(dataType, 1, channels);
        runningVar = Nd4j.ones(dataType, 1, channels);
        mean = Nd4j.create(dataType, 1, channels);
        var = Nd4j.create(dataType, 1, channels);
        invStd = Nd4j.create(dataType, 1, channels);
    }

    List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    /**
     * From now on training-mode batches replace the running statistics by their plain average (PyTorch's
     * momentum=None) instead of the momentum update, until {@link #endRecalibration()}.
     */
    void beginRecalibration() {
        recalibrationBatches = 0;
    }

    void endRecalibration() {
        recalibrationBatches = -1;
    }

    /** Weight of the current batch in the running statistics, counting it as folded in. */
    private double nextBatchWeight() {
        if (recalibrationBatches < 0) {
            return MOMENTUM;
        }
        recalibrationBatches++;
        return 1.0 / recalibrationBatches;
    }

    /** The affine map y = scale * z + shift of BatchNorm per channel, in double. */
    record Folded(double[] scale, double[] shift) {
    }

    /**
     * Training mode on statistics the caller computed: the map of a batch with per-channel {@code mean} and biased
     * {@code var} over {@code m} values. Folds the batch into the running statistics and keeps what
     * {@link #backwardFolded} needs.
     */
    Folded foldTraining(double[] mean, double[] var, long m) {
        int channels = mean.length;
        double[] g = HostArrays.toDoubles(gamma.value());
        double[] b = HostArrays.toDoubles(beta.value());
        double[] r = new double[channels];
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            r[c] = 1 / Math.sqrt(var[c] + EPSILON);
            scale[c] = g[c] * r[c];
            shift[c] = b[c] - mean[c] * scale[c];
        }
        updateRunning(mean, var, m);
        foldedMean = mean;
        foldedInvStd = r;
        foldedGamma = g;
        return new Folded(scale, shift);
    }

    /** Inference mode: the map of the running statistics. */
    Folded foldInference() {
        double[] g = HostArrays.toDoubles(gamma.value());
        double[] b = HostArrays.toDoubles(beta.value());
        double[] rm = HostArrays.toDoubles(runningMean);
        double[] rv = HostArrays.toDoubles(runningVar);
        double[] scale = new double[g.length];
        double[] shift = new double[g.length];
        for (int c = 0; c < g.length; c++) {
            scale[c] = g[c] / Math.sqrt(rv[c] + EPSILON);
            shift[c] = b[c] - rm[c] * scale[c];
        }
        return new Folded(scale, shift);
    }

    /** dL/dmean and dL/dvar per channel, for the caller to chain into whatever produced z. */
    record StatisticsGradient(double[] dMean, double[] dVar) {
    }

    /**
     * Backward of the last {@link #foldTraining}: from sum(dL/dy) and sum(dL/dy * (z - mean)) per channel, writes the
     * gamma and beta gradients and returns the gradients of the batch mean and variance. With a = gamma * invStd:
     * dBeta = sum dy, dGamma = invStd sum dy (z - mean), dVar = -gamma invStd^3 / 2 sum dy (z - mean) and
     * dMean = -a sum dy - 2 mean dVar (the last term because the caller's variance is E[z^2] - mean^2).
     */
    StatisticsGradient backwardFolded(double[] sumDy, double[] sumDyCentred) {
        int channels = sumDy.length;
        double[] dGamma = new double[channels];
        double[] dMean = new double[channels];
        double[] dVar = new double[channels];
        for (int c = 0; c < channels; c++) {
            double r = foldedInvStd[c];
            double a = foldedGamma[c] * r;
            double da = sumDyCentred[c];
            dGamma[c] = da * r;
            dVar[c] = da * foldedGamma[c] * -0.5 * r * r * r;
            dMean[c] = -a * sumDy[c] + -2 * foldedMean[c] * dVar[c];
        }
        HostArrays.copyIn(dGamma, gamma.gradient());
        HostArrays.copyIn(sumDy, beta.gradient());
        return new StatisticsGradient(dMean, dVar);
    }

    /** Folds one batch's statistics (biased variance over {@code m} values) into the running estimates. */
    private void updateRunning(double[] batchMean, double[] batchVar, long m) {
        double unbias = m > 1 ? (double) m / (m - 1) : 1.0;
        double w = nextBatchWeight();
        double[] rm = HostArrays.toDoubles(runningMean);
        double[] rv = HostArrays.toDoubles(runningVar);
        for (int c = 0; c < rm.length; c++) {
            rm[c] = (1 - w) * rm[c] + w * batchMean[c];
            rv[c] = (1 - w) * rv[c] + w * batchVar[c] * unbias;
        }
        HostArrays.copyIn(rm, runningMean);
        HostArrays.copyIn(rv, runningVar);
    }

    INDArray runningMean() {
        return runningMean;
    }

    INDArray runningVar() {
        return runningVar;
    }

    /**
     * Training mode: writes gamma * (z - mean) / sqrt(var + eps) + beta into {@code y} with the batch's
     * statistics ({@code z} is kept for the backward pass), and updates the running statistics.
     * {@code ones} is a [1, M] ones row.
     */
    void forwardTraining(INDArray z, INDArray y, INDArray ones) {
        long m = z.size(0);
        NativeOps.gemm(ones, z, mean, false, false, 1.0 / m, 0.0);
        NativeOps.squaredDifference(z, mean, y);
        NativeOps.gemm(ones, y, var, false, false, 1.0 / m, 0.0);
        invStd.assign(Transforms.pow(var.add(EPSILON), -0.5, false));
        recomputeOutput(z, y);
        double w = nextBatchWeight();
        runningMean.muli(1 - w).addi(mean.mul(w));
        double unbias = m > 1 ? (double) m / (m - 1) : 1.0;
        runningVar.muli(1 - w).addi(var.mul(w * unbias));
    }

    /** Inference mode with the running statistics ({@code z} untouched). */
    void forwardInference(INDArray z, INDArray y) {
        INDArray scale = Transforms.pow(runningVar.add(EPSILON), -0.5, false).muli(gamma.value());
        NativeOps.channelAffine(z, scale, beta.value().sub(runningMean.mul(scale)), y);
    }

    /** Recomputes the training output of the last batch into {@code y} (cheaper than keeping it). */
    void recomputeOutput(INDArray z, INDArray y) {
        INDArray scale = invStd.mul(gamma.value());
        NativeOps.channelAffine(z, scale, beta.value().sub(mean.mul(scale)), y);
    }

    /**
     * Backward of the training-mode forward: {@code dy} holds dL/dy on entry and dL/dz on exit; writes
     * the gamma and beta gradients. {@code scratch} is an [M, C] buffer whose contents are destroyed.
     * With x-hat = (z - mean) * invStd and k = gamma * invStd:
     * dz = k dy - k dGamma invStd / M * z + k (dGamma invStd mean - dBeta) / M.
     */
    void backward(INDArray z, INDArray dy, INDArray scratch, INDArray ones) {
        long m = dy.size(0);
        INDArray dBeta = beta.gradient();
        INDArray dGamma = gamma.gradient();
        NativeOps.gemm(ones, dy, dBeta, false, false, 1.0, 0.0);
        dy.mul(z, scratch);
        NativeOps.gemm(ones, scratch, dGamma, false, false, 1.0, 0.0);
        dGamma.subi(mean.mul(dBeta)).muli(invStd);
        INDArray k = gamma.value().mul(invStd);
        INDArray zScale = k.mul(dGamma).muli(invStd).divi(-m);
        INDArray shift = k.mul(dGamma.mul(invStd).muli(mean).subi(dBeta)).divi(m);
        NativeOps.channelAffine(z, zScale, shift, scratch);
        NativeOps.mulRow(dy, k, dy);
        dy.addi(scratch);
    }
}
