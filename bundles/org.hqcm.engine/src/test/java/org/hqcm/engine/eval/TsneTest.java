package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.hqcm.engine.BadInputException;
import org.junit.jupiter.api.Test;

class TsneTest {

    @Test
    void perplexityCalibrationHitsTheTargetEntropy() {
        Random random = new Random(3);
        double[][] x = new double[60][5];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextGaussian() * (k + 1);
            }
        }
        double[] d2 = Tsne.squaredDistances(x);
        for (double perplexity : new double[] {5, 30}) {
            for (int i = 0; i < x.length; i++) {
                double[] row = Tsne.conditionalRow(d2, x.length, i, perplexity);
                assertEquals(Math.log(perplexity), Tsne.entropy(row), 1e-4, "row " + i + " perplexity " + perplexity);
                assertEquals(1.0, Arrays.stream(row).sum(), 1e-12);
                assertEquals(0.0, row[i]);
            }
        }
    }

    @Test
    void equidistantNeighboursGetEqualProbabilities() {
        // 3 points at the corners of an equilateral triangle: P(j|i) = 1/2 for both others whatever sigma
        // (entropy ln 2, so perplexity 2 is met at once); joint P = (1/2 + 1/2) / (2 * 3) = 1/6 off the diagonal
        double[][] x = {{0, 0}, {1, 0}, {0.5, Math.sqrt(3) / 2}};
        double[] p = Tsne.jointProbabilities(Tsne.squaredDistances(x), 2);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 0 : 1 / 6.0, p[i * 3 + j], 1e-12);
            }
        }
    }

    @Test
    void separatedGaussianClustersStaySeparated() {
        int perCluster = 25;
        int clusters = 3;
        Random random = new Random(11);
        double[][] x = new double[perCluster * clusters][8];
        int[] label = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            label[i] = i % clusters;
            for (int k = 0; k < 8; k++) {
                x[i][k] = random.nextGaussian() + (k == label[i] ? 12 : 0);
            }
        }
        for (Tsne.Init init : Tsne.Init.values()) {
            var e = Tsne.of(10, 42).withInit(init).embed(x);
            assertEquals(x.length, e.points().length);
            assertTrue(knnPurity(e.points(), label, 5) > 0.95, init + ": kNN purity " + knnPurity(e.points(), label, 5));
            assertTrue(Double.isFinite(e.klDivergence()) && e.klDivergence() >= 0);
        }
    }

    @Test
    void seededRunsAreIdenticalAndSeedsMatter() {
        Random random = new Random(1);
        double[][] x = new double[40][4];
        for (double[] row : x) {
            for (int k = 0; k < 4; k++) {
                row[k] = random.nextDouble();
            }
        }
        Tsne t = Tsne.of(8, 42).withIterations(300).withInit(Tsne.Init.RANDOM);
        double[][] a = t.embed(x).points();
        double[][] b = t.embed(x).points();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
        double[][] c = Tsne.of(8, 43).withIterations(300).withInit(Tsne.Init.RANDOM).embed(x).points();
        assertFalse(Arrays.deepEquals(a, c));
        // the PCA start does not depend on the seed: same embedding for both seeds
        double[][] p42 = Tsne.of(8, 42).withIterations(300).embed(x).points();
        double[][] p43 = Tsne.of(8, 43).withIterations(300).embed(x).points();
        assertTrue(Arrays.deepEquals(p42, p43));
        // the flat row-after-row form embeds the same points
        double[] flat = Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
        assertTrue(Arrays.deepEquals(p42, Tsne.of(8, 42).withIterations(300).embed(flat, 4).points()));
        assertThrows(IllegalArgumentException.class, () -> Tsne.of(8, 42).embed(flat, 3));
    }

    @Test
    void jacobiEigenvectorsOfKnownMatrices() {
        // [[2, 1], [1, 2]]: eigenvalue 3 along (1, 1)/sqrt 2, eigenvalue 1 along (1, -1)/sqrt 2
        double[][] v = SymmetricEigen.topVectors(new double[][] {{2, 1}, {1, 2}}, 2);
        double r = Math.sqrt(0.5);
        assertEquals(r, Math.abs(v[0][0]), 1e-12);
        assertEquals(v[0][0], v[0][1], 1e-12);
        assertEquals(-v[1][0], v[1][1], 1e-12);
        // a diagonal matrix: the largest entries' axes, largest first
        double[][] w = SymmetricEigen.topVectors(new double[][] {{1, 0, 0}, {0, 5, 0}, {0, 0, 3}}, 2);
        assertEquals(1.0, Math.abs(w[0][1]), 1e-12);
        assertEquals(1.0, Math.abs(w[1][2]), 1e-12);
    }

    @Test
    void pcaStartFollowsTheMainDirectionWithSmallSpread() {
        // points along t * (1, 2, 0) plus a little noise in the third axis
        Random random = new Random(2);
        double[][] x = new double[50][];
        double[] t = new double[50];
        for (int i = 0; i < 50; i++) {
            t[i] = random.nextGaussian();
            x[i] = new double[] {t[i], 2 * t[i], 0.01 * random.nextGaussian()};
        }
        double[] y = Tsne.pcaStart(x);
        double[] first = new double[50];
        for (int i = 0; i < 50; i++) {
            first[i] = y[2 * i];
        }
        assertEquals(1.0, Math.abs(correlation(first, t)), 1e-6);
        double mean = Arrays.stream(first).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(first).map(v -> (v - mean) * (v - mean)).sum() / 50);
        assertEquals(1e-4, sd, 1e-12);
        // the largest loading (the second feature) is positive: y grows with t
        assertTrue(correlation(first, t) > 0);
        // no spread at all: no PCA start (random start is used)
        assertEquals(null, Tsne.pcaStart(new double[][] {{1, 1}, {1, 1}, {1, 1}}));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void rejectsPerplexityNotBelowPointCount() {
        var e = assertThrows(BadInputException.class, () -> Tsne.of(30, 42).embed(new double[10][3]));
        assertTrue(e.getMessage().contains("perplexity 30"), e.getMessage());
        assertThrows(BadInputException.class, () -> Tsne.of(0, 42));
        assertThrows(BadInputException.class, () -> Tsne.of(2, 42).embed(new double[][] {{0, 1}, {1}, {2, 3}, {4, 5}}));
    }

    /** Share of each point's k nearest embedded neighbours with its label. */
    static double knnPurity(double[][] y, int[] label, int k) {
        int same = 0;
        for (int i = 0; i < y.length; i++) {
            final int fi = i;
            Integer[] order = new Integer[y.length];
            for (int j = 0; j < y.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (p, q) -> Double.compare(dist(y[fi], y[p]), dist(y[fi], y[q])));
            for (int r = 1; r <= k; r++) {
                if (label[order[r]] == label[i]) {
                    same++;
                }
            }
        }
        return same / (double) (y.length * k);
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
