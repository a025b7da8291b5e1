package org.hqcm.engine.internal.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CompositeLossTest {
    private static final int[] LABELS = {0, 2, 1};
    private static final double[] CLASS_WEIGHTS = {2.0, 1.0, 0.5};

    @Test
    void gradientsMatchFiniteDifferences() {
        CompositeLoss loss = new CompositeLoss(new LossWeights(0.8, 1.5, 0.3, 0.7, 1.0));
        Random r = new Random(5);
        double[] logits = new double[9];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = r.nextGaussian() * 2;
        }
        double[] map = new double[12];
        for (int i = 0; i < map.length; i++) {
            map[i] = 0.05 + 0.9 * r.nextDouble();
        }
        float[] masks = {0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0}; // image 0 has no tumour
        LossResult result = loss.compute(logits, LABELS, CLASS_WEIGHTS, map, masks);
        double h = 1e-6;
        for (int i = 0; i < logits.length; i++) {
            double[] up = logits.clone();
            double[] down = logits.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (loss.compute(up, LABELS, CLASS_WEIGHTS, map, masks).total()
                    - loss.compute(down, LABELS, CLASS_WEIGHTS, map, masks).total()) / (2 * h);
            assertEquals(numeric, result.dLogits()[i], 1e-7, "dLogits[" + i + "]");
        }
        for (int i = 0; i < map.length; i++) {
            double[] up = map.clone();
            double[] down = map.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (loss.compute(logits, LABELS, CLASS_WEIGHTS, up, masks).total()
                    - loss.compute(logits, LABELS, CLASS_WEIGHTS, down, masks).total()) / (2 * h);
            assertEquals(numeric, result.dSpatialMap()[i], 1e-7, "dMap[" + i + "]");
        }
    }

    @Test
    void weightedCrossEntropyIsPyTorchsWeightedMean() {
        CompositeLoss loss = new CompositeLoss(new LossWeights(1, 0, 0, 0, 1));
        double[] logits = {0, 0, 0, 0, 0, 0, 0, 0, 0}; // uniform: every CE_i = ln 3
        LossResult r = loss.compute(logits, LABELS, CLASS_WEIGHTS, null, null);
        assertEquals(Math.log(3), r.total(), 1e-12);
        assertNull(r.dSpatialMap());
        // a confident right answer on the heavily weighted sample lowers the loss more than on the light one
        double[] heavy = logits.clone();
        heavy[0] = 5;
        double[] light = logits.clone();
        light[7] = 5;
        assertTrue(loss.compute(heavy, LABELS, CLASS_WEIGHTS, null, null).total()
                < loss.compute(light, LABELS, CLASS_WEIGHTS, null, null).total());
    }

    @Test
    void emptyMasksAndEmptyMapGiveNoDiceLoss() {
        CompositeLoss loss = new CompositeLoss(new LossWeights(0, 1, 0, 1, 1.0));
        double[] logits = new double[9];
        double[] map = new double[12];
        java.util.Arrays.fill(map, 1e-9);
        LossResult r = loss.compute(logits, LABELS, CLASS_WEIGHTS, map, new float[12]);
        assertEquals(0, r.dice(), 1e-6);
        java.util.Arrays.fill(map, 0.5);
        LossResult half = loss.compute(logits, LABELS, CLASS_WEIGHTS, map, new float[12]);
        assertEquals(1 - 1 / 7.0, half.dice(), 1e-12); // 1 - eps / (0 + 6 + eps)
    }

    @Test
    void maskDownsamplingKeepsEverySmallTumour() {
        float[] mask = new float[2 * 16 * 16];
        mask[16 * 16 + 9 * 16 + 14] = 1f; // one pixel of image 1, in cell (1, 1) of an 8x8-cell grid
        float[] grid = MaskGrid.maxPool(mask, 2, 16, 8);
        assertEquals(8, grid.length);
        float[] expected = {0, 0, 0, 0, 0, 0, 0, 1};
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i], grid[i], "cell " + i);
        }
    }
}
