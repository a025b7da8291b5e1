package org.hqcm.engine.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Counts of test images by true class (row) and predicted class (column). Immutable.
 * Row-normalised values divide each row by its support; a class with no test image has a row of zeros.
 */
public final class ConfusionCounts {

    private final List<String> classNames;
    private final long[][] counts;

    private ConfusionCounts(List<String> classNames, long[][] counts) {
        this.classNames = classNames;
        this.counts = counts;
    }

    /** Counts from labels; every label must be in {@code 0 .. classNames.size()-1}. */
    public static ConfusionCounts of(int[] yTrue, int[] yPred, List<String> classNames) {
        Labels.check(yTrue, yPred, classNames.size());
        int k = classNames.size();
        long[][] c = new long[k][k];
        for (int i = 0; i < yTrue.length; i++) {
            c[yTrue[i]][yPred[i]]++;
        }
        return new ConfusionCounts(List.copyOf(classNames), c);
    }

    /** A matrix from counts {@code counts[true][predicted]}. */
    public static ConfusionCounts ofCounts(long[][] counts, List<String> classNames) {
        int k = classNames.size();
        if (k < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least 2 classes, got " + k);
        }
        if (counts.length != k) {
            throw new IllegalArgumentException(counts.length + " rows of counts for " + k + " classes");
        }
        long[][] c = new long[k][];
        for (int r = 0; r < k; r++) {
            if (counts[r].length != k) {
                throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " counts for " + k + " classes");
            }
            for (long v : counts[r]) {
                if (v < 0) {
                    throw new IllegalArgumentException("counts must be >= 0, row " + r + " has " + v);
                }
            }
            c[r] = counts[r].clone();
        }
        return new ConfusionCounts(List.copyOf(classNames), c);
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    /** Images of class {@code trueClass} predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** A copy of the counts, {@code [true][predicted]}. */
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int r = 0; r < c.length; r++) {
            c[r] = counts[r].clone();
        }
        return c;
    }

    /** Each row divided by its sum (recall on the diagonal); rows of absent classes are all 0. */
    public double[][] rowNormalised() {
        int k = counts.length;
        double[][] n = new double[k][k];
        for (int r = 0; r < k; r++) {
            long s = support(r);
            for (int c = 0; c < k; c++) {
                n[r][c] = s == 0 ? 0 : counts[r][c] / (double) s;
            }
        }
        return n;
    }

    /** Test images whose true class is {@code k}. */
    public long support(int k) {
        long s = 0;
        for (long v : counts[k]) {
            s += v;
        }
        return s;
    }

    /** Test images predicted as class {@code k}. */
    public long predicted(int k) {
        long s = 0;
        for (long[] row : counts) {
            s += row[k];
        }
        return s;
    }

    public long truePositives(int k) {
        return counts[k][k];
    }

    public long total() {
        long s = 0;
        for (long[] row : counts) {
            for (long v : row) {
                s += v;
            }
        }
        return s;
    }

    public long correct() {
        long s = 0;
        for (int k = 0; k < counts.length; k++) {
            s += counts[k][k];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionCounts m && classNames.equals(m.classNames) && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classNames.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionCounts" + classNames + Arrays.deepToString(counts);
    }
}
