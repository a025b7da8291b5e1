package org.hqcm.engine.eval;

import static org.hqcm.engine.eval.DistributionsTest.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.hqcm.engine.eval.WilcoxonSignedRank.Alternative;
import org.hqcm.engine.eval.WilcoxonSignedRank.Method;
import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTest {

    /** Darwin's cross- vs self-fertilised corn heights (Wilcoxon 1945; the scipy.stats.wilcoxon docs example). */
    static final double[] CORN = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};

    @Test
    void cornExactMatchesScipyDocs() {
        // scipy.stats.wilcoxon(d) in SciPy >= 1.9 docs: statistic 24.0, pvalue 0.041259765625 (exact)
        var r = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(CORN);
        assertEquals(Method.EXACT, r.method());
        assertEquals(24.0, r.statistic());
        assertEquals(96.0, r.rankSumPlus());
        assertEquals(0.041259765625, r.pValue(), 1e-15);
        // and the same by brute force over all 2^15 sign assignments
        assertEquals(bruteForceTwoSided(CORN), r.pValue(), 1e-15);
    }

    @Test
    void cornNormalApproximationMatchesScipyDocs() {
        // SciPy 1.3's docs (normal approximation was the only method): wilcoxon(d) -> (24.0, 0.04088813291185591),
        // wilcoxon(d, alternative='greater') -> (96.0, 0.020444066455927955)
        var two = new WilcoxonSignedRank(Alternative.TWO_SIDED, false, Method.NORMAL).testDifferences(CORN);
        assertEquals(24.0, two.statistic());
        assertRel(0.04088813291185591, two.pValue(), 1e-12);
        // by hand: z = (24 - 15*16/4) / sqrt(15*16*31/24) = -36 / sqrt(310)
        assertEquals(-36 / Math.sqrt(310), two.z(), 1e-12);
        var greater = new WilcoxonSignedRank(Alternative.GREATER, false, Method.NORMAL).testDifferences(CORN);
        assertEquals(96.0, greater.statistic());
        assertRel(0.020444066455927955, greater.pValue(), 1e-12);
    }

    @Test
    void depressionScoresExample() {
        // Hollander & Wolfe (1973) p. 29, the example of R's ?wilcox.test:
        // wilcox.test(x, y, paired = TRUE, alternative = "greater") -> V = 40, p-value = 0.01953
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        var greater = new WilcoxonSignedRank(Alternative.GREATER, false, Method.AUTO).test(x, y);
        assertEquals(Method.EXACT, greater.method());
        assertEquals(40.0, greater.statistic());
        assertEquals(10 / 512.0, greater.pValue(), 1e-15); // 0.01953125
        var two = WilcoxonSignedRank.SCIPY_DEFAULT.test(x, y);
        assertEquals(5.0, two.statistic()); // min(40, 5)
        assertEquals(0.0390625, two.pValue(), 1e-15);
    }

    @Test
    void tiesNormalApproximationMatchesR() {
        // R: wilcox.test(rep(0.1, 10), exact=FALSE, correct=FALSE)$p.value = 0.001565402,
        //    correct=TRUE: 0.001904195 (quoted in SciPy's test_wilcoxon_tie, gh-2391)
        double[] d = new double[10];
        Arrays.fill(d, 0.1);
        var plain = new WilcoxonSignedRank(Alternative.TWO_SIDED, false, Method.NORMAL).testDifferences(d);
        assertEquals(0.0, plain.statistic());
        assertRel(0.001565402, plain.pValue(), 1e-6);
        var corrected = new WilcoxonSignedRank(Alternative.TWO_SIDED, true, Method.NORMAL).testDifferences(d);
        assertRel(0.001904195, corrected.pValue(), 1e-6);
        // auto with ties and <= 13 pairs enumerates the 2^10 sign assignments: only "all positive" reaches R+ = 55
        var auto = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(d);
        assertEquals(Method.PERMUTATION, auto.method());
        assertEquals(2 / 1024.0, auto.pValue(), 1e-15);
    }

    @Test
    void oneSidedWithTiesAndZeroMatchesR() {
        // R 3.4.1, quoted in SciPy's test_onesided: wilcox.test(x, y, paired=TRUE, exact=FALSE,
        // alternative="less", correct=FALSE) -> statistic 27, p 0.7031847
        double[] x = {125, 115, 130, 140, 140, 115, 140, 125, 140, 135};
        double[] y = {110, 122, 125, 120, 140, 124, 123, 137, 135, 145};
        var r = new WilcoxonSignedRank(Alternative.LESS, false, Method.NORMAL).test(x, y);
        assertEquals(27.0, r.statistic());
        assertEquals(1, r.zeros());
        assertTrue(r.ties());
        assertRel(0.7031847, r.pValue(), 1e-6);
    }

    @Test
    void zeroDifferencesAreDroppedNotRanked() {
        // six differences of -1 and two zeros: R+ = 0; enumeration over the 6 non-zero signs gives
        // P(R+ <= 0) = 1/64, two-sided 2/64
        double[] x = {1, 1, 2, 2, 3, 3, 4, 4};
        double[] y = {2, 2, 3, 2, 4, 4, 5, 4};
        var r = WilcoxonSignedRank.SCIPY_DEFAULT.test(x, y);
        assertEquals(Method.PERMUTATION, r.method());
        assertEquals(2, r.zeros());
        assertEquals(6, r.n());
        assertEquals(0.0, r.statistic());
        assertEquals(0.03125, r.pValue(), 1e-15);

        // the corn data with one zero added: 16 pairs, a zero -> normal approximation on the same 15 ranks
        double[] withZero = Arrays.copyOf(CORN, 16);
        var z = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(withZero);
        assertEquals(Method.NORMAL, z.method());
        assertRel(0.04088813291185591, z.pValue(), 1e-12);
    }

    @Test
    void autoUsesNormalApproximationAboveFiftyPairs() {
        double[] d = new double[51];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 3 == 0 ? -1 : 1) * (i + 1);
        }
        var r = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(d);
        assertEquals(Method.NORMAL, r.method());
        // z by hand: R+ - 51*52/4 over sqrt(51*52*103/24), no ties
        double z = (r.rankSumPlus() - 663) / Math.sqrt(51 * 52 * 103 / 24.0);
        assertEquals(-Math.abs(z), r.z(), 1e-12);
        assertRel(2 * Distributions.normalSf(Math.abs(z)), r.pValue(), 1e-12);
        // 50 distinct pairs stay exact
        assertEquals(Method.EXACT, WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(Arrays.copyOf(d, 50)).method());
    }

    @Test
    void exactAgreesWithEnumerationOnRandomDistinctSamples() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(14);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = (random.nextBoolean() ? 1 : -1) * (i + 1 + random.nextDouble() * 0.5);
            }
            var r = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(d);
            assertEquals(Method.EXACT, r.method());
            assertEquals(bruteForceTwoSided(d), r.pValue(), 1e-14, Arrays.toString(d));
            assertEquals(n * (n + 1) / 2.0, r.rankSumPlus() + r.rankSumMinus(), 0);
        }
    }

    @Test
    void allZeroDifferencesGivePOne() {
        var r = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(new double[60]);
        assertEquals(Method.NO_DIFFERENCES, r.method());
        assertEquals(1.0, r.pValue());
        assertFalse(r.describe().isEmpty());
    }

    /** Two-sided p by enumerating every sign assignment of the ranks of |d| (d without ties or zeros). */
    static double bruteForceTwoSided(double[] d) {
        int n = d.length;
        double[] abs = Arrays.stream(d).map(Math::abs).toArray();
        double[] sorted = abs.clone();
        Arrays.sort(sorted);
        double[] rank = new double[n];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            rank[i] = Arrays.binarySearch(sorted, abs[i]) + 1;
            if (d[i] > 0) {
                observed += rank[i];
            }
        }
        long le = 0;
        long ge = 0;
        for (long mask = 0; mask < (1L << n); mask++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1L << i)) != 0) {
                    s += rank[i];
                }
            }
            if (s <= observed) {
                le++;
            }
            if (s >= observed) {
                ge++;
            }
        }
        return Math.min(1, 2.0 * Math.min(le, ge) / (1L << n));
    }
}
