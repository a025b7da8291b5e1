package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The float network's first block ({@link FusedPatchProduct}) against the double one ({@link PatchMatrix}, itself
 * held to the general block and to finite differences in {@link LayerGradientTest}): the same outputs, statistics
 * and gradients up to float rounding, black frames included (ties and identical patches in the pooling windows).
 */
class FusedPatchProductTest {

    @Test
    void smallBatchOnOneThread() {
        assertEquals(1, PatchBlock.workers(2, 16));
        compare(3, 16, 2, 21);
    }

    @Test
    void batchOnThreads() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs more than one core");
        assertTrue(PatchBlock.workers(6, 128) > 1);
        compare(5, 128, 6, 22);
    }

    /** On threads, the same batch gives the same gradients bit for bit (the images' sums are added in image order). */
    @Test
    void threadsGiveTheSameBitsEveryTime() {
        INDArray x = LayerGradientTest.images(6, 128, 26);
        INDArray first = null;
        for (int run = 0; run < 3; run++) {
            PatchBlock block = LayerGradientCheck.initialised(new PatchBlock("block1", DataType.FLOAT, 4, 128), 27);
            INDArray out = block.forward(x, true);
            block.backward(LayerGradientCheck.random(out.shape(), DataType.FLOAT, 28));
            INDArray g = block.parameters().get(0).gradient().dup();
            if (first == null) {
                first = g;
            } else {
                // exact: INDArray.equals compares within 1e-5
                assertArrayEquals(first.data().asFloat(), g.data().asFloat(), "run " + run);
            }
        }
    }

    /** One image of a different size than the last (an evaluation batch after a training batch). */
    @Test
    void batchSizesChange() {
        PatchBlock fused = LayerGradientCheck.initialised(new PatchBlock("block1", DataType.FLOAT, 2, 8), 23);
        INDArray a = fused.forward(LayerGradientTest.images(3, 8, 24), true).dup();
        INDArray b = fused.forward(LayerGradientTest.images(1, 8, 25), false).dup();
        INDArray c = fused.forward(LayerGradientTest.images(3, 8, 24), true).dup();
        assertEquals(3, a.size(0));
        assertEquals(1, b.size(0));
        assertEquals(0, a.sub(c).amaxNumber().doubleValue(), 0.0, "the same batch gives the same output");
    }

    private static void compare(int channels, int size, int n, long seed) {
        PatchBlock fused = LayerGradientCheck.initialised(new PatchBlock("block1", DataType.FLOAT, channels, size), seed);
        PatchBlock reference = new PatchBlock("block1", DataType.DOUBLE, channels, size);
        FusedReference.withValuesOf(fused, reference);
        INDArray x = LayerGradientTest.images(n, size, seed + 1);
        INDArray a = fused.forward(x, true).castTo(DataType.DOUBLE);
        INDArray b = reference.forward(x, true).dup();
        FusedReference.assertClose(b, a, "training output");
        assertTrue(b.eq(0).castTo(DataType.INT32).sumNumber().intValue() > 0, "some outputs are cut by ReLU");
        INDArray r = LayerGradientCheck.random(a.shape(), DataType.DOUBLE, seed + 2);
        fused.backward(r.castTo(DataType.FLOAT));
        reference.backward(r.dup());
        FusedReference.assertGradientsAndStatistics(reference, fused);
        FusedReference.assertClose(reference.forward(x, false), fused.forward(x, false).castTo(DataType.DOUBLE),
                "inference output");
    }
}
