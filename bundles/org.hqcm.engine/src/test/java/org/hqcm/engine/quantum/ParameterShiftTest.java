package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parameter shift against the adjoint method: exact without shots (rounding only), and with shots within the shot
 * noise's standard error, which this test computes from the exact expectations of the shifted circuits.
 */
class ParameterShiftTest {

    private static final double TAU = 2 * Math.PI;

    @ParameterizedTest
    @CsvSource({"1,1,AMPLITUDE,Y,STATEVECTOR", "2,2,AMPLITUDE,Y,STATEVECTOR", "3,2,AMPLITUDE,X,STATEVECTOR",
        "4,2,AMPLITUDE,Z,STATEVECTOR", "5,2,AMPLITUDE,Y,STATEVECTOR", "3,2,ANGLE,Y,STATEVECTOR", "2,3,ANGLE,Z,STATEVECTOR",
        "3,2,AMPLITUDE,Y,DENSITY_MATRIX", "2,2,ANGLE,X,DENSITY_MATRIX"})
    void exactParameterShiftEqualsTheAdjointGradient(int q, int layers, Embedding embedding, Pauli pauli,
            String simulator) {
        Simulator sim = Simulator.forId(simulator);
        NoiseModel noise = sim == Simulator.DENSITY_MATRIX ? new NoiseModel(0.03, 0.05, 0.02, new double[] {0.04})
                : new NoiseModel(0, 0, 0, new double[] {0.04});
        CircuitSpec spec = new CircuitSpec(q, layers, embedding, pauli, 0, noise, GradientMethod.PARAMETER_SHIFT);
        SplittableRandom random = new SplittableRandom(q * 17 + layers);
        int circuits = 2;
        int batch = 3;
        double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, TAU);
        double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
        double[] g = Circuits.uniform(random, batch * circuits * q, -1, 1);
        double[][] adjoint = DensityMatrixTest.gradients(sim, spec, circuits, w, x, batch, g);
        CircuitEvaluator ps = new ParameterShiftEvaluator(sim, spec, circuits, null);
        double[] out = new double[g.length];
        ps.forward(x, batch, w, out);
        assertArrayEquals(Circuits.forward(sim, spec, circuits, w, x, batch), out, 1e-15);
        double[] gw = new double[w.length];
        double[] gx = new double[x.length];
        ps.backward(g, gx, gw);
        assertArrayEquals(adjoint[0], gw, 1e-10, "weights");
        assertArrayEquals(adjoint[1], gx, 1e-9, "inputs");
    }

    /** Each gradient estimate as a z-score (estimate - adjoint) / standard error. */
    @ParameterizedTest
    @CsvSource({"3,2,AMPLITUDE,2000", "5,2,AMPLITUDE,500", "3,2,ANGLE,1000"})
    void withShotsTheEstimatesScatterAroundTheAdjointByTheirStandardError(int q, int layers, Embedding embedding,
            int shots) {
        CircuitSpec exact = new CircuitSpec(q, layers, embedding, Pauli.Y, 0);
        CircuitSpec spec = exact.withShots(shots).withGradient(GradientMethod.PARAMETER_SHIFT);
        SplittableRandom random = new SplittableRandom(shots + q);
        int circuits = 2;
        int batch = 4;
        double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, TAU);
        double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
        double[] g = Circuits.uniform(random, batch * circuits * q, -1, 1);
        double[][] adjoint = DensityMatrixTest.gradients(Simulator.STATEVECTOR, exact, circuits, w, x, batch, g);
        CircuitEvaluator ps = new ParameterShiftEvaluator(Simulator.STATEVECTOR, spec, circuits, new ShotNoise(shots, 11));
        ps.forward(x, batch, w, new double[g.length]);
        double[] gw = new double[w.length];
        double[] gx = new double[x.length];
        ps.backward(g, gx, gw);

        List<Double> z = new ArrayList<>();
        double[] seWeights = weightStandardErrors(exact, circuits, w, x, batch, g, shots);
        for (int i = 0; i < w.length; i++) {
            z.add((gw[i] - adjoint[0][i]) / seWeights[i]);
        }
        double[] seInputs = inputStandardErrors(exact, circuits, w, x, batch, g, shots);
        for (int i = 0; i < x.length; i++) {
            if (seInputs[i] > 0) {
                z.add((gx[i] - adjoint[1][i]) / seInputs[i]);
            }
        }
        double sumSquares = 0;
        double worst = 0;
        for (double v : z) {
            sumSquares += v * v;
            worst = Math.max(worst, Math.abs(v));
        }
        double meanSquare = sumSquares / z.size();
        // every estimate within 5 standard errors, and their spread as the standard errors say (chi-square / k = 1
        // with sd sqrt(2 / k) <= 0.13 here): neither too far off nor suspiciously close
        assertTrue(worst < 5, "largest |z| " + worst + " of " + z.size());
        assertTrue(meanSquare > 0.5 && meanSquare < 1.6, "mean z^2 " + meanSquare + " over " + z.size() + " estimates");
    }

    /** Var(E estimated from N shots) = (1 - E^2) / N for each wire, independent between circuits and wires. */
    private static double[] weightStandardErrors(CircuitSpec exact, int circuits, double[] w, double[] x, int batch,
            double[] g, int shots) {
        int q = exact.qubits();
        int wc = exact.weightCount();
        double[] variance = new double[w.length];
        for (int k = 0; k < wc; k++) {
            for (double by : new double[] {Math.PI / 2, -Math.PI / 2}) {
                double[] shifted = w.clone();
                for (int c = 0; c < circuits; c++) {
                    shifted[c * wc + k] += by;
                }
                double[] e = Circuits.forward(Simulator.STATEVECTOR, exact, circuits, shifted, x, batch);
                for (int b = 0; b < batch; b++) {
                    for (int c = 0; c < circuits; c++) {
                        for (int j = 0; j < q; j++) {
                            int o = (b * circuits + c) * q + j;
                            variance[c * wc + k] += g[o] * g[o] * (1 - e[o] * e[o]) / shots / 4;
                        }
                    }
                }
            }
        }
        return sqrt(variance);
    }

    /** The angles' gradient estimates are independent; the input gradient is J^T of them. */
    private static double[] inputStandardErrors(CircuitSpec exact, int circuits, double[] w, double[] x, int batch,
            double[] g, int shots) {
        int q = exact.qubits();
        double[] variance = new double[x.length];
        if (exact.embedding() == Embedding.ANGLE) {
            for (int b = 0; b < batch; b++) {
                for (int wire = 0; wire < q; wire++) {
                    for (double by : new double[] {Math.PI / 2, -Math.PI / 2}) {
                        double[] shifted = x.clone();
                        for (int c = 0; c < circuits; c++) {
                            shifted[(b * circuits + c) * q + wire] += by;
                        }
                        double[] e = Circuits.forward(Simulator.STATEVECTOR, exact, circuits, w, shifted, batch);
                        for (int c = 0; c < circuits; c++) {
                            for (int j = 0; j < q; j++) {
                                int o = (b * circuits + c) * q + j;
                                variance[(b * circuits + c) * q + wire] += g[o] * g[o] * (1 - e[o] * e[o]) / shots / 4;
                            }
                        }
                    }
                }
            }
            return sqrt(variance);
        }
        int n = exact.dimension();
        int na = StatePreparation.angleCount(q);
        CircuitSpec one = exact;
        double[] wc = new double[one.weightCount()];
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < circuits; c++) {
                int xo = (b * circuits + c) * n;
                System.arraycopy(w, c * one.weightCount(), wc, 0, wc.length);
                double[] theta = new double[na];
                StatePreparation.angles(x, xo, q, theta);
                double[] varTheta = new double[na];
                for (int a = 0; a < na; a++) {
                    for (double by : new double[] {Math.PI / 2, -Math.PI / 2}) {
                        double[] t = theta.clone();
                        t[a] += by;
                        double[] state = new double[n];
                        StatePreparation.prepare(t, q, state);
                        double[] e = Circuits.forward(Simulator.STATEVECTOR, one, 1, wc, state, 1);
                        for (int j = 0; j < q; j++) {
                            double gj = g[(b * circuits + c) * q + j];
                            varTheta[a] += gj * gj * (1 - e[j] * e[j]) / shots / 4;
                        }
                    }
                }
                // column a of J^T is the input gradient of e_a
                double[] unitA = new double[na];
                double[] col = new double[n];
                for (int a = 0; a < na; a++) {
                    java.util.Arrays.fill(unitA, 0);
                    unitA[a] = 1;
                    StatePreparation.inputGradient(x, xo, q, unitA, col, 0);
                    for (int i = 0; i < n; i++) {
                        variance[xo + i] += col[i] * col[i] * varTheta[a];
                    }
                }
            }
        }
        return sqrt(variance);
    }

    private static double[] sqrt(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.sqrt(v[i]);
        }
        return r;
    }

    @Test
    void theLayerTrainsWithParameterShiftAndShots() {
        CircuitSpec spec = new CircuitSpec(2, 1, Embedding.AMPLITUDE, Pauli.Y, 200, NoiseModel.NONE,
                GradientMethod.PARAMETER_SHIFT);
        QuantumLayer layer = new QuantumLayer(spec, 1, Simulator.STATEVECTOR, 3);
        float[] x = {0.2f, -0.5f, 0.7f, 0.1f};
        float[] gradOut = {1, -1};
        double[] gp = new double[layer.parameters().length];
        layer.forward(x, 1);
        float[] gx = layer.backward(gradOut, gp);
        assertTrue(java.util.Arrays.stream(gp).anyMatch(v -> v != 0));
        assertTrue(gx.length == 4);
    }
}
