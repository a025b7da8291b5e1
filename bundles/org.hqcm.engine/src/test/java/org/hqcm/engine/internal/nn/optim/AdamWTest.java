package org.hqcm.engine.internal.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class AdamWTest {

    private static Parameter param(String name, double[] value, double[] grad) {
        Parameter p = new Parameter(name, Nd4j.createFromArray(value.clone()));
        HostArrays.copyIn(grad, p.gradient());
        return p;
    }

    @Test
    void firstStepMovesEachWeightByTheLearningRateAgainstItsGradient() {
        double lr = 0.01;
        double wd = 0.1;
        Parameter p = param("w", new double[] {1.0, -2.0, 0.5}, new double[] {0.3, -4.0, 1e-3});
        new AdamW(lr, 0.9, 0.999, 1e-12, wd).step(List.of(p));
        double[] v = HostArrays.toDoubles(p.value());
        // bias-corrected m / sqrt(v) = sign(g) on the first step; decay is decoupled: p * (1 - lr * wd)
        assertEquals(1.0 * (1 - lr * wd) - lr, v[0], 1e-9);
        assertEquals(-2.0 * (1 - lr * wd) + lr, v[1], 1e-9);
        assertEquals(0.5 * (1 - lr * wd) - lr, v[2], 1e-9);
    }

    @Test
    void matchesPyTorchsAlgorithmOverSeveralStepsAndLearningRateChanges() {
        double b1 = 0.9;
        double b2 = 0.99;
        double eps = 1e-8;
        double wd = 0.05;
        double[] lrs = {0.1, 0.1, 0.05, 0.05};
        double[][] grads = {{0.5, -1.0}, {0.2, 0.3}, {-0.7, 0.1}, {0.05, -0.2}};
        double[] ref = {0.3, -0.6};
        double[] m = new double[2];
        double[] s = new double[2];
        Parameter p = param("w", ref, grads[0]);
        AdamW adam = new AdamW(lrs[0], b1, b2, eps, wd);
        for (int t = 1; t <= grads.length; t++) {
            double lr = lrs[t - 1];
            adam.setLearningRate(lr);
            HostArrays.copyIn(grads[t - 1], p.gradient());
            adam.step(List.of(p));
            for (int i = 0; i < 2; i++) { // torch.optim.AdamW, amsgrad=False
                double g = grads[t - 1][i];
                ref[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g;
                s[i] = b2 * s[i] + (1 - b2) * g * g;
                double denom = Math.sqrt(s[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                ref[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / denom;
            }
            double[] v = HostArrays.toDoubles(p.value());
            assertEquals(ref[0], v[0], 1e-12, "step " + t);
            assertEquals(ref[1], v[1], 1e-12, "step " + t);
        }
    }

    @Test
    void floatParametersGetTheSameUpdateRoundedToFloat() {
        double[] start = {0.3, -0.6, 2};
        double[] grad = {0.5, -1.0, 0.25};
        Parameter d = param("w", start, grad);
        Parameter f = new Parameter("w", Nd4j.createFromArray(new float[] {0.3f, -0.6f, 2f}));
        HostArrays.copyIn(grad, f.gradient());
        new AdamW(0.05, 0.9, 0.999, 1e-8, 0.01).step(List.of(d));
        new AdamW(0.05, 0.9, 0.999, 1e-8, 0.01).step(List.of(f));
        for (int i = 0; i < 3; i++) {
            assertEquals(d.value().getDouble(i), f.value().getDouble(i), 1e-6);
        }
    }

    @Test
    void exportedStateContinuesIdentically() {
        Parameter a = param("w", new double[] {0.3, -0.6, 2}, new double[] {0.5, -1.0, 0.25});
        AdamW first = new AdamW(0.05, 0.9, 0.999, 1e-8, 0.01);
        first.step(List.of(a));
        first.step(List.of(a));
        Map<String, double[]> state = first.exportState();
        Parameter b = param("w", HostArrays.toDoubles(a.value()), new double[] {0.5, -1.0, 0.25});
        AdamW second = new AdamW(1.0, 0.9, 0.999, 1e-8, 0.01);
        second.importState(state, List.of(b));
        assertEquals(2, second.steps());
        assertEquals(0.05, second.learningRate());
        first.step(List.of(a));
        second.step(List.of(b));
        double[] va = HostArrays.toDoubles(a.value());
        double[] vb = HostArrays.toDoubles(b.value());
        for (int i = 0; i < 3; i++) {
            assertEquals(va[i], vb[i], 0.0);
        }
    }

    @Test
    void clippingScalesAllGradientsByTheirJointNorm() {
        Parameter a = param("a", new double[] {0, 0}, new double[] {3, 0});
        Parameter b = param("b", new double[] {0}, new double[] {4});
        double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0);
        assertEquals(5.0, norm, 1e-12);
        assertEquals(3 / (5 + 1e-6), a.gradient().getDouble(0), 1e-12);
        assertEquals(4 / (5 + 1e-6), b.gradient().getDouble(0), 1e-12);
        double small = GradientClipping.clipGlobalNorm(List.of(a, b), 10.0);
        assertEquals(5 / (5 + 1e-6), small, 1e-9);
        assertEquals(3 / (5 + 1e-6), a.gradient().getDouble(0), 1e-12); // unchanged below the limit
    }

    /** A float parameter of several chunks (updated on several threads) gets exactly the one-loop update, bit for bit. */
    @Test
    void largeFloatParametersGetTheSameBitsAsOneLoop() {
        int size = 3 * (1 << 15) + 7;
        java.util.Random r = new java.util.Random(3);
        float[] value = new float[size];
        float[] grad = new float[size];
        for (int i = 0; i < size; i++) {
            value[i] = (float) r.nextGaussian();
            grad[i] = (float) r.nextGaussian();
        }
        Parameter p = new Parameter("big", Nd4j.createFromArray(value.clone()));
        HostArrays.copyIn(grad, p.gradient());
        double lr = 1e-3;
        double wd = 1e-2;
        AdamW adam = new AdamW(lr, 0.9, 0.999, 1e-8, wd);
        adam.step(List.of(p));
        adam.step(List.of(p));
        float[] actual = p.value().data().asFloat();
        double[] m = new double[size];
        double[] v = new double[size];
        for (int t = 1; t <= 2; t++) {
            double c1 = 1 - Math.pow(0.9, t);
            double sqrtC2 = Math.sqrt(1 - Math.pow(0.999, t));
            for (int i = 0; i < size; i++) {
                double g = grad[i];
                m[i] = 0.9 * m[i] + (1 - 0.9) * g;
                v[i] = 0.999 * v[i] + (1 - 0.999) * g * g;
                value[i] = (float) (value[i] * (1 - lr * wd) - lr / c1 * m[i] / (Math.sqrt(v[i]) / sqrtC2 + 1e-8));
            }
        }
        for (int i = 0; i < size; i++) {
            assertEquals(Float.floatToIntBits(value[i]), Float.floatToIntBits(actual[i]), "value " + i);
        }
    }
}
