package org.hqcm.engine.internal.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The few ND4J custom ops the network needs, always with preset outputs so that no call allocates
 * activation-sized arrays. Convolutions are NHWC with weights [kH, kW, inC, outC], stride 1 and
 * "same" padding (odd kernels); pooling is 2x2 with stride 2.
 */
final class NativeOps {
    private static final int NHWC = 1;
    private static final int WEIGHTS_HWIO = 0;

    private NativeOps() {
    }

    private static int[] convArgs(INDArray weights) {
        int k = (int) weights.size(0);
        int pad = k / 2;
        return new int[] {k, k, 1, 1, pad, pad, 1, 1, 0, NHWC, WEIGHTS_HWIO};
    }

    /** out = conv(x, w) + b; {@code bias} may be null. */
    static void conv2d(INDArray x, INDArray w, INDArray bias, INDArray out) {
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder("conv2d");
        if (bias == null) {
            b.addInputs(x, w);
        } else {
            b.addInputs(x, w, bias);
        }
        Nd4j.exec(b.addOutputs(out).addIntegerArguments(convArgs(w)).build());
    }

    /** Gradients of a convolution: writes dx, dw and db ({@code bias} and {@code db} null for none). */
    static void conv2dBackward(INDArray x, INDArray w, INDArray bias, INDArray dOut,
            INDArray dx, INDArray dw, INDArray db) {
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder("conv2d_bp");
        if (bias == null) {
            b.addInputs(x, w, dOut).addOutputs(dx, dw);
        } else {
            b.addInputs(x, w, bias, dOut).addOutputs(dx, dw, db);
        }
        Nd4j.exec(b.addIntegerArguments(convArgs(w)).build());
    }

    private static final int[] POOL_ARGS = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, NHWC};

    static void maxPool(INDArray x, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(out)
                .addIntegerArguments(POOL_ARGS).build());
    }

    static void maxPoolBackward(INDArray x, INDArray dOut, INDArray dx) {
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(x, dOut).addOutputs(dx)
                .addIntegerArguments(POOL_ARGS).build());
    }

    /** dx = dOut where y > 0, else 0; y is the ReLU's output (or input: same sign). dx may be dOut. */
    static void reluBackward(INDArray y, INDArray dOut, INDArray dx) {
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(y, dOut).addOutputs(dx)
                .addFloatingPointArguments(0.0).build());
    }

    /** out[m, c] = x[m, c] * row[c] for a matrix x. */
    static void mulRow(INDArray x, INDArray row, INDArray out) {
        Nd4j.getExecutioner().exec(new BroadcastMulOp(x, row.reshape(row.length()), out, 1));
    }

    /** x[m, c] += row[c] in place. */
    static void addRowInPlace(INDArray x, INDArray row) {
        Nd4j.getExecutioner().exec(new BroadcastAddOp(x, row.reshape(row.length()), x, 1));
    }

    /**
     * out[m, c] = x[m, c] * scale[c] + shift[c] for a matrix x (out may be x). Two broadcast passes:
     * ND4J's fused batchnorm op measured ~20x slower than both together on [M, C] matrices.
     */
    static void channelAffine(INDArray x, INDArray scale, INDArray shift, INDArray out) {
        mulRow(x, scale, out);
        addRowInPlace(out, shift);
    }

    /** out[m, c] = (x[m, c] - row[c])^2 for a matrix x. */
    static void squaredDifference(INDArray x, INDArray row, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("squaredsubtract").addInputs(x, row.reshape(1, row.length()))
                .addOutputs(out).build());
    }

    /** out = a x b (+ beta * out), with optional transposes: plain GEMM into a preset output. */
    static void gemm(INDArray a, INDArray b, INDArray out, boolean transA, boolean transB, double alpha, double beta) {
        Nd4j.gemm(a, b, out, transA, transB, alpha, beta);
    }
}
