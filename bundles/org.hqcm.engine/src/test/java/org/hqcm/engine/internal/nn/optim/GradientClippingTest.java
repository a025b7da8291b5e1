package org.hqcm.engine.internal.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientClippingTest {

    private static Parameter withGradient(String name, INDArray gradient) {
        Parameter p = new Parameter(name, gradient.ulike());
        p.gradient().assign(gradient);
        return p;
    }

    @Test
    void floatGradientsReadThroughTheirBuffersMatchNd4jsNorm() {
        Nd4j.getRandom().setSeed(3);
        INDArray big = Nd4j.rand(DataType.FLOAT, 300, 170).subi(0.5);
        INDArray small = Nd4j.rand(DataType.FLOAT, 7).subi(0.5);
        Parameter a = withGradient("a", big);
        Parameter b = withGradient("b", small);
        double expected = Math.sqrt(Math.pow(big.norm2Number().doubleValue(), 2) + Math.pow(small.norm2Number().doubleValue(), 2));
        double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0);
        assertEquals(expected, norm, expected * 1e-6);
        double c = 1.0 / (norm + 1e-6);
        float[] before = HostArrays.toFloats(big);
        float[] after = HostArrays.toFloats(a.gradient());
        for (int i = 0; i < before.length; i += 97) {
            assertEquals(before[i] * c, after[i], 1e-7);
        }
        assertEquals(1.0, Math.sqrt(Math.pow(a.gradient().norm2Number().doubleValue(), 2)
                + Math.pow(b.gradient().norm2Number().doubleValue(), 2)), 1e-5);
    }

    @Test
    void doubleGradientsAreScaledInPlace() {
        Parameter p = withGradient("d", Nd4j.create(new double[] {3, 4}, new long[] {2}, DataType.DOUBLE));
        double norm = GradientClipping.clipGlobalNorm(List.of(p), 1.0);
        assertEquals(5.0, norm, 1e-12);
        assertEquals(3 / (5 + 1e-6), p.gradient().getDouble(0), 1e-15);
        assertEquals(4 / (5 + 1e-6), p.gradient().getDouble(1), 1e-15);
    }

    @Test
    void aNonFiniteGradientGivesANonFiniteNorm() {
        Parameter p = withGradient("nan", Nd4j.create(new float[] {1f, Float.NaN, 2f}));
        assertEquals(true, Double.isNaN(GradientClipping.clipGlobalNorm(List.of(p), 1.0)));
    }
}
