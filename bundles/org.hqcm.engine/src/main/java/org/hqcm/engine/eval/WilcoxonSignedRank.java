package org.hqcm.engine.eval;

import java.util.Arrays;

/**
 * Paired Wilcoxon signed-rank test with the conventions of {@code scipy.stats.wilcoxon}'s defaults
 * ({@code zero_method='wilcox', correction=False, alternative='two-sided', method='auto'}), as in SciPy's
 * {@code scipy/stats/_wilcoxon.py}:
 * <ul>
 * <li>zero differences are dropped; ranks are average ranks of |d| over the non-zero differences;</li>
 * <li>the two-sided statistic is min(R+, R-); one-sided statistics are R+;</li>
 * <li>{@code auto}: more than 50 pairs (zeros counted) &rarr; normal approximation; otherwise, with no
 * ties and no zeros &rarr; the exact null distribution; otherwise, with at most 13 pairs &rarr; an exact
 * permutation test over all 2^n sign assignments; otherwise the normal approximation;</li>
 * <li>normal approximation: z = (R+ - n(n+1)/4) / sqrt((n(n+1)(2n+1) - sum(t^3 - t)/2) / 24) over the n
 * non-zero differences, t the sizes of tied groups; continuity correction only when asked for;</li>
 * <li>two-sided p = 2 min(P(T <= R+), P(T >= R+)), at most 1.</li>
 * </ul>
 * One deliberate difference: when every difference is zero SciPy returns NaN for more than 13 pairs;
 * here the result is statistic 0, p = 1 and method {@link Method#NO_DIFFERENCES}.
 *
 * <p>Not commons-math3's WilcoxonSignedRankTest, which keeps zero differences and cannot give an exact p
 * beyond 30 pairs.
 */
public record WilcoxonSignedRank(Alternative alternative, boolean continuityCorrection, Method method) {

    /** SciPy's defaults: two-sided, no continuity correction, automatic choice of method. */
    public static final WilcoxonSignedRank SCIPY_DEFAULT = new WilcoxonSignedRank(Alternative.TWO_SIDED, false, Method.AUTO);

    /** The largest number of pairs for which {@code auto} may use an exact distribution. */
    static final int EXACT_MAX = 50;
    /** The largest number of pairs for which {@code auto} enumerates sign assignments when there are ties or zeros. */
    static final int PERMUTATION_MAX = 13;

    public enum Alternative {
        TWO_SIDED, LESS, GREATER
    }

    public enum Method {
        /** Choose as SciPy's {@code method='auto'}; a result never carries AUTO. */
        AUTO,
        /** Exact null distribution of R+ (no ties, no zeros). */
        EXACT,
        /** All 2^n sign assignments of the differences enumerated (exact with ties and zeros). */
        PERMUTATION,
        /** Normal approximation with tie correction. */
        NORMAL,
        /** Every difference was zero: nothing to test. */
        NO_DIFFERENCES
    }

    /**
     * The outcome.
     *
     * @param statistic  min(R+, R-) two-sided, R+ one-sided (SciPy's {@code statistic})
     * @param pValue     p-value for the alternative
     * @param z          the normal-approximation z of R+ (NaN when another method was used)
     * @param pairs      pairs given
     * @param zeros      zero differences dropped
     * @param rankSumPlus R+
     * @param rankSumMinus R-
     * @param ties       whether some non-zero |d| are tied
     */
    public record Result(double statistic, double pValue, double z, Method method, int pairs, int zeros,
            double rankSumPlus, double rankSumMinus, boolean ties, Alternative alternative, boolean continuityCorrection) {

        /** Non-zero differences ranked. */
        public int n() {
            return pairs - zeros;
        }

        /** One line saying what was computed, for reports. */
        public String describe() {
            String how = switch (method) {
                case EXACT -> "exact distribution";
                case PERMUTATION -> "exact permutation over 2^" + pairs + " sign assignments (ties or zeros present)";
                case NORMAL -> "normal approximation with tie correction" + (continuityCorrection ? " and continuity correction" : "");
                case NO_DIFFERENCES -> "all differences zero";
                case AUTO -> "auto";
            };
            return "Wilcoxon signed-rank, " + alternative.name().toLowerCase().replace('_', '-') + ", zero differences dropped ("
                    + zeros + " of " + pairs + "), " + how;
        }
    }

    public WilcoxonSignedRank {
        if (alternative == null || method == null) {
            throw new IllegalArgumentException("alternative and method must be given");
        }
    }

