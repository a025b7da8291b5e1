package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.hqcm.engine.BadInputException;
import org.junit.jupiter.api.Test;

class ReportTablesTest {

    @Test
    void markdownAndCsvEscaping() {
        Table t = new Table(List.of("name", "value"), List.of(List.of("a|b", "1,5"), List.of("say \"hi\"", "2")));
        assertEquals("| name | value |\n|:---|---:|\n| a\\|b | 1,5 |\n| say \"hi\" | 2 |\n", t.toMarkdown());
        assertEquals("name,value\r\na|b,\"1,5\"\r\n\"say \"\"hi\"\"\",2\r\n", t.toCsv());
        assertThrows(IllegalArgumentException.class, () -> new Table(List.of("a"), List.of(List.of("1", "2"))));
    }

    @Test
    void table1SideBySideWithDeltas() {
        ClassificationReport a = ClassificationReport.of(ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_PRED,
                ClassificationReportTest.ABC);
        ClassificationReport b = ClassificationReport.of(ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_TRUE,
                ClassificationReportTest.ABC);
        Table t = ReportTables.table1(List.of("HQCM", "Classical"), List.of(a, b), true);
        assertEquals(List.of("Class", "HQCM Precision", "HQCM Recall", "HQCM F1", "Classical Precision", "Classical Recall",
                "Classical F1", "Δ Precision (Classical − HQCM)", "Δ Recall (Classical − HQCM)", "Δ F1 (Classical − HQCM)", "Support"),
                t.header());
        // class a: 2/3, 1/2, 4/7 vs perfect 1, 1, 1; deltas 1 - value
        assertEquals(List.of("a", "0.6667", "0.5000", "0.5714", "1.0000", "1.0000", "1.0000", "+0.3333", "+0.5000", "+0.4286", "4"),
                t.rows().get(0));
        assertEquals(List.of("Overall Accuracy", "60.00%", "", "", "100.00%", "", "", "+40.00 pp", "", "", "10"), t.rows().get(3));
        assertEquals("Macro Avg", t.rows().get(4).get(0));
        assertEquals("0.6032", t.rows().get(4).get(3)); // 38/63
        assertEquals(List.of("Weighted Avg", "0.6167", "0.6000", "0.6000"), t.rows().get(5).subList(0, 4));
        String md = t.toMarkdown();
        assertTrue(md.startsWith("| Class | HQCM Precision |"), md);
        assertEquals(2 + 3 + 3, md.split("\n").length);
    }

    @Test
    void table2FromAJaccardComparison() {
        // per-image Jaccard of two runs on the same 15 tumour images: A - B = the corn differences / 100
        var imagesA = new java.util.ArrayList<AttentionJaccard.ImageScore>();
        var imagesB = new java.util.ArrayList<AttentionJaccard.ImageScore>();
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < 15; i++) {
            double b = 0.2;
            double a = b + WilcoxonSignedRankTest.CORN[i] / 1000.0;
            imagesA.add(new AttentionJaccard.ImageScore(i, new double[] {a}));
            imagesB.add(new AttentionJaccard.ImageScore(i, new double[] {b}));
            sumA += a;
            sumB += b;
        }
        var ra = new AttentionJaccard.Result(new double[] {0.99}, imagesA, new double[] {sumA / 15}, 0);
        var rb = new AttentionJaccard.Result(new double[] {0.99}, imagesB, new double[] {sumB / 15}, 0);
        var rows = JaccardComparison.compare(ra, rb, WilcoxonSignedRank.SCIPY_DEFAULT);
        // the differences rank like the corn data (up to rounding of a - b, which keeps their order)
        assertEquals(24.0, rows.get(0).wilcoxon().statistic());
        assertEquals(0.041259765625, rows.get(0).wilcoxon().pValue(), 1e-12);
        Table t = ReportTables.table2("HQCM", "Classical", rows);
        assertEquals(List.of("0.99", String.format(java.util.Locale.ROOT, "%.5f", sumA / 15), "0.20000", "24.0", "0.0413",
                "exact, n=15, zeros dropped=0"), t.rows().get(0));

        var other = new AttentionJaccard.Result(new double[] {0.99}, imagesB.subList(0, 14), new double[] {0.2}, 1);
        var e = assertThrows(BadInputException.class, () -> JaccardComparison.compare(ra, other, WilcoxonSignedRank.SCIPY_DEFAULT));
        assertTrue(e.getMessage().contains("same test set"), e.getMessage());
    }

    @Test
    void table1AcrossSeedsShowsMeanAndSampleSd() {
        ClassificationReport perfect = ClassificationReport.of(ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_TRUE,
                ClassificationReportTest.ABC);
        ClassificationReport some = ClassificationReport.of(ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_PRED,
                ClassificationReportTest.ABC);
        Table t = ReportTables.table1AcrossSeeds(List.of("HQCM"), List.of(List.of(perfect, some)));
        assertEquals("HQCM (2 runs) Precision", t.header().get(1));
        // accuracy 100 % and 60 %: mean 80, sd sqrt(((20)^2 + (20)^2) / 1) = 28.28
        assertEquals("80.00 ± 28.28", t.rows().get(3).get(1));
        // class a precision: 1 and 2/3 -> mean 0.8333, sd (1/3)/sqrt(2) = 0.2357
        assertEquals("0.8333 ± 0.2357", t.rows().get(0).get(1));
        assertEquals(new MeanSd(5, 0, 1), MeanSd.of(5));
    }

    @Test
    void pValueFormatting() {
        assertEquals("0.0017", ReportTables.pValue(0.0017));
        assertEquals("5.5e-06", ReportTables.pValue(5.450095e-06));
        assertEquals("n/a", ReportTables.pValue(Double.NaN));
    }
}
