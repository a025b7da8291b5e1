package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The binomial sampler against the exact distribution: frequencies (chi-square), mean and variance up to
 * n = 2*10^9 shots, and the number of uniforms it draws (the cost must not grow with n).
 */
class BinomialTest {

    /** Counts the uniforms drawn. */
    private static final class CountingUniforms {
        final SplittableRandom random;
        final AtomicLong draws = new AtomicLong();

        CountingUniforms(long seed) {
            random = new SplittableRandom(seed);
        }

        double next() {
            draws.incrementAndGet();
            return random.nextDouble();
        }
    }

    /**
     * Exact probabilities P(X = k) for k in [lo, hi] (the rest is below 1e-30), by the ratio
     * P(k+1) / P(k) = (n - k) p / ((k + 1) q) from the mode, in logs: valid for any n.
     */
    private static double[] exactPmf(int n, double p, int lo, int hi) {
        int mode = (int) Math.floor((n + 1.0) * p);
        mode = Math.max(lo, Math.min(hi, mode));
        double[] log = new double[hi - lo + 1];
        double logRatio = Math.log(p) - Math.log1p(-p);
        for (int k = mode; k < hi; k++) {
            log[k + 1 - lo] = log[k - lo] + Math.log((double) (n - k) / (k + 1)) + logRatio;
        }
        for (int k = mode; k > lo; k--) {
            log[k - 1 - lo] = log[k - lo] - Math.log((double) (n - k + 1) / k) - logRatio;
        }
        double sum = 0;
        double[] pmf = new double[log.length];
        for (int i = 0; i < log.length; i++) {
            pmf[i] = Math.exp(log[i]);
            sum += pmf[i];
        }
        for (int i = 0; i < pmf.length; i++) {
            pmf[i] /= sum;
        }
        return pmf;
    }

    @ParameterizedTest(name = "n = {0}, p = {1}")
    @CsvSource({"20, 0.1", "30, 0.9", "50, 0.3", "200, 0.5", "1000, 0.02", "1000000, 0.3", "2000000000, 0.00000001",
        "7, 0.45", "40, 0.249"})
    void frequenciesMatchTheExactDistribution(int n, double p) {
        int draws = 200_000;
        double sd = Math.sqrt(n * p * (1 - p));
        int lo = (int) Math.max(0, Math.floor(n * p - 12 * sd - 12));
        int hi = (int) Math.min(n, Math.ceil(n * p + 12 * sd + 12));
        double[] pmf = exactPmf(n, p, lo, hi);
        long[] counts = new long[hi - lo + 1];
        Binomial b = new Binomial(new SplittableRandom(n * 31L + Double.hashCode(p))::nextDouble);
        for (int i = 0; i < draws; i++) {
            int k = b.sample(n, p);
            assertTrue(k >= lo && k <= hi, () -> k + " outside [" + lo + ", " + hi + "]");
            counts[k - lo]++;
        }
        // bins of at least 20 expected draws each; a remainder at the end joins the last bin
        java.util.List<double[]> bins = new java.util.ArrayList<>();
        double expected = 0;
        long observed = 0;
        for (int i = 0; i < pmf.length; i++) {
            expected += pmf[i] * draws;
            observed += counts[i];
            if (expected >= 20) {
                bins.add(new double[] {expected, observed});
                expected = 0;
                observed = 0;
            }
        }
        double[] lastBin = bins.get(bins.size() - 1);
        lastBin[0] += expected;
        lastBin[1] += observed;
        double chi2 = 0;
        for (double[] bin : bins) {
            chi2 += (bin[1] - bin[0]) * (bin[1] - bin[0]) / bin[0];
        }
        int df = bins.size() - 1;
        // Wilson-Hilferty: the 1 - 1e-5 quantile of chi-square(df) (z = 4.265); seeds are fixed, so a correct sampler
        // passes every time and a wrong constant fails by far
        double z = 4.265;
        double limit = df * Math.pow(1 - 2.0 / (9 * df) + z * Math.sqrt(2.0 / (9 * df)), 3);
        assertTrue(chi2 < limit, "chi-square " + chi2 + " with " + df + " degrees of freedom, limit " + limit);
    }

    @ParameterizedTest(name = "n = {0}, p = {1}")
    @CsvSource({"2000000000, 0.3", "2000000000, 0.5", "100000000, 0.999", "2000000000, 0.0000000001"})
    @Timeout(60) // a sampler whose cost grows with n would run for hours here instead of failing
    void meanAndVarianceAreExactForHugeShotCountsAtAFewUniformsPerDraw(int n, double p) {
        int draws = 200_000;
        CountingUniforms u = new CountingUniforms(5);
        Binomial b = new Binomial(u::next);
        double sum = 0;
        double sumSq = 0;
        double mean0 = n * p;
        for (int i = 0; i < draws; i++) {
            double d = b.sample(n, p) - mean0; // centred: no cancellation in the variance
            sum += d;
            sumSq += d * d;
        }
        double var = n * p * (1 - p);
        double meanDiff = sum / draws;
        double sampleVar = sumSq / draws - meanDiff * meanDiff;
        assertEquals(0, meanDiff, 5 * Math.sqrt(var / draws), "mean - n p");
        // the sample variance has a relative standard error of about sqrt(2 / draws) = 0.32%
        assertEquals(var, sampleVar, Math.max(0.02 * var, 5 * Math.sqrt(2.0 / draws) * var + 1e-3), "variance");
        double perDraw = (double) u.draws.get() / draws;
        // measured 1.37 for n p >= 10 (BTRD), 1.0 below (inversion); the waiting-time method drew n p per variate
        assertTrue(perDraw < 1.6, perDraw + " uniforms per variate");
    }

    @Test
    void stirlingCorrectionsAgreeWithLogFactorials() {
        double logFactorial = 0;
        for (int k = 0; k <= 40; k++) {
            if (k > 0) {
                logFactorial += Math.log(k);
            }
            double direct = logFactorial - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
            assertEquals(direct, Binomial.fc(k), 1e-10, "fc(" + k + ")");
        }
    }

    @Test
    void edgesAreExact() {
        Binomial b = new Binomial(new SplittableRandom(1)::nextDouble);
        assertEquals(0, b.sample(0, 0.5));
        assertEquals(0, b.sample(2_000_000_000, 0));
        assertEquals(2_000_000_000, b.sample(2_000_000_000, 1));
        assertEquals(0, b.sample(10, Double.NaN));
        assertEquals(Integer.MAX_VALUE, b.sample(Integer.MAX_VALUE, 1.5));
        int k = b.sample(Integer.MAX_VALUE, 0.5);
        assertTrue(Math.abs(k - Integer.MAX_VALUE / 2.0) < 10 * Math.sqrt(Integer.MAX_VALUE / 4.0), "" + k);
    }
}
