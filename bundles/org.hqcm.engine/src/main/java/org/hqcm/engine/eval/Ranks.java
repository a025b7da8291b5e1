package org.hqcm.engine.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Average ranks (1-based; tied values share the mean of their positions) and the tie term
 * sum(t^3 - t) over groups of tied values.
 */
record Ranks(double[] ranks, double tieCorrection) {

    static Ranks average(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] r = new double[n];
        double ties = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            double t = j - i + 1;
            ties += t * t * t - t;
            i = j + 1;
        }
        return new Ranks(r, ties);
    }
}
