package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float {@link ConvBlock} (BatchNorm, pooling and ReLU in {@link FusedNormPool}) against a double one (ND4J's ops,
 * held to finite differences in {@link LayerGradientTest}): the same outputs, statistics and gradients up to float
 * rounding. Gamma has both signs, so that both the windows' maxima and minima are used, and every other image has a
 * frame of zeros, so that z ties inside the pooling windows there.
 */
class FusedNormPoolTest {

    @BeforeAll
    static void onTheCpuBackend() {
        assumeTrue(Nd4j.getBackend().getEnvironment().isCPU(), "the fused loops serve the CPU backend");
    }

    @Test
    void smallBatchOnOneThread() {
        assertEquals(1, PatchBlock.workers(2, 8));
        compare(3, 5, 8, 2, 31, true);
    }

    @Test
    void batchOnThreads() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs more than one core");
        assertTrue(PatchBlock.workers(4, 128) > 1);
        compare(6, 8, 128, 4, 32, false);
    }

    /** On threads, the same batch gives the same gradients bit for bit (the images' sums are added in image order). */
    @Test
    void threadsGiveTheSameBitsEveryTime() {
        INDArray x = input(4, 128, 5, 33);
        INDArray first = null;
        for (int run = 0; run < 3; run++) {
            ConvBlock block = block(DataType.FLOAT, 5, 6, 128, 34);
            INDArray out = block.forward(x, true);
            INDArray dx = block.backward(LayerGradientCheck.random(out.shape(), DataType.FLOAT, 35)).dup();
            INDArray g = Nd4j.concat(0, block.parameters().get(0).gradient().reshape(-1),
                    block.parameters().get(1).gradient().reshape(-1), dx.reshape(-1));
            if (first == null) {
                first = g;
                assertTrue(dx.amaxNumber().doubleValue() > 0, "an input gradient");
            } else {
                // exact: INDArray.equals compares within 1e-5
                assertArrayEquals(first.data().asFloat(), g.data().asFloat(), "run " + run);
            }
        }
    }

    /** An evaluation batch of another size between two training steps on the same batch. */
    @Test
    void batchSizesChange() {
        ConvBlock block = block(DataType.FLOAT, 2, 3, 8, 36);
        INDArray x = input(3, 8, 2, 37);
        INDArray a = block.forward(x, true).dup();
        INDArray r = LayerGradientCheck.random(a.shape(), DataType.FLOAT, 39);
        INDArray dxA = block.backward(r.dup()).dup();
        float[] gA = block.parameters().get(0).gradient().dup().data().asFloat();
        INDArray b = block.forward(input(1, 8, 2, 38), false).dup();
        INDArray c = block.forward(x, true).dup();
        INDArray dxC = block.backward(r.dup()).dup();
        assertEquals(3, a.size(0));
        assertEquals(1, b.size(0));
        assertArrayEquals(a.data().asFloat(), c.data().asFloat(), "the same batch gives the same output");
        assertArrayEquals(dxA.data().asFloat(), dxC.data().asFloat(), "and the same input gradient");
        assertArrayEquals(gA, block.parameters().get(0).gradient().data().asFloat(), "and the same weight gradient");
    }

    private static ConvBlock block(DataType type, int in, int out, int size, long seed) {
        ConvBlock b = LayerGradientCheck.initialised(new ConvBlock("block2", type, in, out, size, new Scratch(type)), seed);
        // gamma of both signs, beta away from zero: the minima are pooled where gamma < 0, and ReLU cuts some outputs
        INDArray gamma = LayerGradientCheck.random(new long[] {1, out}, type, seed + 100);
        assertTrue(gamma.minNumber().doubleValue() < 0 && gamma.maxNumber().doubleValue() > 0, "gamma of both signs");
        b.parameters().get(1).value().assign(gamma);
        b.parameters().get(2).value().assign(LayerGradientCheck.random(new long[] {1, out}, type, seed + 101));
        return b;
    }

    /** Gaussian [N, S, S, C], every other image with a zero frame 3 pixels wide. */
    private static INDArray input(int n, int size, int channels, long seed) {
        INDArray x = LayerGradientCheck.random(new long[] {n, size, size, channels}, DataType.FLOAT, seed);
        for (int img = 1; img < n; img += 2) {
            for (int y = 0; y < size; y++) {
                for (int xx = 0; xx < size; xx++) {
                    if (y < 3 || y >= size - 3 || xx < 3 || xx >= size - 3) {
                        for (int c = 0; c < channels; c++) {
                            x.putScalar(new long[] {img, y, xx, c}, 0.0);
                        }
                    }
                }
            }
        }
        return x;
    }

    /** {@code fOrderGradient}: dOut in Fortran order, which the fused block copies to c order first. */
    private static void compare(int in, int out, int size, int n, long seed, boolean fOrderGradient) {
        ConvBlock fused = block(DataType.FLOAT, in, out, size, seed);
        assertTrue(fused.fusedFor(n), "the float block takes the fused path");
        ConvBlock reference = new ConvBlock("block2", DataType.DOUBLE, in, out, size, new Scratch(DataType.DOUBLE));
        FusedReference.withValuesOf(fused, reference);
        INDArray x = input(n, size, in, seed + 1);
        INDArray a = fused.forward(x, true).castTo(DataType.DOUBLE);
        INDArray b = reference.forward(x.castTo(DataType.DOUBLE), true).dup();
        FusedReference.assertClose(b, a, "training output");
        assertTrue(b.eq(0).castTo(DataType.INT32).sumNumber().intValue() > 0, "some outputs are cut by ReLU");
        INDArray r = LayerGradientCheck.random(a.shape(), DataType.DOUBLE, seed + 2);
        INDArray dOut = fOrderGradient ? r.castTo(DataType.FLOAT).dup('f') : r.castTo(DataType.FLOAT);
        INDArray dxFused = fused.backward(dOut).castTo(DataType.DOUBLE);
        INDArray dxReference = reference.backward(r.dup()).dup();
        FusedReference.assertClose(dxReference, dxFused, "input gradient");
        FusedReference.assertGradientsAndStatistics(reference, fused);
        FusedReference.assertClose(reference.forward(x.castTo(DataType.DOUBLE), false),
                fused.forward(x, false).castTo(DataType.DOUBLE), "inference output");
    }
}
