package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redfx.strange.Program;

class StrangeSimulatorTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void strangeAgreesWithStateVectorOnRandomCircuits(int q) {
        SplittableRandom random = new SplittableRandom(500 + q);
        for (Embedding embedding : Embedding.values()) {
            for (Pauli pauli : Pauli.values()) {
                CircuitSpec spec = new CircuitSpec(q, 2, embedding, pauli, 0);
                int circuits = 2;
                int batch = 2;
                double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, 2 * Math.PI);
                double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
                double[] exact = Circuits.forward(Simulator.STATEVECTOR, spec, circuits, w, x, batch);
                double[] strange = Circuits.forward(Simulator.STRANGE, spec, circuits, w, x, batch);
                assertArrayEquals(exact, strange, 1e-6, spec.toString());
            }
        }
    }

    @Test
    void strangeAgreesOnTheAnalyticOneQubitCase() {
        double theta = 1.1;
        double omega = 0.45;
        double[] out = Circuits.forward(Simulator.STRANGE, CircuitSpec.paper(1, 1), 1,
                new double[] {2.0, theta, omega}, new double[] {1, 0}, 1);
        assertEquals(Math.sin(theta) * Math.sin(omega), out[0], 1e-6);
    }

    @Test
    void strangeEmbedsAZeroRowLikeTheStateVectorSimulator() {
        CircuitSpec spec = CircuitSpec.paper(2, 1);
        double[] w = {0.3, 1.2, -0.4, 2.2, 0.1, 0.9};
        double[] x = new double[4];
        assertArrayEquals(Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, x, 1),
                Circuits.forward(Simulator.STRANGE, spec, 1, w, x, 1), 1e-6);
    }

    @Test
    void programHasEmbeddingRotLayersCnotsAndBasisChange() {
        CircuitSpec spec = CircuitSpec.paper(3, 2);
        Program p = spec.program(new double[spec.weightCount()], new double[8]);
        // 1 embedding + 2 x (1 Rot step + 3 CNOT steps) + 1 basis change for Y
        assertEquals(1 + 2 * (1 + 3) + 1, p.getSteps().size());
        assertEquals(3, p.getNumberQubits());
        Program z = new CircuitSpec(1, 1, Embedding.AMPLITUDE, Pauli.Z, 0).program(new double[3], new double[2]);
        assertEquals(2, z.getSteps().size());
    }

    @Test
    void strangeBackwardIsTheExactGradient() {
        CircuitSpec spec = CircuitSpec.paper(3, 2);
        SplittableRandom random = new SplittableRandom(9);
        double[] x = Circuits.uniform(random, 2 * 2 * 8, -1, 1);
        double[] w = Circuits.uniform(random, 2 * spec.weightCount(), 0, 6);
        double[] g = Circuits.uniform(random, 2 * 2 * 3, -1, 1);
        double[][] gradIn = new double[2][x.length];
        double[][] gradW = new double[2][w.length];
        Simulator[] sims = {Simulator.STATEVECTOR, Simulator.STRANGE};
        for (int s = 0; s < 2; s++) {
            CircuitEvaluator ev = sims[s].evaluator(spec, 2);
            ev.forward(x, 2, w, new double[g.length]);
            ev.backward(g, gradIn[s], gradW[s]);
        }
        assertArrayEquals(gradIn[0], gradIn[1], 0);
        assertArrayEquals(gradW[0], gradW[1], 0);
        double sum = 0;
        for (double v : gradW[0]) {
            sum += Math.abs(v);
        }
        assertTrue(sum > 0);
    }

    @Test
    void householderMapsZeroStateToTheNormalisedInput() {
        double[] x = {3, 0, -4, 0};
        org.redfx.strange.Complex[][] h = StrangeCircuits.householder(x, 0, 4);
        assertArrayEquals(new double[] {0.6, 0, -0.8, 0},
                new double[] {h[0][0].r, h[1][0].r, h[2][0].r, h[3][0].r}, 1e-7);
    }
}
