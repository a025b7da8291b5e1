package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {

    /** Logits whose softmax is exactly the given probabilities (log p). */
    private static double[] logitsOf(double[][] p) {
        double[] z = new double[p.length * p[0].length];
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < p[0].length; k++) {
                z[i * p[0].length + k] = Math.log(p[i][k]);
            }
        }
        return z;
    }

    /** Four images worked by hand with 2 bins: (0, 0.5] and (0.5, 1]. */
    @Test
    void eceBrierAndNllByHand() {
        double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.4, 0.6}, {0.3, 0.7}};
        int[] labels = {0, 1, 1, 0};
        CalibrationMetrics.Result r = CalibrationMetrics.of(logitsOf(p), 2, labels, 1.0, 2);
        // every confidence is > 0.5: one bin of 4, mean confidence 0.75, accuracy 2/4
        assertEquals(0.25, r.ece(), 1e-12);
        assertEquals(0, r.bins().get(0).count());
        assertTrue(Double.isNaN(r.bins().get(0).accuracy()));
        assertEquals(4, r.bins().get(1).count());
        assertEquals(0.75, r.bins().get(1).confidence(), 1e-12);
        double brier = (2 * 0.01 + 2 * 0.64 + 2 * 0.16 + 2 * 0.49) / 4;
        assertEquals(brier, r.brier(), 1e-12);
        double nll = -(Math.log(0.9) + Math.log(0.2) + Math.log(0.6) + Math.log(0.3)) / 4;
        assertEquals(nll, r.nll(), 1e-12);
        // 15 bins: 0.9 in (14/15, 1], 0.8 in (11/15, 12/15], 0.6 and 0.7 in (8/15, 9/15] and (10/15, 11/15]
        CalibrationMetrics.Result fifteen = CalibrationMetrics.of(logitsOf(p), 2, labels, 1.0, 15);
        double ece = (Math.abs(1 - 0.9) + Math.abs(0 - 0.8) + Math.abs(1 - 0.6) + Math.abs(0 - 0.7)) / 4;
        assertEquals(ece, fifteen.ece(), 1e-12);
        assertEquals(15, fifteen.bins().size());
    }

    @Test
    void binEdgesBelongToTheLowerBin() {
        assertEquals(0, CalibrationMetrics.bin(0, 15));
        assertEquals(0, CalibrationMetrics.bin(1.0 / 15, 15));
        assertEquals(14, CalibrationMetrics.bin(1.0, 15));
        assertEquals(7, CalibrationMetrics.bin(0.5, 15));
    }

    /**
     * Labels drawn from softmax(z / 2.5) for random logits z: the fitted temperature comes out near 2.5, the NLL is at a
     * minimum there, and the scaled ECE is far below the unscaled.
     */
    @Test
    void fitsTheTemperatureTheLabelsWereDrawnWith() {
        Random r = new Random(4);
        int n = 4000;
        int k = 4;
        double truth = 2.5;
        double[] z = new double[n * k];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[k];
            double sum = 0;
            for (int c = 0; c < k; c++) {
                z[i * k + c] = 4 * r.nextGaussian();
                p[c] = Math.exp(z[i * k + c] / truth);
                sum += p[c];
            }
            double u = r.nextDouble() * sum;
            int c = 0;
            while (c < k - 1 && (u -= p[c]) > 0) {
                c++;
            }
            labels[i] = c;
        }
        double t = CalibrationMetrics.fitTemperature(z, k, labels);
        assertEquals(truth, t, 0.15);
        double best = CalibrationMetrics.nll(z, k, labels, t);
        assertTrue(best <= CalibrationMetrics.nll(z, k, labels, t * 1.01));
        assertTrue(best <= CalibrationMetrics.nll(z, k, labels, t / 1.01));
        double before = CalibrationMetrics.of(z, k, labels, 1, 15).ece();
        double after = CalibrationMetrics.of(z, k, labels, t, 15).ece();
        assertTrue(after < before / 3, before + " -> " + after);
    }

    @Test
    void refusesWhatItCannotScore() {
        assertThrows(IllegalArgumentException.class, () -> CalibrationMetrics.of(new double[3], 2, new int[] {0, 1}, 1, 15));
        assertThrows(IllegalArgumentException.class, () -> CalibrationMetrics.of(new double[4], 2, new int[] {0, 2}, 1, 15));
        assertThrows(IllegalArgumentException.class,
                () -> CalibrationMetrics.of(new double[] {0, Double.NaN}, 2, new int[] {0}, 1, 15));
        assertEquals(1, CalibrationMetrics.fitTemperature(new double[0], 2, new int[0]));
    }
}
