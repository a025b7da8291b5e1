package org.hqcm.engine.internal.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The product inside {@link PatchBlock}: the patch matrix P' (the 9 pixels of each 3x3 neighbourhood and a one) times
 * the block's folded weights, max-pooled 2x2 and passed through ReLU, and the two sums the block's gradients need.
 * PatchBlock owns the parameters and the BatchNorm algebra; an implementation owns the pixels' layout and the
 * arithmetic. {@link FusedPatchProduct} (float networks on the CPU backend) computes the convolution image by image
 * and keeps nothing of the convolution output's size; {@link PatchMatrix} (double networks, the gradient checks, and
 * the CUDA backend) builds P' and the convolution output whole, and is the reference the fused product is tested
 * against.
 */
interface PatchProduct {

    /**
     * Takes the batch's pixels ({@code n} images of the block's size, c order; read until the next call) and, in
     * training, returns the 10x10 Gram matrix P'^T P' in double (row-major), from which the block computes its
     * BatchNorm statistics; returns null in inference.
     */
    double[] prepare(float[] images, int n, boolean training);

    /**
     * Writes relu(maxpool(P' f)) into {@code out} ([N, S/2, S/2, C], dense), where {@code folded} is the [10, C]
     * matrix f (row-major: the 9 taps' weights, then the shift), for the images of the last {@link #prepare}.
     */
    void forward(double[] folded, boolean training, INDArray out);

    /**
     * After a training forward: h = P'^T dY ([10, C] row-major, double), where dY is {@code dOut} routed back through
     * ReLU and pooling to a maximal position of each window. Ties come from identical patches (flat regions such as a
     * black background), and both implementations give such a tie's gradient to one of them, which is exactly the
     * gradient of max-pooling with any tie rule. The forward's output must be unchanged; {@code dOut} may be
     * overwritten.
     */
    double[] weightProducts(INDArray dOut);
}
