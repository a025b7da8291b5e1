package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class QuantumLayerTest {

    private static float[] randomFloats(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return v;
    }

    @Test
    void widthsFollowTheSpec() {
        QuantumLayer amp = new QuantumLayer(CircuitSpec.paper(5, 2), 5, Simulator.STATEVECTOR, 1);
        assertEquals(5 * 32, amp.inputWidth());
        assertEquals(25, amp.outputWidth());
        assertEquals(5 * 2 * 5 * 3, amp.parameters().length);
        QuantumLayer angle = new QuantumLayer(new CircuitSpec(4, 1, Embedding.ANGLE, Pauli.Y, 0), 3,
                Simulator.STATEVECTOR, 1);
        assertEquals(12, angle.inputWidth());
        assertEquals(12, angle.outputWidth());
    }

    @Test
    void weightsAreUniformInZeroToTwoPiAndSeeded() {
        QuantumLayer a = new QuantumLayer(CircuitSpec.paper(5, 2), 40, Simulator.STATEVECTOR, 7);
        QuantumLayer b = new QuantumLayer(CircuitSpec.paper(5, 2), 40, Simulator.STATEVECTOR, 7);
        QuantumLayer c = new QuantumLayer(CircuitSpec.paper(5, 2), 40, Simulator.STATEVECTOR, 8);
        assertArrayEquals(a.parameters(), b.parameters());
        assertFalse(Arrays.equals(a.parameters(), c.parameters()));
        double mean = 0;
        for (double p : a.parameters()) {
            assertTrue(p >= 0 && p < 2 * Math.PI);
            mean += p;
        }
        mean /= a.parameters().length;
        // 1200 uniform draws: mean pi, standard error 0.052
        assertEquals(Math.PI, mean, 0.3);
    }

    @Test
    void circuitsApplyToConsecutiveSlicesWithTheirOwnWeights() {
        CircuitSpec spec = CircuitSpec.paper(3, 2);
        int circuits = 3;
        int batch = 4;
        QuantumLayer layer = new QuantumLayer(spec, circuits, Simulator.STATEVECTOR, 3);
        SplittableRandom random = new SplittableRandom(4);
        float[] x = randomFloats(random, batch * layer.inputWidth());
        float[] out = layer.forward(x, batch);
        assertEquals(batch * 9, out.length);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < circuits; c++) {
                double[] row = new double[8];
                for (int i = 0; i < 8; i++) {
                    row[i] = x[b * 24 + c * 8 + i];
                }
                double[] w = Circuits.slice(layer.parameters(), c * spec.weightCount(), spec.weightCount());
                double[] expected = DenseReference.expectations(spec, w, row);
                for (int j = 0; j < 3; j++) {
                    assertEquals(expected[j], out[b * 9 + c * 3 + j], 1e-6, "row " + b + " circuit " + c);
                }
            }
        }
    }

    @Test
    void backwardAddsIntoGradParamsAndMatchesTheEvaluator() {
        CircuitSpec spec = CircuitSpec.paper(3, 2);
        QuantumLayer layer = new QuantumLayer(spec, 2, Simulator.STATEVECTOR, 5);
        SplittableRandom random = new SplittableRandom(6);
        float[] x = randomFloats(random, 3 * layer.inputWidth());
        float[] g = randomFloats(random, 3 * layer.outputWidth());
        layer.forward(x, 3);
        double[] gradParams = new double[layer.parameters().length];
        float[] gradIn = layer.backward(g, gradParams);
        layer.forward(x, 3);
        double[] twice = gradParams.clone();
        layer.backward(g, twice);
        for (int i = 0; i < gradParams.length; i++) {
            assertEquals(2 * gradParams[i], twice[i], 1e-12);
        }

        double[] xd = new double[x.length];
        double[] gd = new double[g.length];
        for (int i = 0; i < x.length; i++) {
            xd[i] = x[i];
        }
        for (int i = 0; i < g.length; i++) {
            gd[i] = g[i];
        }
        CircuitEvaluator ev = Simulator.STATEVECTOR.evaluator(spec, 2);
        ev.forward(xd, 3, layer.parameters(), new double[g.length]);
        double[] gi = new double[x.length];
        double[] gw = new double[gradParams.length];
        ev.backward(gd, gi, gw);
        assertArrayEquals(gw, gradParams, 1e-12);
        for (int i = 0; i < gi.length; i++) {
            assertEquals((float) gi[i], gradIn[i]);
        }
    }

    @Test
    void zeroRowsNeverProduceNaN() {
        QuantumLayer layer = new QuantumLayer(CircuitSpec.paper(4, 2), 2, Simulator.STATEVECTOR, 1);
        float[] x = new float[2 * layer.inputWidth()];
        x[layer.inputWidth() + 3] = 0.5f; // row 1, circuit 0 non-zero; every other slice is zero
        float[] out = layer.forward(x, 2);
        float[] g = new float[out.length];
        Arrays.fill(g, 1f);
        double[] gp = new double[layer.parameters().length];
        float[] gi = layer.backward(g, gp);
        for (float v : out) {
            assertTrue(Float.isFinite(v));
        }
        for (float v : gi) {
            assertTrue(Float.isFinite(v));
        }
        for (double v : gp) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void shotsAreReproducibleForASeedAndUnbiased() {
        CircuitSpec exactSpec = CircuitSpec.paper(3, 2);
        CircuitSpec shotSpec = exactSpec.withShots(200);
        float[] x = randomFloats(new SplittableRandom(2), 2 * 8);
        QuantumLayer exact = new QuantumLayer(exactSpec, 1, Simulator.STATEVECTOR, 9);
        QuantumLayer a = new QuantumLayer(shotSpec, 1, Simulator.STATEVECTOR, 9);
        QuantumLayer b = new QuantumLayer(shotSpec, 1, Simulator.STATEVECTOR, 9);
        assertArrayEquals(exact.parameters(), a.parameters());
        float[] e = exact.forward(x, 2);
        float[] first = a.forward(x, 2);
        assertArrayEquals(first, b.forward(x, 2));
        assertFalse(Arrays.equals(first, e), "shot noise changes the values");
        int reps = 400;
        double[] mean = new double[e.length];
        for (int r = 0; r < reps; r++) {
            float[] s = a.forward(x, 2);
            for (int i = 0; i < s.length; i++) {
                assertTrue(s[i] >= -1 && s[i] <= 1);
                // 200 shots: the estimate is a multiple of 2/200
                assertEquals(0, Math.abs(Math.round((s[i] + 1) * 100) - (s[i] + 1) * 100), 1e-4);
                mean[i] += s[i] / reps;
            }
        }
        for (int i = 0; i < e.length; i++) {
            // standard error <= 1 / sqrt(200 * 400) = 0.0035
            assertEquals(e[i], mean[i], 0.02, "wire " + i);
        }
    }

    @Test
    void strangeLayerTrainsEndToEnd() {
        CircuitSpec spec = CircuitSpec.paper(2, 1);
        QuantumLayer sv = new QuantumLayer(spec, 2, Simulator.STATEVECTOR, 12);
        QuantumLayer st = new QuantumLayer(spec, 2, Simulator.STRANGE, 12);
        float[] x = randomFloats(new SplittableRandom(1), 3 * 8);
        // a few steps of gradient descent on sum(out): both layers follow the same path
        for (int step = 0; step < 3; step++) {
            float[] a = sv.forward(x, 3);
            float[] b = st.forward(x, 3);
            assertArrayEquals(a, b, 1e-6f);
            float[] ones = new float[a.length];
            Arrays.fill(ones, 1f);
            double[] ga = new double[sv.parameters().length];
            double[] gb = new double[st.parameters().length];
            sv.backward(ones, ga);
            st.backward(ones, gb);
            for (int i = 0; i < ga.length; i++) {
                sv.parameters()[i] -= 0.1 * ga[i];
                st.parameters()[i] -= 0.1 * gb[i];
            }
        }
        assertArrayEquals(sv.parameters(), st.parameters(), 0);
    }

    @Test
    void wrongInputLengthIsRefused() {
        QuantumLayer layer = new QuantumLayer(CircuitSpec.paper(2, 1), 2, Simulator.STATEVECTOR, 1);
        assertThrows(IllegalArgumentException.class, () -> layer.forward(new float[7], 1));
        assertThrows(IllegalStateException.class, () -> layer.backward(new float[4], new double[12]));
    }

    @Test
    void anEmptyBatchGivesEmptyOutputs() {
        QuantumLayer layer = new QuantumLayer(CircuitSpec.paper(2, 1), 2, Simulator.STATEVECTOR, 1);
        assertEquals(0, layer.forward(new float[0], 0).length);
        assertEquals(0, layer.backward(new float[0], new double[12]).length);
    }
}
