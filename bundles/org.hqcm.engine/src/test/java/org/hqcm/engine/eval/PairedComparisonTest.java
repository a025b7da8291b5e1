package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.BadInputException;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    static final int[] IDS = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    static final PairedBootstrap FAST = new PairedBootstrap(500, 42, 0.95);

    @Test
    void pairsTheFirstRunWithTheOthers() {
        ComparedRun a = new ComparedRun("HQCM", IDS, ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_TRUE, jaccard(0.5));
        ComparedRun b = new ComparedRun("Classical", IDS, ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_PRED,
                jaccard(0.3));
        PairedComparison c = PairedComparison.of(List.of(a, b), ClassificationReportTest.ABC, WilcoxonSignedRank.SCIPY_DEFAULT, FAST);
        assertEquals(1, c.pairs().size());
        var p = c.pairs().get(0);
        // A is always right, B wrong on 4 images: b = 4, c = 0, exact p = 2 * 0.5^4
        assertEquals(4, p.mcnemar().aRightBWrong());
        assertEquals(0, p.mcnemar().aWrongBRight());
        assertEquals(0.125, p.mcnemar().pValue(), 1e-15);
        assertEquals(0.4, p.bootstrap().accuracy().estimate(), 1e-12);
        // Jaccard: A - B = 0.2 on all 6 tumour images -> 6 tied positive differences, permutation p = 2/64
        assertEquals(WilcoxonSignedRank.Method.PERMUTATION, p.jaccard().get(0).wilcoxon().method());
        assertEquals(2 / 64.0, p.jaccard().get(0).wilcoxon().pValue(), 1e-12);

        String md = c.toMarkdown();
        assertTrue(md.contains("| Class | HQCM Precision |"), md);
        assertTrue(md.contains("### Table 2: attention Jaccard"), md);
        assertTrue(md.contains("zero differences dropped"), md);
        assertTrue(md.contains("McNemar (exact binomial, two-sided): 4 images only HQCM got right, 0 only Classical; p = 0.1250"), md);
        assertTrue(md.contains("Accuracy difference (HQCM - Classical): +0.4000"), md);
        assertEquals(0.125, (double) c.summary().get("pair.HQCM_vs_Classical.mcnemar.exactP"), 1e-15);
        assertTrue(c.toHtml(HtmlReport.titled("Compare")).toHtml().contains("<td>Overall Accuracy</td><td>100.00%</td>"));
    }

    @Test
    void refusesDifferentTestSets() {
        ComparedRun a = new ComparedRun("a", IDS, ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_TRUE, null);
        int[] otherIds = IDS.clone();
        otherIds[9] = 99;
        ComparedRun b = new ComparedRun("b", otherIds, ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_PRED, null);
        var e = assertThrows(BadInputException.class,
                () -> PairedComparison.of(List.of(a, b), ClassificationReportTest.ABC, WilcoxonSignedRank.SCIPY_DEFAULT, FAST));
        assertTrue(e.getMessage().contains("different test sets"), e.getMessage());
        assertThrows(BadInputException.class,
                () -> PairedComparison.of(List.of(a), ClassificationReportTest.ABC, WilcoxonSignedRank.SCIPY_DEFAULT, FAST));
    }

    @Test
    void fingerprintDependsOnIdsLabelsAndOrder() {
        String f = TestSetFingerprint.of(new int[] {1, 2, 3}, new int[] {0, 1, 0});
        assertEquals(16, f.length());
        assertEquals(f, TestSetFingerprint.of(new int[] {1, 2, 3}, new int[] {0, 1, 0}));
        assertNotEquals(f, TestSetFingerprint.of(new int[] {1, 2, 3}, new int[] {0, 1, 1}));
        assertNotEquals(f, TestSetFingerprint.of(new int[] {2, 1, 3}, new int[] {1, 0, 0}));
    }

    /** Jaccard results where the 6 images with label != 0 are tumour images, each with value v. */
    private static AttentionJaccard.Result jaccard(double v) {
        List<AttentionJaccard.ImageScore> s = new ArrayList<>();
        for (int i = 0; i < IDS.length; i++) {
            if (ClassificationReportTest.Y_TRUE[i] != 0) {
                s.add(new AttentionJaccard.ImageScore(i, new double[] {v}));
            }
        }
        return new AttentionJaccard.Result(new double[] {0.9}, s, new double[] {v}, IDS.length - s.size());
    }
}
