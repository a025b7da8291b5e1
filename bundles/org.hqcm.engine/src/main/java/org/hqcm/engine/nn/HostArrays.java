package org.hqcm.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Bulk copies between Java arrays and contiguous ND4J arrays of either floating-point type. */
public final class HostArrays {
    private HostArrays() {
    }

    /** Copies {@code src} into the contiguous array {@code dst} (offset 0, c order), converting the type. */
    public static void copyIn(float[] src, INDArray dst) {
        copyIn(src, src.length, dst);
    }

    /** Copies the first {@code length} values of {@code src} into {@code dst} (offset 0, c order, that length). */
    public static void copyIn(float[] src, int length, INDArray dst) {
        requireDense(dst, length);
        if (dst.dataType() == DataType.FLOAT) {
            dst.data().asNioFloat().put(src, 0, length);
        } else {
            java.nio.DoubleBuffer b = dst.data().asNioDouble();
            for (int i = 0; i < length; i++) {
                b.put(i, src[i]);
            }
        }
    }

    /** Copies {@code src} into the contiguous array {@code dst} (offset 0, c order), converting the type. */
    public static void copyIn(double[] src, INDArray dst) {
        requireDense(dst, src.length);
        if (dst.dataType() == DataType.DOUBLE) {
            dst.data().asNioDouble().put(src, 0, src.length);
        } else {
            java.nio.FloatBuffer b = dst.data().asNioFloat();
            for (int i = 0; i < src.length; i++) {
                b.put(i, (float) src[i]);
            }
        }
    }

    /** The elements of {@code a} in c order as doubles. */
    public static double[] toDoubles(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    /** The elements of {@code a} in c order as floats. */
    public static float[] toFloats(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    private static void requireDense(INDArray dst, int length) {
        if (dst.offset() != 0 || dst.ordering() != 'c' || dst.length() != length || !dst.isR()) {
            throw new IllegalArgumentException("expected a dense c-order array of " + length
                    + " elements at offset 0, got " + dst.shapeInfoToString());
        }
    }
}
