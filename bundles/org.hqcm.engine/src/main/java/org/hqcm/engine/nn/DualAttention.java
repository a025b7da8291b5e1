package org.hqcm.engine.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The paper's attention (CBAM-like), on F in NHWC [N, h, w, C]:
 * channel attention T_c = sigmoid(C2(ReLU(C1(GAP(F))))), F_c = F * T_c; spatial attention
 * T_s = sigmoid(C_fuse(mean_k C_k(F_c))) with [N, h, w, 1]; output F * (1 + T_s).
 *
 * <p>The paper does not give the channel count of the multi-scale convolutions C_k; they map C to C
 * channels here (as the 1x1 convolutions of CBAM's channel branch keep the width) and only the fuse
 * convolution reduces to one channel. Since the mean of convolutions of one input is the convolution
 * with the mean of the (centre-padded) kernels, the k kernels run as one convolution of the largest
 * size; their gradients are the matching crops of that kernel's gradient. This is exact.
 */
final class DualAttention {
    private final int channels;
    private final Dense reduce;
    private final Dense expand;
    private final int[] kernels;
    private final List<Parameter> scaleWeights = new ArrayList<>();
    private final List<Parameter> scaleBiases = new ArrayList<>();
    private final Parameter fuseWeight;
    private final Parameter fuseBias;
    private final int mergedKernel;

    // forward state
    private INDArray f3;
    private INDArray hidden;
    private INDArray tc;
    private INDArray fc;
    private INDArray merged;
    private INDArray s;
    private INDArray ts;
    private int batch;
    private int h;
    private int w;

    DualAttention(String name, DataType dataType, int channels, int reduction, int[] kernels, int fuseKernel) {
        this.channels = channels;
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
    }

    List<Parameter> parameters() {
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

    private INDArrayIndex[] centre(int k) {
        int off = (mergedKernel - k) / 2;
        return new INDArrayIndex[] {NDArrayIndex.interval(off, off + k), NDArrayIndex.interval(off, off + k),
            NDArrayIndex.all(), NDArrayIndex.all()};
    }

    /** The spatial attention map T_s of the last forward pass, [N, h, w, 1]. */
    INDArray spatialMap() {
        return ts;
    }

    /** F [N, h, w, C] (kept unchanged until backward) to F * (1 + T_s). */
    INDArray forward(INDArray f) {
        batch = (int) f.size(0);
        h = (int) f.size(1);
        w = (int) f.size(2);
        DataType dt = f.dataType();
        f3 = f.reshape(batch, (long) h * w, channels);
        INDArray gap = f3.mean(1);
        hidden = Transforms.relu(reduce.forward(gap), false);
        tc = Transforms.sigmoid(expand.forward(hidden), false).reshape(batch, 1, channels);
        fc = f3.mul(tc).reshape(batch, h, w, channels);

        merged = Nd4j.zeros(dt, mergedKernel, mergedKernel, channels, channels);
        INDArray mergedBias = Nd4j.zeros(dt, channels);
        for (int i = 0; i < kernels.length; i++) {
            merged.get(centre(kernels[i])).addi(scaleWeights.get(i).value());
            mergedBias.addi(scaleBiases.get(i).value());
        }
        merged.divi(kernels.length);
        mergedBias.divi(kernels.length);
        s = Nd4j.create(dt, batch, h, w, channels);
        NativeOps.conv2d(fc, merged, mergedBias, s);
        ts = Nd4j.create(dt, batch, h, w, 1);
        NativeOps.conv2d(s, fuseWeight.value(), fuseBias.value(), ts);
        Transforms.sigmoid(ts, false);
        return f3.mul(ts.reshape(batch, (long) h * w, 1).add(1.0)).reshape(batch, h, w, channels);
    }

    /**
     * Backward: {@code dOut} is dL/d(F * (1 + T_s)), {@code dSpatialMap} an extra dL/dT_s ([N, h, w, 1],
     * e.g. from the mask loss) or null. Writes the parameter gradients and returns dL/dF.
     */
    INDArray backward(INDArray dOut, INDArray dSpatialMap) {
        DataType dt = dOut.dataType();
        long hw = (long) h * w;
        INDArray d3 = dOut.reshape(batch, hw, channels);
        INDArray ts3 = ts.reshape(batch, hw, 1);
        INDArray df = d3.mul(ts3.add(1.0));
        INDArray dTs = d3.mul(f3).sum(true, 2);
        if (dSpatialMap != null) {
            dTs.addi(dSpatialMap.reshape(batch, hw, 1));
        }
        INDArray dT = dTs.muli(ts3.rsub(1.0).muli(ts3)).reshape(batch, h, w, 1);

        INDArray dS = Nd4j.create(dt, batch, h, w, channels);
        NativeOps.conv2dBackward(s, fuseWeight.value(), fuseBias.value(), dT, dS, fuseWeight.gradient(), fuseBias.gradient());
        INDArray dFc = Nd4j.create(dt, batch, h, w, channels);
        INDArray dMerged = Nd4j.create(dt, mergedKernel, mergedKernel, channels, channels);
        INDArray dMergedBias = Nd4j.create(dt, channels);
        INDArray mergedBias = Nd4j.zeros(dt, channels);
        for (Parameter b : scaleBiases) {
            mergedBias.addi(b.value());
        }
        mergedBias.divi(kernels.length);
        NativeOps.conv2dBackward(fc, merged, mergedBias, dS, dFc, dMerged, dMergedBias);
        for (int i = 0; i < kernels.length; i++) {
            scaleWeights.get(i).gradient().assign(dMerged.get(centre(kernels[i])).div(kernels.length));
            scaleBiases.get(i).gradient().assign(dMergedBias.div(kernels.length));
        }

        INDArray dFc3 = dFc.reshape(batch, hw, channels);
        df.addi(dFc3.mul(tc));
        INDArray dTc = dFc3.mul(f3).sum(1); // [N, C]
        INDArray tc2 = tc.reshape(batch, channels);
        INDArray dPre = dTc.muli(tc2.rsub(1.0).muli(tc2));
        INDArray dHidden = expand.backward(dPre);
        NativeOps.reluBackward(hidden, dHidden, dHidden);
        INDArray dGap = reduce.backward(dHidden);
        df.addi(dGap.reshape(batch, 1, channels).divi(hw));
        return df.reshape(batch, h, w, channels);
    }
}
