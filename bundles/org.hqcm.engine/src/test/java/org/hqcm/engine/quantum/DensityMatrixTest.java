package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hqcm.engine.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The density-matrix simulator against the dense Kraus oracle, the state-vector simulator and finite differences. */
class DensityMatrixTest {

    private static final double TAU = 2 * Math.PI;

    @ParameterizedTest
    @CsvSource({"1,2,AMPLITUDE,Y,0.05,0,0", "2,2,AMPLITUDE,Y,0.03,0.05,0.07", "3,2,AMPLITUDE,X,0,0.1,0",
        "3,3,AMPLITUDE,Z,0,0,0.2", "4,2,ANGLE,Y,0.02,0.04,0.01", "2,1,ANGLE,Z,0.5,0.3,0.9", "5,2,AMPLITUDE,Y,0.01,0.02,0.03",
        "3,2,AMPLITUDE,Y,1,1,1"})
    void agreesWithTheDenseKrausOracle(int q, int layers, Embedding embedding, Pauli pauli, double p, double ad,
            double pd) {
        SplittableRandom random = new SplittableRandom(q * 7 + layers);
        double[] readout = q == 1 ? new double[] {0.1} : Circuits.uniform(random, q, 0, 0.2);
        CircuitSpec spec = new CircuitSpec(q, layers, embedding, pauli, 0, new NoiseModel(p, ad, pd, readout),
                GradientMethod.ADJOINT);
        int circuits = 2;
        int batch = 3;
        double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, TAU);
        double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
        double[] out = Circuits.forward(Simulator.DENSITY_MATRIX, spec, circuits, w, x, batch);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < circuits; c++) {
                double[] expected = DenseKraus.expectations(spec, Circuits.slice(w, c * spec.weightCount(),
                        spec.weightCount()), Circuits.slice(x, (b * circuits + c) * spec.inputWidth(),
                        spec.inputWidth()), p, ad, pd, readout);
                assertArrayEquals(expected, Circuits.slice(out, (b * circuits + c) * q, q), 1e-12,
                        spec + " row " + b + " circuit " + c);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,3", "2,2", "3,2", "4,3", "5,2", "6,2"})
    void everyStrengthZeroGivesTheStateVectorsResults(int q, int layers) {
        SplittableRandom random = new SplittableRandom(40 + q);
        for (Embedding embedding : Embedding.values()) {
            for (Pauli pauli : Pauli.values()) {
                CircuitSpec spec = new CircuitSpec(q, layers, embedding, pauli, 0);
                int circuits = 3;
                int batch = 5;
                double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, TAU);
                double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
                double[] dm = Circuits.forward(Simulator.DENSITY_MATRIX, spec, circuits, w, x, batch);
                double[] sv = Circuits.forward(Simulator.STATEVECTOR, spec, circuits, w, x, batch);
                assertArrayEquals(sv, dm, 1e-12, spec.toString());
                // and the gradients of both
                double[] g = Circuits.uniform(random, sv.length, -1, 1);
                double[][] a = gradients(Simulator.STATEVECTOR, spec, circuits, w, x, batch, g);
                double[][] d = gradients(Simulator.DENSITY_MATRIX, spec, circuits, w, x, batch, g);
                assertArrayEquals(a[0], d[0], 1e-11, "weights " + spec);
                assertArrayEquals(a[1], d[1], 1e-11, "inputs " + spec);
            }
        }
    }

    static double[][] gradients(Simulator sim, CircuitSpec spec, int circuits, double[] w, double[] x, int batch,
            double[] g) {
        CircuitEvaluator ev = sim.evaluator(spec, circuits);
        ev.forward(x, batch, w, new double[g.length]);
        double[] gw = new double[w.length];
        double[] gx = new double[x.length];
        ev.backward(g, gx, gw);
        return new double[][] {gw, gx};
    }

    @ParameterizedTest
    @CsvSource({"1,1,AMPLITUDE,Y", "2,2,AMPLITUDE,Y", "3,2,AMPLITUDE,X", "3,2,AMPLITUDE,Z", "3,2,ANGLE,Y",
        "2,3,ANGLE,X", "4,2,ANGLE,Z", "5,2,AMPLITUDE,Y"})
    void gradientsThroughTheChannelsMatchCentralDifferences(int q, int layers, Embedding embedding, Pauli pauli) {
        SplittableRandom random = new SplittableRandom(q * 13 + layers);
        CircuitSpec spec = new CircuitSpec(q, layers, embedding, pauli, 0,
                new NoiseModel(0.04, 0.07, 0.05, Circuits.uniform(random, q, 0, 0.1)), GradientMethod.ADJOINT);
        int circuits = 2;
        int batch = 3;
        double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, TAU);
        double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
        double[] g = Circuits.uniform(random, batch * circuits * q, -1, 1);
        CircuitEvaluator ev = Simulator.DENSITY_MATRIX.evaluator(spec, circuits);
        ev.forward(x, batch, w, new double[g.length]);
        double[] gradW = new double[w.length];
        Arrays.fill(gradW, 0.5); // backward adds
        double[] gradX = new double[x.length];
        ev.backward(g, gradX, gradW);
        double scale = 0;
        for (double v : gradW) {
            scale = Math.max(scale, Math.abs(v - 0.5));
        }
        for (int i = 0; i < w.length; i++) {
            double fd = GradientTest.centralDifference(w, i, () -> GradientTest.loss(ev, x, batch, w, g));
            assertEquals(fd, gradW[i] - 0.5, 1e-7 * Math.max(Math.abs(fd), scale), "weight " + i);
        }
        for (int i = 0; i < x.length; i++) {
            double fd = GradientTest.centralDifference(x, i, () -> GradientTest.loss(ev, x, batch, w, g));
            assertEquals(fd, gradX[i], 1e-7 * Math.max(Math.abs(fd), 1e-2), "input " + i);
        }
    }

    @Test
    void noiseShrinksTheExpectationsTowardsTheMaximallyMixedState() {
        CircuitSpec clean = CircuitSpec.paper(3, 2);
        SplittableRandom random = new SplittableRandom(5);
        double[] w = Circuits.uniform(random, clean.weightCount(), 0, TAU);
        double[] x = Circuits.uniform(random, clean.inputWidth(), -1, 1);
        double previous = Double.POSITIVE_INFINITY;
        for (double p : new double[] {0, 0.01, 0.05, 0.2, 0.75}) {
            double[] out = Circuits.forward(Simulator.DENSITY_MATRIX, clean.withNoise(NoiseModel.gates(p, 0, 0)), 1, w, x, 1);
            double size = 0;
            for (double e : out) {
                size += Math.abs(e);
            }
            assertTrue(size < previous + 1e-15, "p " + p + ": " + size + " after " + previous);
            previous = size;
        }
        // p = 3/4 depolarizes completely: every Pauli expectation is 0
        assertEquals(0, previous, 1e-12);
    }

    @Test
    void readoutErrorScalesEveryExpectationWithAnySimulator() {
        CircuitSpec spec = new CircuitSpec(2, 2, Embedding.AMPLITUDE, Pauli.Y, 0);
        double[] w = Circuits.uniform(new SplittableRandom(9), spec.weightCount(), 0, TAU);
        double[] x = {0.3, -0.2, 0.8, 0.1};
        double[] clean = Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, x, 1);
        CircuitSpec noisy = spec.withNoise(new NoiseModel(0, 0, 0, new double[] {0.1, 0.25}));
        for (Simulator s : new Simulator[] {Simulator.STATEVECTOR, Simulator.DENSITY_MATRIX}) {
            double[] out = Circuits.forward(s, noisy, 1, w, x, 1);
            assertEquals(0.8 * clean[0], out[0], 1e-12, s.id());
            assertEquals(0.5 * clean[1], out[1], 1e-12, s.id());
        }
        double[] strange = Circuits.forward(Simulator.STRANGE, noisy, 1, w, x, 1);
        assertEquals(0.8 * clean[0], strange[0], 1e-6);
    }

    @Test
    void pureStateSimulatorsRefuseNoiseChannelsWithAClearMessage() {
        CircuitSpec noisy = CircuitSpec.paper(2, 1).withNoise(NoiseModel.gates(0.01, 0, 0));
        BadInputException e = assertThrows(BadInputException.class, () -> Simulator.STATEVECTOR.evaluator(noisy, 1));
        assertTrue(e.getMessage().contains("expected the densitymatrix simulator"), e.getMessage());
        assertThrows(BadInputException.class, () -> Simulator.STRANGE.evaluator(noisy, 1));
        assertThrows(BadInputException.class, () -> Simulator.DENSITY_MATRIX.evaluator(CircuitSpec.paper(7, 1), 1));
        assertThrows(BadInputException.class, () -> NoiseModel.gates(1.5, 0, 0));
        assertThrows(BadInputException.class, () -> CircuitSpec.paper(3, 1).withNoise(new NoiseModel(0, 0, 0,
                new double[] {0.1, 0.1})));
        assertEquals(Simulator.DENSITY_MATRIX, Simulator.forId("DENSITY_MATRIX"));
    }

    @Test
    void densityMatrixStaysATraceOneHermitianMatrixSoZExpectationsStayInRange() {
        CircuitSpec spec = new CircuitSpec(4, 3, Embedding.AMPLITUDE, Pauli.Z, 0, NoiseModel.gates(0.3, 0.6, 0.4),
                GradientMethod.ADJOINT);
        SplittableRandom random = new SplittableRandom(1);
        double[] out = Circuits.forward(Simulator.DENSITY_MATRIX, spec, 1,
                Circuits.uniform(random, spec.weightCount(), 0, TAU), Circuits.uniform(random, 16 * 20, -1, 1), 20);
        for (double e : out) {
            assertTrue(e >= -1 && e <= 1, String.valueOf(e));
        }
    }
}
