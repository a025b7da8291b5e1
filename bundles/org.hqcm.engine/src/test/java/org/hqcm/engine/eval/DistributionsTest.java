package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    /** Reference values of erfc to 16+ digits (Abramowitz and Stegun table 7.1 / any CAS). */
    @Test
    void erfcMatchesReferenceValuesToRelativeDoublePrecision() {
        assertRel(0.15729920705028513066, Distributions.erfc(1), 1e-14);
        assertRel(0.47950012218695346232, Distributions.erfc(0.5), 1e-14);
        assertRel(2.2090496998585441373e-05, Distributions.erfc(3), 1e-13);
        assertRel(1.5374597944280348502e-12, Distributions.erfc(5), 1e-13);
        assertRel(1.8427007929497148693, Distributions.erfc(-1), 1e-15);
        assertEquals(1.0, Distributions.erfc(0), 0);
        // both sides of the switch between series and continued fraction agree
        assertRel(Distributions.erfc(2.5 - 1e-12), Distributions.erfc(2.5), 1e-10);
    }

    @Test
    void normalAndChiSquareTails() {
        // the 97.5 % normal quantile 1.959963984540054
        assertRel(0.025, Distributions.normalCdf(-1.959963984540054), 1e-13);
        assertRel(0.025, Distributions.normalSf(1.959963984540054), 1e-13);
        // chi-square(1) 95 % quantile 3.841458820694124
        assertRel(0.05, Distributions.chiSquare1Sf(3.841458820694124), 1e-12);
    }

    @Test
    void binomialHalfLowerTail() {
        assertEquals(1 / 1024.0, Distributions.binomialHalfCdf(0, 10), 1e-16);
        // C(10,0..5) = 1+10+45+120+210+252 = 638
        assertEquals(638 / 1024.0, Distributions.binomialHalfCdf(5, 10), 1e-15);
        assertEquals(1.0, Distributions.binomialHalfCdf(10, 10), 0);
        // large n does not underflow: P(X <= 600) for n = 1200 is a little over 1/2
        double half = Distributions.binomialHalfCdf(600, 1200);
        assertEquals(0.5 + 0.5 * Math.exp(logCentral(1200)), half, 1e-12);
    }

    /** log of C(2m, m) / 2^(2m), by summing logs. */
    private static double logCentral(int n) {
        double s = 0;
        for (int i = 1; i <= n / 2; i++) {
            s += Math.log((double) (n / 2 + i) / i);
        }
        return s - n * Math.log(2);
    }

    static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, Math.abs(expected) * rel, () -> "expected " + expected + " got " + actual);
    }
}
