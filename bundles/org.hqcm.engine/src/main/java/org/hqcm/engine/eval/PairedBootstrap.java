package org.hqcm.engine.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals for the difference of two models evaluated on the same test
 * images (A minus B): the images are resampled with replacement as pairs, so both models always see the
 * same resample. Seeded, so a run's report is reproducible.
 */
public record PairedBootstrap(int resamples, long seed, double confidence) {

    /** 10,000 resamples, 95 %, seed 42. */
    public static final PairedBootstrap DEFAULT = new PairedBootstrap(10_000, 42, 0.95);

    /**
     * A difference and its interval.
     *
     * @param estimate the difference on the test set itself
     */
    public record Interval(double estimate, double lower, double upper, double confidence, int resamples, long seed) {

        public boolean contains(double v) {
            return lower <= v && v <= upper;
        }
    }

    /** Intervals for the accuracy and macro-F1 differences. */
    public record Result(Interval accuracy, Interval macroF1) {
    }

    public PairedBootstrap {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 bootstrap resamples are needed, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /** Differences of accuracy and macro-F1 (A - B) with their percentile intervals. */
    public Result compare(int[] yTrue, int[] predA, int[] predB, int classes) {
        Labels.check(yTrue, predA, classes);
        Labels.check(yTrue, predB, classes);
        int n = yTrue.length;
        if (n == 0) {
            throw new IllegalArgumentException("the bootstrap needs at least one test image");
        }
        double[] acc = new double[resamples];
        double[] f1 = new double[resamples];
        SplittableRandom random = new SplittableRandom(seed);
        int[] idx = new int[n];
        long[][] ca = new long[classes][classes];
        long[][] cb = new long[classes][classes];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                idx[i] = random.nextInt(n);
            }
            for (long[] row : ca) {
                Arrays.fill(row, 0);
            }
            for (long[] row : cb) {
                Arrays.fill(row, 0);
            }
            for (int i : idx) {
                ca[yTrue[i]][predA[i]]++;
                cb[yTrue[i]][predB[i]]++;
            }
            acc[r] = (trace(ca) - trace(cb)) / (double) n;
            f1[r] = macroF1(ca) - macroF1(cb);
        }
        double accEstimate = (trace(counts(yTrue, predA, classes)) - trace(counts(yTrue, predB, classes))) / (double) n;
        double f1Estimate = macroF1(counts(yTrue, predA, classes)) - macroF1(counts(yTrue, predB, classes));
        return new Result(interval(accEstimate, acc), interval(f1Estimate, f1));
    }

    private Interval interval(double estimate, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double alpha = (1 - confidence) / 2;
        return new Interval(estimate, quantile(sorted, alpha), quantile(sorted, 1 - alpha), confidence, resamples, seed);
    }

    /** Linear interpolation between order statistics (numpy's default percentile, Hyndman-Fan type 7). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double f = pos - lo;
        return sorted[lo] + f * (sorted[hi] - sorted[lo]);
    }

    private static long[][] counts(int[] yTrue, int[] pred, int classes) {
        long[][] c = new long[classes][classes];
        for (int i = 0; i < yTrue.length; i++) {
            c[yTrue[i]][pred[i]]++;
        }
        return c;
    }

    private static long trace(long[][] c) {
        long s = 0;
        for (int k = 0; k < c.length; k++) {
            s += c[k][k];
        }
        return s;
    }

    /** Macro-F1 with the conventions of {@link ClassificationReport} (0 for 0/0, all classes averaged). */
    static double macroF1(long[][] c) {
        int k = c.length;
        double sum = 0;
        for (int j = 0; j < k; j++) {
            long tp = c[j][j];
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < k; i++) {
                if (i != j) {
                    fp += c[i][j];
                    fn += c[j][i];
                }
            }
            sum += ClassificationReport.ratio(2 * tp, 2 * tp + fp + fn);
        }
        return sum / k;
    }
}
