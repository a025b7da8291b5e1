package org.hqcm.engine.eval;

/**
 * McNemar's test of paired correctness: do two models err on the same test images at the same rate?
 * Only the discordant pairs count: {@code b} images model A gets right and B wrong, {@code c} the reverse.
 * Both of statsmodels' variants ({@code statsmodels.stats.contingency_tables.mcnemar}) are computed:
 * <ul>
 * <li>exact ({@code exact=True}, statsmodels' default): statistic min(b, c), p = 2 P(X <= min(b, c)) for
 * X ~ Binomial(b + c, 1/2), at most 1 (1 when b + c = 0);</li>
 * <li>chi-square ({@code exact=False, correction=True}): (|b - c| - 1)^2 / (b + c) on one degree of
 * freedom (as R's {@code mcnemar.test}); NaN when b + c = 0.</li>
 * </ul>
 * The p-value reported first ({@link Result#pValue()}) is the exact one: it is valid for any count and
 * costs nothing at test-set sizes.
 */
public final class McNemar {

    /**
     * @param aRightBWrong     b
     * @param aWrongBRight     c
     * @param exactStatistic   min(b, c)
     * @param exactPValue      two-sided exact binomial p
     * @param chiSquare        continuity-corrected chi-square statistic
     * @param chiSquarePValue  its p-value (one degree of freedom)
     */
    public record Result(long aRightBWrong, long aWrongBRight, long bothRight, long bothWrong, double exactStatistic,
            double exactPValue, double chiSquare, double chiSquarePValue) {

        /** The exact p-value. */
        public double pValue() {
            return exactPValue;
        }

        public long discordant() {
            return aRightBWrong + aWrongBRight;
        }

        public String describe() {
            return "McNemar, exact binomial (two-sided) on " + discordant()
                    + " discordant images; chi-square with continuity correction also given";
        }
    }

    private McNemar() {
    }

    /** The test from per-image correctness of two models on the same images. */
    public static Result test(boolean[] aCorrect, boolean[] bCorrect) {
        if (aCorrect.length != bCorrect.length) {
            throw new IllegalArgumentException("paired correctness differs in length: " + aCorrect.length + " vs "
                    + bCorrect.length);
        }
        long b = 0, c = 0, both = 0, neither = 0;
        for (int i = 0; i < aCorrect.length; i++) {
            if (aCorrect[i] && !bCorrect[i]) {
                b++;
            } else if (!aCorrect[i] && bCorrect[i]) {
                c++;
            } else if (aCorrect[i]) {
                both++;
            } else {
                neither++;
            }
        }
        return fromCounts(both, b, c, neither);
    }

    /** The test from predictions of two models against the same truth. */
    public static Result test(int[] yTrue, int[] predA, int[] predB) {
        if (yTrue.length != predA.length || yTrue.length != predB.length) {
            throw new IllegalArgumentException("truth and predictions differ in length: " + yTrue.length + ", "
                    + predA.length + ", " + predB.length);
        }
        boolean[] a = new boolean[yTrue.length];
        boolean[] bb = new boolean[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            a[i] = predA[i] == yTrue[i];
            bb[i] = predB[i] == yTrue[i];
        }
        return test(a, bb);
    }

    /**
     * The test from the 2 x 2 table in statsmodels' layout {@code [[bothRight, aRightBWrong], [aWrongBRight,
     * bothWrong]]}.
     */
    public static Result fromCounts(long bothRight, long aRightBWrong, long aWrongBRight, long bothWrong) {
        if (bothRight < 0 || aRightBWrong < 0 || aWrongBRight < 0 || bothWrong < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        long b = aRightBWrong;
        long c = aWrongBRight;
        long n = b + c;
        long k = Math.min(b, c);
        double exactP = Math.min(1, 2 * Distributions.binomialHalfCdf(k, n));
        double chi = Double.NaN;
        double chiP = Double.NaN;
        if (n > 0) {
            double diff = Math.abs(b - c) - 1.0;
            // statsmodels squares (|b - c| - 1) as is; with |b - c| = 0 that gives 1/(b+c), as R does
            chi = diff * diff / n;
            chiP = Distributions.chiSquare1Sf(chi);
        }
        return new Result(b, c, bothRight, bothWrong, k, exactP, chi, chiP);
    }
}
