package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Dense arrays are read through their buffers; views, permuted ones included, in c order of their elements. */
    @Test
    void toDoublesAndToFloatsGiveTheElementsInCOrder() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, HostArrays.toDoubles(a));
        INDArray t = a.permute(1, 0);
        assertFalse(HostArrays.isDense(t), "a transposed view is not dense");
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, HostArrays.toDoubles(t));
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, HostArrays.toFloats(t));
        INDArray row = a.getRow(1);
        assertArrayEquals(new double[] {4, 5, 6}, HostArrays.toDoubles(row));
    }

    /** The first elements of a longer buffer read in c order; columns cut from a row-major matrix do not. */
    @Test
    void cOrderFromStartAllowsALongerBufferButNotGaps() {
        INDArray vector = Nd4j.createFromArray(new float[] {1, 2, 3, 4});
        INDArray start = vector.get(NDArrayIndex.interval(0, 2));
        assertTrue(HostArrays.isCOrderFromStart(start));
        assertFalse(HostArrays.isDense(start), "it does not own its buffer");
        INDArray matrix = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray columns = matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2));
        assertEquals(0, columns.offset());
        assertFalse(HostArrays.isCOrderFromStart(columns), "a row of 3 between rows of 2");
        assertTrue(HostArrays.isCOrderFromStart(Nd4j.create(DataType.FLOAT, 2, 3, 3, 1)));
    }
}
