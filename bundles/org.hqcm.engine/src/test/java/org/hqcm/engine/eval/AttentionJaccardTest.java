package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AttentionJaccardTest {

    static final float[][] MAP = {{0, 1}, {2, 3}};
    /** 4 x 4 mask: the bottom-right 2 x 2 block. */
    static final float[][] MASK = {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 1, 1}, {0, 0, 1, 1}};

    @Test
    void bilinearUpsamplingUsesHalfPixelCentres() {
        // PyTorch's nn.Upsample docs: [[1, 2], [3, 4]], scale 2, bilinear, align_corners=False ->
        // [[1.00, 1.25, 1.75, 2.00], [1.50, 1.75, 2.25, 2.50], [2.50, 2.75, 3.25, 3.50], [3.00, 3.25, 3.75, 4.00]]
        float[][] up = AttentionJaccard.upsampleBilinear(new float[][] {{1, 2}, {3, 4}}, 4, 4);
        assertArrayEquals(new float[] {1.00f, 1.25f, 1.75f, 2.00f}, up[0], 1e-6f);
        assertArrayEquals(new float[] {1.50f, 1.75f, 2.25f, 2.50f}, up[1], 1e-6f);
        assertArrayEquals(new float[] {2.50f, 2.75f, 3.25f, 3.50f}, up[2], 1e-6f);
        assertArrayEquals(new float[] {3.00f, 3.25f, 3.75f, 4.00f}, up[3], 1e-6f);
        // same size is the identity
        assertArrayEquals(MAP[1], AttentionJaccard.upsampleBilinear(MAP, 2, 2)[1], 0f);
    }

    @Test
    void jaccardAtEachThresholdByHand() {
        // upsampled /3: row 2 = [.50 .58 .75 .83], row 3 = [.67 .75 .92 1]
        // tau .99: {(3,3)} -> 1/4; tau .90: {(3,2),(3,3)} -> 2/4; tau .75: + (2,2),(2,3),(3,1) -> 4/5
        double[] v = AttentionJaccard.PAPER.score(MAP, MASK);
        assertArrayEquals(new double[] {0.25, 0.5, 0.8}, v, 1e-12);
    }

    @Test
    void evaluateScoresTumourImagesOnlyAndAverages() {
        float[][] healthy = new float[4][4];
        float[][] wholeMask = {{1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}, {1, 1, 1, 1}};
        var r = AttentionJaccard.PAPER.evaluate(List.of(MAP, MAP, MAP), List.of(MASK, healthy, wholeMask));
        assertEquals(1, r.skipped());
        assertArrayEquals(new int[] {0, 2}, r.imageIndices());
        // whole mask: 1/16, 2/16, 5/16
        assertArrayEquals(new double[] {1 / 16.0, 2 / 16.0, 5 / 16.0}, r.images().get(1).values(), 1e-12);
        assertArrayEquals(new double[] {(0.25 + 1 / 16.0) / 2, (0.5 + 2 / 16.0) / 2, (0.8 + 5 / 16.0) / 2}, r.means(), 1e-12);
        assertArrayEquals(new double[] {0.5, 2 / 16.0}, r.valuesAt(1), 1e-12);
    }

    @Test
    void conventionsForConstantMapsAndEmptyUnions() {
        // a constant map selects nothing: intersection 0, union = the mask
        assertArrayEquals(new double[] {0, 0, 0}, AttentionJaccard.PAPER.score(new float[][] {{5, 5}, {5, 5}}, MASK));
        // nothing selected and no tumour: empty union -> 1 by definition
        assertEquals(1.0, AttentionJaccard.jaccard(new float[2][2], new float[2][2], 0.5));
        // no tumour images at all: means are NaN, every image skipped
        var r = AttentionJaccard.PAPER.evaluate(List.<float[][]>of(MAP), List.<float[][]>of(new float[4][4]));
        assertTrue(Double.isNaN(r.means()[0]));
        assertEquals(1, r.skipped());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> new AttentionJaccard(new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> AttentionJaccard.PAPER.evaluate(List.<float[][]>of(MAP), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> AttentionJaccard.jaccard(new float[2][2], new float[3][3], 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> AttentionJaccard.minMaxNormalise(new float[][] {{Float.NaN}}));
    }
}
