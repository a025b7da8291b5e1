package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adjoint gradients against central finite differences of the double-precision forward pass. */
class GradientTest {

    private static final double H = 1e-5;

    @ParameterizedTest
    @CsvSource({"1,1,AMPLITUDE,Y", "2,2,AMPLITUDE,Y", "3,2,AMPLITUDE,X", "4,3,AMPLITUDE,Z", "3,2,ANGLE,Y",
        "2,2,ANGLE,X", "4,2,ANGLE,Z", "5,2,AMPLITUDE,Y"})
    void weightAndInputGradientsMatchCentralDifferences(int q, int layers, Embedding embedding, Pauli pauli) {
        CircuitSpec spec = new CircuitSpec(q, layers, embedding, pauli, 0);
        SplittableRandom random = new SplittableRandom(q * 31 + layers);
        int circuits = 2;
        int batch = 3;
        double[] w = Circuits.uniform(random, circuits * spec.weightCount(), 0, 2 * Math.PI);
        double[] x = Circuits.uniform(random, batch * circuits * spec.inputWidth(), -1, 1);
        double[] g = Circuits.uniform(random, batch * circuits * q, -1, 1);

        CircuitEvaluator ev = Simulator.STATEVECTOR.evaluator(spec, circuits);
        ev.forward(x, batch, w, new double[g.length]);
        double[] gradIn = new double[x.length];
        double[] gradW = new double[w.length];
        java.util.Arrays.fill(gradW, 0.25); // backward adds
        ev.backward(g, gradIn, gradW);

        double scale = 0;
        for (int i = 0; i < w.length; i++) {
            scale = Math.max(scale, Math.abs(gradW[i] - 0.25));
        }
        for (int i = 0; i < w.length; i++) {
            double fd = centralDifference(w, i, () -> loss(ev, x, batch, w, g));
            assertEquals(fd, gradW[i] - 0.25, 1e-7 * Math.max(Math.abs(fd), scale), "weight " + i);
        }
        for (int i = 0; i < x.length; i++) {
            double fd = centralDifference(x, i, () -> loss(ev, x, batch, w, g));
            assertEquals(fd, gradIn[i], 1e-7 * Math.max(Math.abs(fd), 1e-2), "input " + i);
        }
    }

    /** (f(v + h e_i) - f(v - h e_i)) / 2h, leaving v as it was. */
    static double centralDifference(double[] v, int i, java.util.function.DoubleSupplier f) {
        double saved = v[i];
        v[i] = saved + H;
        double up = f.getAsDouble();
        v[i] = saved - H;
        double down = f.getAsDouble();
        v[i] = saved;
        return (up - down) / (2 * H);
    }

    static double loss(CircuitEvaluator ev, double[] x, int batch, double[] w, double[] g) {
        double[] out = new double[g.length];
        ev.forward(x, batch, w, out);
        double l = 0;
        for (int i = 0; i < out.length; i++) {
            l += g[i] * out[i];
        }
        return l;
    }
}
