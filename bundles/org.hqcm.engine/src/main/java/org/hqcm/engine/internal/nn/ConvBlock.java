package org.hqcm.engine.internal.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A backbone block after the first: 3x3 convolution (stride 1, pad 1), BatchNorm, ReLU, 2x2 max-pool,
 * in NHWC (the first block is {@link PatchBlock}).
 *
 * <p>Computed as conv, BN, pool, ReLU: ReLU and max-pool commute exactly, and the activation then
 * touches a quarter of the data. Float networks on the CPU backend fuse BatchNorm, pooling and ReLU
 * ({@link FusedNormPool}); double networks (the gradient checks) and the CUDA backend use ND4J's ops, the reference
 * the fused ones are tested against. The convolutions have no bias: BatchNorm subtracts the batch mean and
 * with it any per-channel constant, so a bias would only ever receive a zero gradient.
 */
final class ConvBlock implements Layer {
    private final String name;
    private final int inChannels;
    private final int outChannels;
    private final int size;
    private final Parameter weight; // [3, 3, in, out]
    private final BatchNorm norm;
    private final Scratch scratch;
    /** BatchNorm, pooling and ReLU in Java loops (float networks on the CPU backend), else null: ND4J's ops. */
    private final FusedNormPool fused;
    /** Whether the last forward went through {@link #fused}. */
    private boolean fusedBatch;

    private int batch = -1;
    private INDArray z;      // [N, H, W, C] conv output, kept for the backward pass
    private INDArray out;    // [N, H/2, W/2, C] block output
    private INDArray dInput; // [N, H, W, in]
    private INDArray input;
    // storage only grows, so that a smaller last batch or an evaluation batch reuses it
    private final SharedBuffer zStore;
    private final SharedBuffer outStore;
    private final SharedBuffer dInputStore;
    private INDArray ones;

    /** The block on {@code size} x {@code size} inputs; {@code scratch} is shared with the network's other blocks. */
    ConvBlock(String name, DataType dataType, int inChannels, int outChannels, int size, Scratch scratch) {
        this.name = name;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.size = size;
        this.scratch = scratch;
        this.weight = new Parameter(name + ".conv.weight", Nd4j.create(dataType, 3, 3, inChannels, outChannels));
        this.norm = new BatchNorm(name + ".bn", dataType, outChannels);
        zStore = new SharedBuffer(dataType);
        outStore = new SharedBuffer(dataType);
        dInputStore = new SharedBuffer(dataType);
        // on the CUDA backend ND4J's ops run on the device, where the fused Java loops would pull z to the host
        fused = dataType == DataType.FLOAT && Nd4j.getBackend().getEnvironment().isCPU()
                ? new FusedNormPool(outChannels, size) : null;
    }

    /** 3x3 convolution, BatchNorm, ReLU and 2x2 max pooling; the block's output is the pooled map. */
    @Override
    public LayerCost cost(int batch) {
        double pixels = (double) batch * size * size;
        double flops = 2.0 * pixels * inChannels * outChannels * 9 + 6.0 * pixels * outChannels;
        return LayerCost.of(flops, true, elementBytes(), pixels * inChannels, 9.0 * inChannels * outChannels
                + 2.0 * outChannels, pixels / 4 * outChannels);
    }

    private int elementBytes() {
        return weight.value().dataType().width();
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

    /** Convolution weights uniform in +-1/sqrt(9 in) (the kernel's fan-in); BatchNorm starts at 1, 0. */
    @Override
    public void initialise(SplittableRandom random) {
        weight.initialiseUniform(random, 1.0 / Math.sqrt(9.0 * inChannels));
    }

    @Override
    public List<BatchNorm> norms() {
        return List.of(norm);
    }

    /** Elements of one [N, H, W, C] activation of this block (its conv output), for sizing the shared scratch. */
    long activationLength(int n) {
        return (long) n * size * size * outChannels;
    }

    private void prepare(int n) {
        if (n != batch) {
            batch = n;
            long rows = rows();
            zStore.reserve(rows * outChannels);
            outStore.reserve(rows / 4 * outChannels);
            dInputStore.reserve(rows * inChannels);
            z = zStore.view(n, size, size, outChannels);
            out = outStore.view(n, size / 2, size / 2, outChannels);
            dInput = dInputStore.view(n, size, size, inChannels);
        }
        scratch.reserve(activationLength(n));
        ones = scratch.ones(rows());
    }

    /**
     * Whether a batch of {@code n} goes through the fused loops: they read the activation through a Java buffer, which
     * addresses at most 2^31 bytes.
     */
    boolean fusedFor(int n) {
        return fused != null && activationLength(n) * Float.BYTES <= Integer.MAX_VALUE;
    }

    private long rows() {
        return (long) batch * size * size;
    }

    /** Forward pass of x [N, H, W, in], which must stay unchanged until {@link #backward}. */
    @Override
    public INDArray forward(INDArray x, boolean training) {
        prepare((int) x.size(0));
        input = x;
        NativeOps.conv2d(x, weight.value(), null, z);
        fusedBatch = fusedFor(batch);
        if (fusedBatch) {
            fused.forward(z, norm, training, out);
            return out;
        }
        INDArray z2 = z.reshape(rows(), outChannels);
        INDArray y = scratch.a.view(batch, size, size, outChannels);
        INDArray y2 = y.reshape(rows(), outChannels);
        if (training) {
            norm.forwardTraining(z2, y2, ones);
        } else {
            norm.forwardInference(z2, y2);
        }
        NativeOps.maxPool(y, out);
        Transforms.relu(out, false);
        return out;
    }

    /**
     * Backward pass of a training-mode forward. {@code dOut} (the gradient of the block's output) is
     * destroyed. Returns the input gradient [N, H, W, in].
     */
    @Override
    public INDArray backward(INDArray dOut) {
        if (fusedBatch) {
            INDArray dz = scratch.b.view(batch, size, size, outChannels);
            fused.backward(z, HostArrays.isCOrderFromStart(dOut) ? dOut : dOut.dup('c'), norm, dz);
            NativeOps.conv2dBackward(input, weight.value(), null, dz, dInput, weight.gradient(), null);
            return dInput;
        }
        NativeOps.reluBackward(out, dOut, dOut);
        INDArray y = scratch.a.view(batch, size, size, outChannels);
        INDArray dy = scratch.b.view(batch, size, size, outChannels);
        INDArray z2 = z.reshape(rows(), outChannels);
        norm.recomputeOutput(z2, y.reshape(rows(), outChannels));
        NativeOps.maxPoolBackward(y, dOut, dy);
        INDArray dz2 = dy.reshape(rows(), outChannels);
        norm.backward(z2, dz2, y.reshape(rows(), outChannels), ones);
        NativeOps.conv2dBackward(input, weight.value(), null, dy, dInput, weight.gradient(), null);
        return dInput;
    }
}
