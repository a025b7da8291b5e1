package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatePreparationTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 8, 10})
    void preparesTheNormalisedInputExactlyWithItsSigns(int q) {
        SplittableRandom random = new SplittableRandom(q);
        int n = 1 << q;
        for (int trial = 0; trial < 20; trial++) {
            double[] x = Circuits.uniform(random, n, -1, 1);
            if (trial % 4 == 1) {
                for (int i = 0; i < n; i += 3) {
                    x[i] = 0; // zero amplitudes, and for q > 1 whole zero pairs
                    if (i + 1 < n) {
                        x[i + 1] = 0;
                    }
                }
                x[n - 1] = 0.5; // not a zero row (that case has its own test)
            }
            if (trial % 4 == 2) {
                for (int i = 0; i < n; i++) {
                    x[i] = -Math.abs(x[i]); // every amplitude negative
                }
            }
            if (trial == 3) {
                java.util.Arrays.fill(x, 0);
                x[n - 1] = -2; // a single negative basis state
            }
            double[] angles = new double[StatePreparation.angleCount(q)];
            double norm = StatePreparation.angles(x, 0, q, angles);
            double[] state = new double[n];
            StatePreparation.prepare(angles, q, state);
            double[] unit = new double[n];
            for (int i = 0; i < n; i++) {
                unit[i] = x[i] / norm;
            }
            assertArrayEquals(unit, state, 1e-13, "q " + q + " trial " + trial);
        }
    }

    @Test
    void aZeroRowPreparesTheZeroStateLikeTheEmbedding() {
        double[] angles = new double[7];
        assertEquals(0, StatePreparation.angles(new double[8], 0, 3, angles));
        assertArrayEquals(new double[7], angles);
        double[] state = new double[8];
        StatePreparation.prepare(angles, 3, state);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0}, state, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void hasTwoToTheQMinusOneRotationsAndTwoToTheQMinusTwoCnots(int q) {
        long ry = StatePreparation.steps(q).stream().filter(s -> !s.isCnot()).count();
        long cx = StatePreparation.steps(q).stream().filter(StatePreparation.Step::isCnot).count();
        assertEquals((1 << q) - 1, ry);
        assertEquals((1 << q) - 2, cx);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void inputGradientIsTheAnglesJacobianTransposed(int q) {
        SplittableRandom random = new SplittableRandom(30 + q);
        int n = 1 << q;
        int na = StatePreparation.angleCount(q);
        double[] x = Circuits.uniform(random, n, -1, 1);
        double[] c = Circuits.uniform(random, na, -1, 1);
        double[] dx = new double[n];
        StatePreparation.inputGradient(x, 0, q, c, dx, 0);
        double h = 1e-6;
        for (int i = 0; i < n; i++) {
            double saved = x[i];
            x[i] = saved + h;
            double up = weighted(x, q, c);
            x[i] = saved - h;
            double down = weighted(x, q, c);
            x[i] = saved;
            double fd = (up - down) / (2 * h);
            assertEquals(fd, dx[i], 1e-7 * Math.max(1, Math.abs(fd)), "input " + i);
        }
    }

    private static double weighted(double[] x, int q, double[] c) {
        double[] a = new double[c.length];
        StatePreparation.angles(x, 0, q, a);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += c[i] * a[i];
        }
        return s;
    }
}
