package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateVectorSimulatorTest {

    private static final double TAU = 2 * Math.PI;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void agreesWithDenseReferenceForEveryMeasurementAndEmbedding(int q) {
        SplittableRandom random = new SplittableRandom(100 + q);
        for (Embedding embedding : Embedding.values()) {
            for (Pauli pauli : Pauli.values()) {
                CircuitSpec spec = new CircuitSpec(q, 3, embedding, pauli, 0);
                int circuits = 2;
                int batch = 3;
                double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, TAU);
                double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
                double[] out = Circuits.forward(Simulator.STATEVECTOR, spec, circuits, w, x, batch);
                for (int b = 0; b < batch; b++) {
                    for (int c = 0; c < circuits; c++) {
                        double[] expected = DenseReference.expectations(spec,
                                Circuits.slice(w, c * spec.weightCount(), spec.weightCount()),
                                Circuits.slice(x, (b * circuits + c) * spec.inputWidth(), spec.inputWidth()));
                        assertArrayEquals(expected, Circuits.slice(out, (b * circuits + c) * q, q), 1e-12,
                                spec + " row " + b + " circuit " + c);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 9, 10})
    void agreesWithDenseReferenceUpToTenQubits(int q) {
        SplittableRandom random = new SplittableRandom(q);
        CircuitSpec spec = CircuitSpec.paper(q, 2);
        double[] w = Circuits.uniform(random, spec.weightCount(), 0, TAU);
        double[] x = Circuits.uniform(random, spec.inputWidth(), -1, 1);
        double[] out = Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, x, 1);
        assertArrayEquals(DenseReference.expectations(spec, w, x), out, 1e-12);
    }

    @Test
    void oneQubitFromZeroGivesSinThetaSinOmegaIndependentOfPhi() {
        CircuitSpec spec = CircuitSpec.paper(1, 1);
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 20; k++) {
            double phi = random.nextDouble(-7, 7);
            double theta = random.nextDouble(-7, 7);
            double omega = random.nextDouble(-7, 7);
            double[] out = Circuits.forward(Simulator.STATEVECTOR, spec, 1, new double[] {phi, theta, omega},
                    new double[] {1, 0}, 1);
            assertEquals(Math.sin(theta) * Math.sin(omega), out[0], 1e-14);
        }
    }

    @Test
    void oneQubitOtherMeasurementsFollowTheBlochVector() {
        // RZ(omega) RY(theta) |0>: Bloch vector (sin t cos o, sin t sin o, cos t)
        double theta = 0.7;
        double omega = -1.9;
        double[] w = {0.4, theta, omega};
        double[] x = {1, 0};
        assertEquals(Math.sin(theta) * Math.cos(omega),
                Circuits.forward(Simulator.STATEVECTOR, new CircuitSpec(1, 1, Embedding.AMPLITUDE, Pauli.X, 0), 1, w, x, 1)[0],
                1e-14);
        assertEquals(Math.cos(theta),
                Circuits.forward(Simulator.STATEVECTOR, new CircuitSpec(1, 1, Embedding.AMPLITUDE, Pauli.Z, 0), 1, w, x, 1)[0],
                1e-14);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void realInputWithZeroWeightsHasZeroYExpectation(int q) {
        CircuitSpec spec = CircuitSpec.paper(q, 2);
        SplittableRandom random = new SplittableRandom(q);
        double[] x = Circuits.uniform(random, 4 * spec.inputWidth(), -1, 1);
        double[] out = Circuits.forward(Simulator.STATEVECTOR, spec, 1, new double[spec.weightCount()], x, 4);
        for (double v : out) {
            assertEquals(0, v, 1e-15);
        }
        // and the same input with non-zero weights does not (the test can fail)
        double[] w = Circuits.uniform(random, spec.weightCount(), 0, TAU);
        double[] out2 = Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, x, 4);
        double max = 0;
        for (double v : out2) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 1e-3);
    }

    @Test
    void twoQubitEntanglerMatchesHandComputation() {
        // input |10> (wire 0 = 1), zero weights: CNOT(0,1) -> |11>, CNOT(1,0) -> |01>: <Z_0> = +1, <Z_1> = -1
        CircuitSpec spec = new CircuitSpec(2, 1, Embedding.AMPLITUDE, Pauli.Z, 0);
        double[] out = Circuits.forward(Simulator.STATEVECTOR, spec, 1, new double[6], new double[] {0, 0, 1, 0}, 1);
        assertArrayEquals(new double[] {1, -1}, out, 1e-15);
    }

    @Test
    void aBatchOfThousandRowsEqualsTheRowsOneByOne() {
        CircuitSpec spec = CircuitSpec.paper(3, 2);
        SplittableRandom random = new SplittableRandom(11);
        int batch = 1000;
        int circuits = 2;
        double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, TAU);
        double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
        double[] all = Circuits.forward(Simulator.STATEVECTOR, spec, circuits, w, x, batch);
        CircuitEvaluator single = Simulator.STATEVECTOR.evaluator(spec, circuits);
        double[] one = new double[circuits * 3];
        for (int b = 0; b < batch; b += 37) {
            single.forward(Circuits.slice(x, b * circuits * 8, circuits * 8), 1, w, one);
            assertArrayEquals(one, Circuits.slice(all, b * circuits * 3, circuits * 3), 1e-14, "row " + b);
        }
    }

    @Test
    void aZeroInputRowIsEmbeddedAsTheZeroBasisState() {
        CircuitSpec spec = CircuitSpec.paper(3, 2);
        SplittableRandom random = new SplittableRandom(5);
        double[] w = Circuits.uniform(random, spec.weightCount(), 0, TAU);
        double[] x = new double[3 * 8];
        x[8] = 1; // row 1 is e_0 itself, row 0 all zeros, row 2 below the norm threshold
        x[16] = 1e-14;
        x[20] = -1e-14;
        double[] out = Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, x, 3);
        assertArrayEquals(Circuits.slice(out, 3, 3), Circuits.slice(out, 0, 3), 0);
        assertArrayEquals(Circuits.slice(out, 3, 3), Circuits.slice(out, 6, 3), 0);
        double[] gradIn = new double[x.length];
        double[] gradW = new double[w.length];
        CircuitEvaluator ev = Simulator.STATEVECTOR.evaluator(spec, 1);
        ev.forward(x, 3, w, new double[9]);
        ev.backward(new double[] {1, -2, 3, 1, -2, 3, 1, -2, 3}, gradIn, gradW);
        for (int i = 0; i < 8; i++) {
            assertEquals(0, gradIn[i], "zero row has no input gradient");
            assertEquals(0, gradIn[16 + i]);
        }
        for (double g : gradW) {
            assertTrue(Double.isFinite(g));
        }
    }

    @Test
    void tinyButNonZeroInputsStayFinite() {
        CircuitSpec spec = CircuitSpec.paper(2, 1);
        double[] x = {1e-11, -3e-12, 0, 2e-12};
        double[] w = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        CircuitEvaluator ev = Simulator.STATEVECTOR.evaluator(spec, 1);
        double[] out = new double[2];
        ev.forward(x, 1, w, out);
        assertArrayEquals(DenseReference.expectations(spec, w, x), out, 1e-12);
        double[] gradIn = new double[4];
        ev.backward(new double[] {1, 1}, gradIn, new double[6]);
        for (double g : gradIn) {
            assertTrue(Double.isFinite(g) && Math.abs(g) < 1e13);
        }
    }

    @Test
    void nonFiniteInputIsRefused() {
        CircuitSpec spec = CircuitSpec.paper(1, 1);
        assertThrows(IllegalArgumentException.class,
                () -> Circuits.forward(Simulator.STATEVECTOR, spec, 1, new double[3], new double[] {Double.NaN, 1}, 1));
    }

    @Test
    void hugeInputsAreNormalisedWithoutOverflow() {
        CircuitSpec spec = CircuitSpec.paper(2, 1);
        double[] w = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] big = {3e200, -1e200, 2e200, 5e199};
        double[] small = {3, -1, 2, 0.5};
        assertArrayEquals(Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, small, 1),
                Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, big, 1), 1e-14);
    }

    @Test
    void backwardWithoutForwardIsAnError() {
        CircuitEvaluator ev = Simulator.STATEVECTOR.evaluator(CircuitSpec.paper(2, 1), 1);
        assertThrows(IllegalStateException.class, () -> ev.backward(new double[2], new double[4], new double[6]));
    }
}
