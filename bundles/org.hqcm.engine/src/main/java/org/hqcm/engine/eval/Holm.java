package org.hqcm.engine.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction of a family of p-values (Holm 1979), as statsmodels'
 * {@code multipletests(p, method='holm')}: sort ascending, multiply the k-th smallest (k from 0) by (m - k), keep
 * the running maximum so adjusted p-values never decrease with the raw ones, cap at 1. NaN p-values (a test that
 * could not be made) stay NaN and do not count towards m.
 */
public final class Holm {

    private Holm() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double... p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            if (!Double.isNaN(p[i])) {
                if (p[i] < 0 || p[i] > 1) {
                    throw new IllegalArgumentException("p-value " + p[i] + " is not in [0, 1]");
                }
                m++;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> Double.isNaN(p[i]) ? 2 : p[i]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int k = 0; k < m; k++) {
            int i = order[k];
            running = Math.max(running, Math.min(1, (m - k) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
