package org.hqcm.engine.internal.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The paper's attention (CBAM-like), on F in NHWC [N, h, w, C]:
 * channel attention T_c = sigmoid(C2(ReLU(C1(GAP(F))))), F_c = F * T_c; spatial attention
 * T_s = sigmoid(C_fuse(mean_k C_k(F_c))) with [N, h, w, 1]; output F * (1 + T_s). T_s is also the layer's
 * {@link #spatialMap() port}: the mask loss reads it and sends its gradient back through it.
 *
 * <p>The paper does not give the channel count of the multi-scale convolutions C_k; they map C to C
 * channels here (as the 1x1 convolutions of CBAM's channel branch keep the width) and only the fuse
 * convolution reduces to one channel. Since the mean of convolutions of one input is the convolution
 * with the mean of the (centre-padded) kernels, the k kernels run as one convolution of the largest
 * size; their gradients are the matching crops of that kernel's gradient. This is exact.
 *
 * <p>Every intermediate lives in a buffer of the layer that only grows, so a step allocates no native memory (ND4J's
 * ops write into preset outputs).
 */
final class DualAttention implements Layer {
    private final String name;
    private final int channels;
    private final int h;
    private final int w;
    private final Dense reduce;
    private final Dense expand;
    private final int[] kernels;
    private final List<Parameter> scaleWeights = new ArrayList<>();
    private final List<Parameter> scaleBiases = new ArrayList<>();
    private final Parameter fuseWeight;
    private final Parameter fuseBias;
    private final int mergedKernel;
    private final Port spatialMap;

    // the merged multi-scale kernel, rebuilt from the parameters by every forward pass
    private final INDArray merged;
    private final INDArray mergedBias;
    private final INDArray dMerged;
    private final INDArray dMergedBias;
    // per-batch buffers: [N, hw, C] (three), [N, hw, 1] (four), [N, C] (three)
    private final SharedBuffer[] planes;
    private final SharedBuffer[] maps;
    private final SharedBuffer[] rows;

    // forward state
    private int batch = -1;
    private INDArray f3;
    private INDArray gap;
    private INDArray hidden;
    private INDArray tc;
    private INDArray fc;
    private INDArray s;
    private INDArray ts;
    private INDArray onePlusTs;
    private INDArray output;
    // backward buffers of the current batch size
    private INDArray product;
    private INDArray dS;
    private INDArray dFc;
    private INDArray df;
    private INDArray dTs;
    private INDArray oneMinusTs;
    private INDArray dTc;
    private INDArray tcSlope;

    /** Attention on [N, size, size, channels] features. */
    DualAttention(String name, DataType dataType, int channels, int size, int reduction, int[] kernels, int fuseKernel) {
        this.name = name;
        this.channels = channels;
        this.h = size;
        this.w = size;
        int hiddenWidth = Math.max(1, channels / reduction);
        reduce = new Dense(name + ".channel.reduce", dataType, channels, hiddenWidth);
        expand = new Dense(name + ".channel.expand", dataType, hiddenWidth, channels);
        this.kernels = kernels.clone();
        int max = 1;
        for (int k : kernels) {
            scaleWeights.add(new Parameter(name + ".spatial.conv" + k + ".weight", Nd4j.create(dataType, k, k, channels, channels)));
            scaleBiases.add(new Parameter(name + ".spatial.conv" + k + ".bias", Nd4j.create(dataType, channels)));
            max = Math.max(max, k);
        }
        mergedKernel = max;
        fuseWeight = new Parameter(name + ".spatial.fuse.weight", Nd4j.create(dataType, fuseKernel, fuseKernel, channels, 1));
        fuseBias = new Parameter(name + ".spatial.fuse.bias", Nd4j.create(dataType, 1));
        spatialMap = new Port(name + ".spatialMap");
        merged = Nd4j.create(dataType, mergedKernel, mergedKernel, channels, channels);
        mergedBias = Nd4j.create(dataType, channels);
        dMerged = Nd4j.create(dataType, mergedKernel, mergedKernel, channels, channels);
        dMergedBias = Nd4j.create(dataType, channels);
        planes = buffers(dataType, 7);
        maps = buffers(dataType, 4);
        rows = buffers(dataType, 3);
    }

    private static SharedBuffer[] buffers(DataType dataType, int count) {
        SharedBuffer[] b = new SharedBuffer[count];
        for (int i = 0; i < count; i++) {
            b[i] = new SharedBuffer(dataType);
        }
        return b;
    }

    /**
     * Channel attention (global pooling and the two dense maps), the spatial convolution at the merged kernel size
     * (the scales summed into one kernel), the fusing convolution to T_s and F*(1+T_s); output: the features and T_s.
     */
    @Override
    public LayerCost cost(int batch) {
        double cells = (double) batch * h * w;
        int k = mergedKernel;
        long fuse = fuseWeight.value().size(0);
        double flops = reduce.cost(batch).forwardFlops() + expand.cost(batch).forwardFlops() + cells * channels
                + 2.0 * cells * channels * channels * k * k + 2.0 * cells * channels * fuse * fuse + 4.0 * cells * channels;
        double parameters = 0;
        for (Parameter p : parameters()) {
            parameters += p.value().length();
        }
        return LayerCost.of(flops, true, fuseWeight.value().dataType().width(), cells * channels, parameters,
                cells * channels + cells);
    }

    @Override
    public String name() {
        return name;
    }

    /** True: no batch statistics: the forward keeps every intermediate in both modes. */
    @Override
    public boolean backwardAfterInference() {
        return true;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> p = new ArrayList<>();
        p.addAll(reduce.parameters());
        p.addAll(expand.parameters());
        for (int i = 0; i < kernels.length; i++) {
            p.add(scaleWeights.get(i));
            p.add(scaleBiases.get(i));
        }
        p.add(fuseWeight);
        p.add(fuseBias);
        return p;
    }

    /** The 1x1 convolutions as dense layers; each convolution's weights and bias uniform in +-1/sqrt(k k C). */
    @Override
    public void initialise(SplittableRandom random) {
        reduce.initialise(random);
        expand.initialise(random);
        for (int i = 0; i < kernels.length; i++) {
            double bound = 1.0 / Math.sqrt((double) kernels[i] * kernels[i] * channels);
            scaleWeights.get(i).initialiseUniform(random, bound);
            scaleBiases.get(i).initialiseUniform(random, bound);
        }
        double bound = 1.0 / Math.sqrt((double) fuseWeight.value().size(0) * fuseWeight.value().size(1) * channels);
        fuseWeight.initialiseUniform(random, bound);
        fuseBias.initialiseUniform(random, bound);
    }

    /** The spatial attention map T_s of the last forward pass, [N, h, w, 1], and the gradient the loss sends into it. */
    Port spatialMap() {
        return spatialMap;
    }

    private INDArrayIndex[] centre(int k) {
        int off = (mergedKernel - k) / 2;
        return new INDArrayIndex[] {NDArrayIndex.interval(off, off + k), NDArrayIndex.interval(off, off + k),
            NDArrayIndex.all(), NDArrayIndex.all()};
    }

    private void prepare(int n) {
        if (n == batch) {
            return;
        }
        batch = n;
        long hw = (long) h * w;
        for (SharedBuffer b : planes) {
            b.reserve(n * hw * channels);
        }
        for (SharedBuffer b : maps) {
            b.reserve(n * hw);
        }
        for (SharedBuffer b : rows) {
            b.reserve((long) n * channels);
        }
        fc = planes[0].view(n, h, w, channels);
        s = planes[1].view(n, h, w, channels);
        output = planes[2].view(n, hw, channels);
        product = planes[3].view(n, hw, channels);
        dS = planes[4].view(n, h, w, channels);
        dFc = planes[5].view(n, h, w, channels);
        df = planes[6].view(n, hw, channels);
        ts = maps[0].view(n, h, w, 1);
        onePlusTs = maps[1].view(n, hw, 1);
        dTs = maps[2].view(n, hw, 1);
        oneMinusTs = maps[3].view(n, hw, 1);
        gap = rows[0].view(n, channels);
        dTc = rows[1].view(n, channels);
        tcSlope = rows[2].view(n, channels);
    }

    /** F [N, h, w, C] (kept unchanged until backward) to F * (1 + T_s). */
    @Override
    public INDArray forward(INDArray f, boolean training) {
        prepare((int) f.size(0));
        long hw = (long) h * w;
        f3 = f.reshape(batch, hw, channels);
        Nd4j.getExecutioner().exec(new Mean(f3, gap, 1));
        hidden = Transforms.relu(reduce.forward(gap, training), false);
        tc = Transforms.sigmoid(expand.forward(hidden, training), false).reshape(batch, 1, channels);
        f3.mul(tc, fc.reshape(batch, hw, channels));

        merged.assign(0);
        mergedBias.assign(0);
        for (int i = 0; i < kernels.length; i++) {
            merged.get(centre(kernels[i])).addi(scaleWeights.get(i).value());
            mergedBias.addi(scaleBiases.get(i).value());
        }
        merged.divi(kernels.length);
        mergedBias.divi(kernels.length);
        NativeOps.conv2d(fc, merged, mergedBias, s);
        NativeOps.conv2d(s, fuseWeight.value(), fuseBias.value(), ts);
        Transforms.sigmoid(ts, false);
        spatialMap.set(ts);
        ts.reshape(batch, hw, 1).add(1.0, onePlusTs);
        f3.mul(onePlusTs, output);
        return output.reshape(batch, h, w, channels);
    }

    /**
     * Backward: {@code dOut} is dL/d(F * (1 + T_s)); the {@link #spatialMap() port}'s gradient, when set, is an extra
     * dL/dT_s ([N, h, w, 1] or [N, h*w], e.g. from the mask loss). Writes the parameter gradients and returns dL/dF.
     */
    @Override
    public INDArray backward(INDArray dOut) {
        long hw = (long) h * w;
        INDArray d3 = dOut.reshape(batch, hw, channels);
        INDArray ts3 = ts.reshape(batch, hw, 1);
        d3.mul(onePlusTs, df);
        d3.mul(f3, product);
        Nd4j.getExecutioner().exec(new Sum(product, dTs, true, 2));
        if (spatialMap.gradient() != null) {
            dTs.addi(spatialMap.gradient().reshape(batch, hw, 1));
        }
        ts3.rsub(1.0, oneMinusTs).muli(ts3);
        INDArray dT = dTs.muli(oneMinusTs).reshape(batch, h, w, 1);

        NativeOps.conv2dBackward(s, fuseWeight.value(), fuseBias.value(), dT, dS, fuseWeight.gradient(), fuseBias.gradient());
        NativeOps.conv2dBackward(fc, merged, mergedBias, dS, dFc, dMerged, dMergedBias);
        for (int i = 0; i < kernels.length; i++) {
            scaleWeights.get(i).gradient().assign(dMerged.get(centre(kernels[i]))).divi(kernels.length);
            scaleBiases.get(i).gradient().assign(dMergedBias).divi(kernels.length);
        }

        INDArray dFc3 = dFc.reshape(batch, hw, channels);
        dFc3.mul(tc, product);
        df.addi(product);
        dFc3.mul(f3, product);
        Nd4j.getExecutioner().exec(new Sum(product, dTc, false, 1)); // [N, C]
        INDArray tc2 = tc.reshape(batch, channels);
        tc2.rsub(1.0, tcSlope).muli(tc2);
        INDArray dPre = dTc.muli(tcSlope);
        INDArray dHidden = expand.backward(dPre);
        NativeOps.reluBackward(hidden, dHidden, dHidden);
        INDArray dGap = reduce.backward(dHidden);
        df.addi(dGap.reshape(batch, 1, channels).divi(hw));
        return df.reshape(batch, h, w, channels);
    }
}
