package org.hqcm.engine.eval;

/**
 * The few distribution functions the paired tests need, to double precision: the complementary error
 * function, the standard normal and chi-square(1) tails, and the binomial(n, 1/2) lower tail.
 *
 * <p>Written here rather than taken from commons-math3 because this package also runs inside the IDE (the Compare
 * Runs view computes its paired statistics with it), where commons-math3 is neither in the target platform nor
 * embedded; four functions in about 60 lines, held to reference values to 1e-13..1e-15 relative in
 * DistributionsTest, did not justify another embedded library.
 */
final class Distributions {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private Distributions() {
    }

    /**
     * erfc(x). For |x| < 2.5 from the everywhere-positive series erf(x) = 2/sqrt(pi) exp(-x^2)
     * sum 2^n x^(2n+1) / (2n+1)!! (no cancellation); above, from the continued fraction
     * erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) evaluated by Lentz's method,
     * which keeps the relative accuracy of small tails.
     */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 2.5) {
            return 1 - erfSeries(x);
        }
        if (x > 27) {
            return 0; // below the smallest double
        }
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 5000; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / SQRT_PI / f;
    }

    private static double erfSeries(double x) {
        double term = x;
        double sum = x;
        double x2 = x * x;
        for (int n = 1; n < 500; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return 2 / SQRT_PI * Math.exp(-x2) * sum;
    }

    /** P(Z <= z) for a standard normal Z. */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** P(Z >= z) for a standard normal Z. */
    static double normalSf(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** P(X >= x) for X ~ chi-square with one degree of freedom (X = Z^2). */
    static double chiSquare1Sf(double x) {
        return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
    }

    /** P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so that large n does not underflow. */
    static double binomialHalfCdf(long k, long n) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        double[] logTerms = new double[(int) k + 1];
        double max = Double.NEGATIVE_INFINITY;
        double logC = 0; // log C(n, 0)
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logC += Math.log((double) (n - i + 1) / i);
            }
            logTerms[i] = logC - n * Math.log(2);
            max = Math.max(max, logTerms[i]);
        }
        double s = 0;
        for (double t : logTerms) {
            s += Math.exp(t - max);
        }
        return Math.min(1, Math.exp(max + Math.log(s)));
    }
}
