package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostArraysTest {

    @Test
    void firstNonFiniteFindsNanAndInfinityInEitherType() {
        assertEquals(0.0, HostArrays.firstNonFinite(Nd4j.create(new float[] {1f, -2f, 3e38f})));
        assertTrue(Double.isNaN(HostArrays.firstNonFinite(Nd4j.create(new float[] {1f, Float.NaN, 2f}))));
        assertEquals(Double.NEGATIVE_INFINITY,
                HostArrays.firstNonFinite(Nd4j.create(new double[] {0, Double.NEGATIVE_INFINITY}, new long[] {2}, DataType.DOUBLE)));
    }

    @Test
    void aViewIsCheckedOverItsOwnElementsOnly() {
        INDArray backing = Nd4j.create(new float[] {Float.NaN, 1f, 2f, Float.POSITIVE_INFINITY});
        INDArray inner = backing.get(NDArrayIndex.interval(1, 3));
        assertEquals(false, HostArrays.isDense(inner));
        assertEquals(0.0, HostArrays.firstNonFinite(inner));
        assertEquals(Double.POSITIVE_INFINITY, HostArrays.firstNonFinite(backing.get(NDArrayIndex.interval(2, 4))));
    }
}
