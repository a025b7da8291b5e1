package org.hqcm.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SliceNormalisationTest {

    private static INDArray matrix(double[] values, int rows) {
        return Nd4j.create(values, new long[] {rows, values.length / rows}, DataType.DOUBLE);
    }

    @Test
    void everySliceHasUnitNormAndAZeroSliceStaysZero() {
        SliceNormalisation norm = new SliceNormalisation(2);
        double[] u = HostArrays.toDoubles(norm.forward(matrix(new double[] {3, 4, 0, 0, 1, -1, 1, -1}, 2)));
        assertEquals(0.6, u[0], 1e-15);
        assertEquals(0.8, u[1], 1e-15);
        assertEquals(0.0, u[2]);
        assertEquals(0.0, u[3]);
        assertEquals(1.0, u[4] * u[4] + u[5] * u[5], 1e-15);
        assertEquals(-Math.sqrt(0.5), u[7], 1e-15);
        double[] dz = HostArrays.toDoubles(norm.backward(matrix(new double[] {1, 1, 5, -5, 0, 0, 0, 0}, 2)));
        assertEquals(0.0, dz[2]);
        assertEquals(0.0, dz[3]);
    }

    @Test
    void backwardMatchesCentralDifferences() {
        Random r = new Random(5);
        double[] z = new double[3 * 6];
        double[] weights = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = r.nextGaussian();
            weights[i] = r.nextGaussian();
        }
        SliceNormalisation norm = new SliceNormalisation(3);
        norm.forward(matrix(z, 3));
        double[] analytic = HostArrays.toDoubles(norm.backward(matrix(weights, 3)));
        double h = 1e-6;
        for (int i = 0; i < z.length; i++) {
            double keep = z[i];
            z[i] = keep + h;
            double up = dot(HostArrays.toDoubles(new SliceNormalisation(3).forward(matrix(z, 3))), weights);
            z[i] = keep - h;
            double down = dot(HostArrays.toDoubles(new SliceNormalisation(3).forward(matrix(z, 3))), weights);
            z[i] = keep;
            assertEquals((up - down) / (2 * h), analytic[i], 1e-8, "dz[" + i + "]");
        }
    }

    @Test
    void aWidthThatDoesNotSplitEvenlyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SliceNormalisation(4).forward(matrix(new double[6], 1)));
        assertThrows(IllegalArgumentException.class,
                () -> new HeadConfig.Classical(160, 25, Activation.RELU, 7));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
