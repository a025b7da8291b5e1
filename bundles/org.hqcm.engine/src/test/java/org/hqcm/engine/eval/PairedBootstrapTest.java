package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void identicalModelsHaveAZeroInterval() {
        int[] t = {0, 1, 2, 0, 1, 2, 0, 1};
        int[] p = {0, 1, 1, 0, 2, 2, 0, 0};
        var r = new PairedBootstrap(500, 1, 0.95).compare(t, p, p, 3);
        assertEquals(0, r.accuracy().lower());
        assertEquals(0, r.accuracy().upper());
        assertEquals(0, r.macroF1().estimate());
    }

    @Test
    void alwaysBetterModelHasDegenerateIntervalAtTheDifference() {
        int[] t = {0, 1, 0, 1, 0, 1};
        int[] right = t.clone();
        int[] wrong = {1, 0, 1, 0, 1, 0};
        var r = new PairedBootstrap(300, 3, 0.95).compare(t, right, wrong, 2);
        // every resample: A all right, B all wrong
        assertEquals(1.0, r.accuracy().estimate());
        assertEquals(1.0, r.accuracy().lower());
        assertEquals(1.0, r.accuracy().upper());
    }

    @Test
    void twoImagesGiveTheKnownResamplingDistribution() {
        // A right on both, B right on image 0 only: per-image differences (0, 1); a resample's accuracy
        // difference is 0, 1/2 or 1 with probabilities 1/4, 1/2, 1/4, so the 2.5 % and 97.5 % percentiles
        // are 0 and 1, and about half of the resamples sit at 1/2
        int[] t = {0, 1};
        var r = new PairedBootstrap(20_000, 11, 0.95).compare(t, new int[] {0, 1}, new int[] {0, 0}, 2);
        assertEquals(0.5, r.accuracy().estimate());
        assertEquals(0.0, r.accuracy().lower());
        assertEquals(1.0, r.accuracy().upper());
    }

    @Test
    void seededAndReasonable() {
        Random random = new Random(5);
        int n = 300;
        int[] t = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(4);
            a[i] = random.nextDouble() < 0.9 ? t[i] : random.nextInt(4);
            b[i] = random.nextDouble() < 0.7 ? t[i] : random.nextInt(4);
        }
        var one = PairedBootstrap.DEFAULT.compare(t, a, b, 4);
        var again = PairedBootstrap.DEFAULT.compare(t, a, b, 4);
        assertEquals(one, again, "same seed, same intervals");
        var other = new PairedBootstrap(10_000, 43, 0.95).compare(t, a, b, 4);
        assertNotEquals(one.accuracy().lower(), other.accuracy().lower());
        assertTrue(one.accuracy().contains(one.accuracy().estimate()));
        assertTrue(one.macroF1().contains(one.macroF1().estimate()));
        assertTrue(one.accuracy().lower() > 0, "A is clearly better: " + one.accuracy());
        // the estimate equals the difference of the reports' values
        double accA = ClassificationReport.of(t, a, java.util.List.of("0", "1", "2", "3")).accuracy();
        double accB = ClassificationReport.of(t, b, java.util.List.of("0", "1", "2", "3")).accuracy();
        assertEquals(accA - accB, one.accuracy().estimate(), 1e-12);
        double f1A = ClassificationReport.of(t, a, java.util.List.of("0", "1", "2", "3")).macro().f1();
        double f1B = ClassificationReport.of(t, b, java.util.List.of("0", "1", "2", "3")).macro().f1();
        assertEquals(f1A - f1B, one.macroF1().estimate(), 1e-12);
        // width of a 95 % interval of a difference of accuracies on 300 images: a few percent, not 0, not 50 %
        double width = one.accuracy().upper() - one.accuracy().lower();
        assertTrue(width > 0.03 && width < 0.2, "width " + width);
    }

    @Test
    void quantileInterpolatesLinearly() {
        double[] s = {0, 10, 20, 30, 40};
        assertEquals(0, PairedBootstrap.quantile(s, 0));
        assertEquals(40, PairedBootstrap.quantile(s, 1));
        assertEquals(5, PairedBootstrap.quantile(s, 0.125), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new PairedBootstrap(10, 1, 0.95));
    }
}
