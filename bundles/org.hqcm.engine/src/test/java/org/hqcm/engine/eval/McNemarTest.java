package org.hqcm.engine.eval;

import static org.hqcm.engine.eval.DistributionsTest.assertRel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference values from statsmodels' test_mcnemar_exact / test_mcnemar_chisquare
 * (statsmodels/stats/tests/test_nonparametric.py): exact p-values from the Vassar College online
 * calculator, chi-square values from R's {@code mcnemar.test(matrix(c(101, 121, 59, 33), nrow=2))}.
 * Tables are statsmodels' [[a, b], [c, d]] with b, c the discordant counts.
 */
class McNemarTest {

    @Test
    void exactPValuesMatchReference() {
        check(101, 121, 59, 33, 59, 0.000004, 1e-6);
        check(101, 70, 59, 33, 59, 0.378688, 1e-6);
        check(101, 80, 59, 33, 59, 0.089452, 1e-6);
        check(101, 30, 60, 33, 30, 0.00206, 1e-5);
        check(101, 10, 30, 33, 10, 0.002221, 1e-6);
        check(101, 10, 10, 33, 10, 1.0, 1e-12);
    }

    @Test
    void continuityCorrectedChiSquareMatchesR() {
        var r1 = McNemar.fromCounts(101, 121, 59, 33);
        assertRel(20.67222, r1.chiSquare(), 1e-6);
        assertRel(5.450095e-06, r1.chiSquarePValue(), 1e-6);
        var r2 = McNemar.fromCounts(101, 70, 59, 33);
        assertRel(0.7751938, r2.chiSquare(), 1e-6);
        assertRel(0.3786151, r2.chiSquarePValue(), 1e-6);
        var r3 = McNemar.fromCounts(101, 80, 59, 33);
        assertRel(2.87769784, r3.chiSquare(), 1e-6);
        assertRel(0.08981434, r3.chiSquarePValue(), 1e-6);
    }

    @Test
    void smallExactCaseByHand() {
        // images 0 and 6: A right, B wrong (b = 2); images 1-4: the reverse (c = 4); image 5: both right
        var r = McNemar.test(new boolean[] {true, false, false, false, false, true, true},
                new boolean[] {false, true, true, true, true, true, false});
        assertEquals(2, r.aRightBWrong());
        assertEquals(4, r.aWrongBRight());
        // p = 2 P(X <= 2), X ~ Bin(6, 1/2) = 2 (1 + 6 + 15) / 64
        assertEquals(44 / 64.0, r.pValue(), 1e-15);
        assertEquals(1, r.bothRight());
        assertEquals(0, r.bothWrong());
    }

    @Test
    void fromPredictionsAndNoDiscordantPairs() {
        int[] t = {0, 1, 2, 1};
        var same = McNemar.test(t, new int[] {0, 1, 0, 1}, new int[] {0, 1, 0, 1});
        assertEquals(0, same.discordant());
        assertEquals(1.0, same.pValue());
        assertTrue(Double.isNaN(same.chiSquare()));
        assertThrows(IllegalArgumentException.class, () -> McNemar.test(t, new int[] {0}, new int[] {0}));
    }

    private static void check(long a, long b, long c, long d, double statistic, double p, double tol) {
        var r = McNemar.fromCounts(a, b, c, d);
        assertEquals(statistic, r.exactStatistic());
        assertEquals(p, r.exactPValue(), tol);
    }
}
