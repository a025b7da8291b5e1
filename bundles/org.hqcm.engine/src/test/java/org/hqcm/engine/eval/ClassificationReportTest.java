package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

public class ClassificationReportTest {

    public static final List<String> ABC = List.of("a", "b", "c");
    // confusion (rows true, columns predicted): [2 1 1], [1 2 0], [0 1 2]
    public static final int[] Y_TRUE = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    public static final int[] Y_PRED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};
    public static final double EPS = 1e-12;

    @Test
    void confusionCountsAndRowShares() {
        ConfusionCounts m = ConfusionCounts.of(Y_TRUE, Y_PRED, ABC);
        assertArrayEquals(new long[] {2, 1, 1}, m.counts()[0]);
        assertArrayEquals(new long[] {1, 2, 0}, m.counts()[1]);
        assertArrayEquals(new long[] {0, 1, 2}, m.counts()[2]);
        assertEquals(10, m.total());
        assertEquals(6, m.correct());
        assertEquals(4, m.predicted(1));
        assertArrayEquals(new double[] {0.5, 0.25, 0.25}, m.rowNormalised()[0], EPS);
        assertArrayEquals(new double[] {1 / 3.0, 2 / 3.0, 0}, m.rowNormalised()[1], EPS);
    }

    @Test
    void perClassAndAveragesEqualHandComputedValues() {
        ClassificationReport r = ClassificationReport.of(Y_TRUE, Y_PRED, ABC);
        assertEquals(0.6, r.accuracy(), EPS);
        // a: TP 2, FP 1, FN 2; b: TP 2, FP 2, FN 1; c: TP 2, FP 1, FN 1
        assertEquals(round(new ClassMetrics("a", 2 / 3.0, 0.5, 4 / 7.0, 4)), round(r.perClass(0)));
        assertEquals(round(new ClassMetrics("b", 0.5, 2 / 3.0, 4 / 7.0, 3)), round(r.perClass(1)));
        assertEquals(round(new ClassMetrics("c", 2 / 3.0, 2 / 3.0, 2 / 3.0, 3)), round(r.perClass(2)));
        assertEquals(11 / 18.0, r.macro().precision(), EPS);
        assertEquals(11 / 18.0, r.macro().recall(), EPS);
        assertEquals(38 / 63.0, r.macro().f1(), EPS);
        assertEquals(37 / 60.0, r.weighted().precision(), EPS);
        assertEquals(0.6, r.weighted().recall(), EPS); // support-weighted recall is the accuracy
        assertEquals(0.6, r.weighted().f1(), EPS); // (4*4/7 + 3*4/7 + 3*2/3) / 10
        assertEquals(10, r.support());
        assertTrue(r.zeroDivisions().isEmpty());
    }

    @Test
    void zeroDivisionsAreZeroAndReported() {
        // class c never occurs and is never predicted; class b is predicted but b's precision is defined
        ClassificationReport r = ClassificationReport.of(new int[] {0, 1, 0, 1}, new int[] {0, 1, 1, 1}, ABC);
        ClassMetrics c = r.perClass(2);
        assertEquals(0, c.precision());
        assertEquals(0, c.recall());
        assertEquals(0, c.f1());
        assertEquals(3, r.zeroDivisions().size(), r.zeroDivisions().toString());
        assertTrue(r.zeroDivisions().get(0).contains("'c'"));
        // macro includes the absent class as 0: precision (1 + 2/3 + 0) / 3
        assertEquals((1 + 2 / 3.0) / 3, r.macro().precision(), EPS);
        // weighted ignores it (support 0): (2*1 + 2*2/3) / 4
        assertEquals((2 + 4 / 3.0) / 4, r.weighted().precision(), EPS);
    }

    @Test
    void neverPredictedClassHasZeroPrecisionAndNote() {
        ClassificationReport r = ClassificationReport.of(new int[] {0, 1}, new int[] {0, 0}, List.of("x", "y"));
        assertEquals(0, r.perClass(1).precision());
        assertEquals(0, r.perClass(1).recall());
        assertEquals(List.of("precision of class 'y' is 0/0 (never predicted): reported as 0"), r.zeroDivisions());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(new int[] {0}, new int[] {0, 1}, ABC));
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(new int[] {3}, new int[] {0}, ABC));
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(new int[0], new int[0], ABC));
    }

    /** Records compare doubles exactly; round to 12 digits so 2/3 computed two ways compare equal. */
    public static ClassMetrics round(ClassMetrics m) {
        return new ClassMetrics(m.name(), r(m.precision()), r(m.recall()), r(m.f1()), m.support());
    }

    private static double r(double v) {
        return Math.round(v * 1e12) / 1e12;
    }
}
