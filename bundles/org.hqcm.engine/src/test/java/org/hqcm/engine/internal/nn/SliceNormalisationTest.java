package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the normalisation does to values; its gradient is checked with every layer's in {@link LayerGradientTest}. */
class SliceNormalisationTest {

    private static INDArray matrix(double[] values, int rows) {
        return Nd4j.create(values, new long[] {rows, values.length / rows}, DataType.DOUBLE);
    }

    @Test
    void everySliceHasUnitNormAndAZeroSliceStaysZero() {
        SliceNormalisation norm = new SliceNormalisation(2, 4);
        double[] u = HostArrays.toDoubles(norm.forward(matrix(new double[] {3, 4, 0, 0, 1, -1, 1, -1}, 2), true));
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

    /** The rule is HqcmConstraints', and so is the wording. */
    @Test
    void slicesThatDoNotDivideTheWidthAreRefusedAsValidationWordsIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SliceNormalisation(7, 160));
        assertEquals("architecture.head.normalizedSlices: 7 is not allowed; expected 0 (none) or a divisor of the "
                + "projection width 160", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SliceNormalisation(4, 6));
        assertThrows(IllegalArgumentException.class,
                () -> new SliceNormalisation(2, 4).forward(matrix(new double[6], 1), true));
    }
}
