package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExplanationScoresTest {
    private static final double[] TAU = {0.9, 0.5};

    /** An 8 x 8 mask with the 2 x 2 block at (2..3, 2..3). */
    static float[][] mask() {
        float[][] m = new float[8][8];
        for (int y = 2; y < 4; y++) {
            for (int x = 2; x < 4; x++) {
                m[y][x] = 1;
            }
        }
        return m;
    }

    @Test
    void pointingGameAndEnergyByHand() {
        float[][] map = new float[8][8];
        map[2][2] = 1;     // the maximum, inside
        map[6][6] = 0.5f;  // outside
        assertEquals(1, ExplanationScores.pointing(map, mask()));
        assertEquals(1 / 1.5, ExplanationScores.energyInside(map, mask()), 1e-12);
        map[6][7] = 1;     // a tied maximum outside
        assertEquals(0.5, ExplanationScores.pointing(map, mask()));
        float[][] constant = new float[8][8];
        assertEquals(4 / 64.0, ExplanationScores.pointing(constant, mask()), 1e-12);
        assertEquals(4 / 64.0, ExplanationScores.energyInside(constant, mask()), 1e-12);
    }

    /** A 4 x 4 map upsampled to the 8 x 8 mask and normalised: the block over the mask scores Jaccard 1 at 0.9. */
    @Test
    void normalisesLikeTable2AndScoresEveryMetric() {
        float[][] coarse = new float[4][4];
        coarse[1][1] = 3;
        float[][] n = ExplanationScores.normalised(coarse, 8, 8);
        assertEquals(1f, n[2][2], 1e-6f);
        assertEquals(0f, n[7][7], 1e-6f);
        ExplanationScores.Image s = ExplanationScores.score(5, n, mask(), TAU);
        assertEquals(5, s.sampleId());
        assertEquals(1, s.pointing(), 1e-12);
        assertArrayEquals(new AttentionJaccard(TAU).score(coarse, mask()), s.jaccard(), 1e-12);
        assertEquals(List.of("Jaccard@0.90", "Jaccard@0.50", "pointing game", "energy in mask"),
                new ExplanationScores(TAU, List.of()).metrics());
    }

    /**
     * Method A puts its maximum in the mask on 12 images, B misses on all: the paired test between the methods finds
     * the difference (exact p = 2/2^12), and the same scores as two runs pair by sample id.
     */
    @Test
    void pairedTestsBetweenMethodsAndRuns() {
        List<ExplanationScores.Image> a = new ArrayList<>();
        List<ExplanationScores.Image> b = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            a.add(new ExplanationScores.Image(i, new double[] {0.5 + i / 100.0, 0.6}, 1, 0.8 + i / 1000.0));
            b.add(new ExplanationScores.Image(i, new double[] {0.1, 0.6}, 0, 0.2));
        }
        ExplanationScores s = new ExplanationScores(TAU, List.of(new ExplanationScores.Method("A", a),
                new ExplanationScores.Method("B", b)));
        ExplanationComparison within = ExplanationComparison.betweenMethods(s, WilcoxonSignedRank.SCIPY_DEFAULT);
        assertEquals(4, within.rows().size());
        ExplanationComparison.Row j = within.rows().get(0);
        assertEquals("Jaccard@0.90", j.metric());
        assertEquals(12, j.images());
        assertEquals(2 / Math.pow(2, 12), j.wilcoxon().pValue(), 1e-12);
        assertEquals(WilcoxonSignedRank.Method.NO_DIFFERENCES, within.rows().get(1).wilcoxon().method());
        assertEquals(1.0, within.rows().get(2).meanA());
        ExplanationScores other = new ExplanationScores(TAU, List.of(new ExplanationScores.Method("A", b.subList(2, 12))));
        ExplanationComparison runs = ExplanationComparison.betweenRuns("r1", s, "r2", other, WilcoxonSignedRank.SCIPY_DEFAULT);
        assertEquals(4, runs.rows().size(), "only method A is in both runs");
        assertEquals("r1: A", runs.rows().get(0).a());
        assertEquals(10, runs.rows().get(0).images(), "paired on the 10 images both explained");
        assertTrue(runs.table().toMarkdown().contains("r2: A"));
    }
}
