package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.QuantumLayer;
import org.hqcm.engine.quantum.Simulator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every layer's backward pass against central finite differences, in double precision (the quantum head's circuits
 * take and give floats: it is checked with a larger step), on shapes that reach each code path: ties in max-pooling,
 * PatchBlock's threaded patch building, a port gradient into the attention map, inputs of more than two dimensions.
 */
class LayerGradientTest {
    private static final DataType D = DataType.DOUBLE;

    /** {@code n} single-channel images as an [N, S, S, 1] array ({@link LayerGradientCheck#pixels}). */
    static INDArray images(int n, int size, long seed) {
        INDArray a = Nd4j.create(DataType.FLOAT, n, size, size, 1);
        HostArrays.copyIn(LayerGradientCheck.pixels(n, size, seed), a);
        return a;
    }

    @Test
    void patchBlock() {
        PatchBlock block = LayerGradientCheck.initialised(new PatchBlock("block1", D, 3, 16), 1);
        assertEquals(1, PatchBlock.workers(2, 16));
        LayerGradientCheck.of(block, images(2, 16, 1)).samples(9).run();
    }

    /** A batch of 65,536 pixels or more builds its patches on several threads (with their own Gram sums). */
    @Test
    void patchBlockOnThreads() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs more than one core");
        assertTrue(PatchBlock.workers(4, 128) > 1);
        assertTrue(4 * 128 * 128 >= PatchBlock.PARALLEL_PIXELS);
        PatchBlock block = LayerGradientCheck.initialised(new PatchBlock("block1", D, 2, 128), 2);
        LayerGradientCheck.of(block, images(4, 128, 2)).samples(9).run();
    }

    @Test
    void convBlock() {
        ConvBlock block = LayerGradientCheck.initialised(new ConvBlock("block2", D, 3, 4, 8, new Scratch(D)), 3);
        INDArray x = LayerGradientCheck.random(new long[] {2, 8, 8, 3}, D, 4);
        LayerGradientCheck.of(block, x).samples(8).run();
    }

    @Test
    void dualAttentionWithAGradientIntoItsMap() {
        DualAttention a = LayerGradientCheck.initialised(new DualAttention("attention", D, 4, 4, 2, new int[] {1, 3, 5}, 7), 5);
        INDArray f = LayerGradientCheck.random(new long[] {2, 4, 4, 4}, D, 6);
        LayerGradientCheck.of(a, f).withPort(a.spatialMap()).samples(5).run();
    }

    @Test
    void denseOnFlattenedFeatures() {
        Dense d = LayerGradientCheck.initialised(new Dense("projection", D, 2 * 2 * 3, 5), 7);
        INDArray x = LayerGradientCheck.random(new long[] {3, 2, 2, 3}, D, 8);
        LayerGradientCheck.of(d, x).run();
    }

    @Test
    void classicalHeads() {
        for (ActivationFunction f : ActivationFunction.values()) {
            for (int slices : new int[] {0, 2}) {
                ClassicalHeadLayer head = LayerGradientCheck.initialised(new ClassicalHeadLayer(D, 8, 3, f, slices), 9);
                INDArray z = LayerGradientCheck.random(new long[] {3, 8}, D, 10);
                LayerGradientCheck.of(head, z).run();
            }
        }
    }

    @Test
    void sliceNormalisation() {
        SliceNormalisation norm = new SliceNormalisation(3, 6);
        LayerGradientCheck.of(norm, LayerGradientCheck.random(new long[] {3, 6}, D, 11)).samples(18).run();
    }

    /** The circuits' inputs and outputs are floats: a step of 1e-3 and a tolerance to match. */
    @Test
    void quantumHead() {
        QuantumHeadLayer head = new QuantumHeadLayer(D, new QuantumLayer(CircuitSpec.paper(2, 1), 2, Simulator.STATEVECTOR, 3));
        INDArray z = LayerGradientCheck.random(new long[] {3, 8}, D, 12);
        LayerGradientCheck.of(head, z).tolerances(1e-3, 2e-3, 2e-4).samples(12).run();
    }

    /**
     * PatchBlock's folded BatchNorm (statistics from the Gram matrix, the affine map folded into the weights) gives
     * what the general block gives with one input channel: the same output, running statistics and gradients.
     */
    @Test
    void patchBlockEqualsTheGeneralBlockWithOneChannel() {
        PatchBlock patch = LayerGradientCheck.initialised(new PatchBlock("block1", D, 3, 16), 13);
        ConvBlock general = new ConvBlock("block1", D, 1, 3, 16, new Scratch(D));
        for (int i = 0; i < patch.parameters().size(); i++) {
            general.parameters().get(i).value().assign(patch.parameters().get(i).value());
        }
        INDArray x = images(2, 16, 14);
        INDArray a = patch.forward(x, true).dup();
        INDArray b = general.forward(x.castTo(D), true).dup();
        assertEquals(0, a.sub(b).amaxNumber().doubleValue(), 1e-12, "training output");
        INDArray r = LayerGradientCheck.random(a.shape(), D, 15);
        assertNull(patch.backward(r.dup()), "the first block computes no input gradient");
        general.backward(r.dup());
        for (int i = 0; i < patch.parameters().size(); i++) {
            Parameter p = patch.parameters().get(i);
            INDArray expected = general.parameters().get(i).gradient();
            assertEquals(0, p.gradient().sub(expected).amaxNumber().doubleValue(),
                    1e-10 * (1 + expected.amaxNumber().doubleValue()), p.name());
        }
        BatchNorm pn = patch.norms().get(0);
        BatchNorm gn = general.norms().get(0);
        assertEquals(0, pn.runningMean().sub(gn.runningMean()).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0, pn.runningVar().sub(gn.runningVar()).amaxNumber().doubleValue(), 1e-12);
        INDArray ia = patch.forward(x, false).dup();
        INDArray ib = general.forward(x.castTo(D), false);
        assertEquals(0, ia.sub(ib).amaxNumber().doubleValue(), 1e-12, "inference output");
    }
}