    /** The test on paired samples: differences {@code x[i] - y[i]}. */
    public Result test(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + y.length);
        }
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        return testDifferences(d);
    }

    /** The test on the differences themselves. */
    public Result testDifferences(double[] differences) {
        int pairs = differences.length;
        if (pairs == 0) {
            throw new IllegalArgumentException("the Wilcoxon test needs at least one pair");
        }
        double[] nz = Arrays.stream(differences).peek(WilcoxonSignedRank::checkFinite).filter(v -> v != 0).toArray();
        int n = nz.length;
        int zeros = pairs - n;
        if (n == 0) {
            return new Result(0, 1, Double.NaN, Method.NO_DIFFERENCES, pairs, zeros, 0, 0, false, alternative,
                    continuityCorrection);
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(nz[i]);
        }
        Ranks ranks = Ranks.average(abs);
        double rPlus = 0;
        double rMinus = 0;
        for (int i = 0; i < n; i++) {
            if (nz[i] > 0) {
                rPlus += ranks.ranks()[i];
            } else {
                rMinus += ranks.ranks()[i];
            }
        }
        boolean ties = ranks.tieCorrection() > 0;
        Method m = method;
        if (m == Method.AUTO) {
            if (pairs > EXACT_MAX) {
                m = Method.NORMAL;
            } else if (!ties && zeros == 0) {
                m = Method.EXACT;
            } else if (pairs <= PERMUTATION_MAX) {
                m = Method.PERMUTATION;
            } else {
                m = Method.NORMAL;
            }
        }
        double z = Double.NaN;
        double p = switch (m) {
            case EXACT -> {
                if (ties || zeros > 0) {
                    throw new IllegalArgumentException("the exact distribution needs distinct non-zero differences");
                }
                if (n > 62) {
                    throw new IllegalArgumentException("exact distribution supports at most 62 differences, got " + n);
                }
                yield exact(rPlus, n);
            }
            case PERMUTATION -> {
                if (n > 30) {
                    throw new IllegalArgumentException("permutation enumeration supports at most 30 non-zero differences, got " + n);
                }
                yield permutation(rPlus, ranks.ranks(), n);
            }
            case NORMAL -> {
                double mean = n * (n + 1) / 4.0;
                double se = Math.sqrt((n * (n + 1.0) * (2.0 * n + 1) - ranks.tieCorrection() / 2) / 24);
                z = (rPlus - mean) / se;
                if (continuityCorrection) {
                    double sign = switch (alternative) {
                        case GREATER -> 1;
                        case LESS -> -1;
                        case TWO_SIDED -> Math.signum(z);
                    };
                    z -= sign * 0.5 / se;
                }
                yield switch (alternative) {
                    case LESS -> Distributions.normalCdf(z);
                    case GREATER -> Distributions.normalSf(z);
                    case TWO_SIDED -> Math.min(1, 2 * Math.min(Distributions.normalCdf(z), Distributions.normalSf(z)));
                };
            }
            default -> throw new IllegalStateException("method " + m);
        };
        double statistic = alternative == Alternative.TWO_SIDED ? Math.min(rPlus, rMinus) : rPlus;
        if (m == Method.NORMAL && alternative == Alternative.TWO_SIDED) {
            z = -Math.abs(z);
        }
        return new Result(statistic, p, z, m, pairs, zeros, rPlus, rMinus, ties, alternative, continuityCorrection);
    }

    /** p from the exact null distribution of R+: the number of subsets of {1..n} with each sum. */
    private double exact(double rPlus, int n) {
        int max = n * (n + 1) / 2;
        long[] counts = new long[max + 1];
        counts[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int s = max; s >= r; s--) {
                counts[s] += counts[s - r];
            }
        }
        double total = Math.pow(2, n);
        int k = (int) Math.round(rPlus); // integral without ties
        long le = 0;
        for (int s = 0; s <= k; s++) {
            le += counts[s];
        }
        long ge = 0;
        for (int s = k; s <= max; s++) {
            ge += counts[s];
        }
        return tail(le / total, ge / total);
    }

    /**
     * p from all 2^n sign assignments of the ranked non-zero differences (zeros, whatever their sign,
     * contribute nothing and only multiply every count by the same factor).
     */
    private double permutation(double rPlus, double[] ranks, int n) {
        // ranks are multiples of 1/2: work in half-ranks so the sums are exact integers
        int[] half = new int[n];
        int max = 0;
        for (int i = 0; i < n; i++) {
            half[i] = (int) Math.round(2 * ranks[i]);
            max += half[i];
        }
        long[] counts = new long[max + 1];
        counts[0] = 1;
        for (int h : half) {
            for (int s = max; s >= h; s--) {
                counts[s] += counts[s - h];
            }
        }
        int k = (int) Math.round(2 * rPlus);
        long le = 0;
        long ge = 0;
        for (int s = 0; s <= max; s++) {
            if (s <= k) {
                le += counts[s];
            }
            if (s >= k) {
                ge += counts[s];
            }
        }
        double total = Math.pow(2, n);
        return tail(le / total, ge / total);
    }

    private double tail(double pLessOrEqual, double pGreaterOrEqual) {
        return switch (alternative) {
            case LESS -> pLessOrEqual;
            case GREATER -> pGreaterOrEqual;
            case TWO_SIDED -> Math.min(1, 2 * Math.min(pLessOrEqual, pGreaterOrEqual));
        };
    }

    private static void checkFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("differences must be finite, got " + v);
        }
    }
}
