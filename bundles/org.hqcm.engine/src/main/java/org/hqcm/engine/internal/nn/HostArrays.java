package org.hqcm.engine.internal.nn;

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

    /** The elements of {@code a} in c order as doubles; a dense array is read through its buffer, without a copy. */
    public static double[] toDoubles(INDArray a) {
        return (isDense(a) ? a : a.dup('c')).data().asDouble();
    }

    /** The elements of {@code a} in c order as floats; a dense array is read through its buffer, without a copy. */
    public static float[] toFloats(INDArray a) {
        return (isDense(a) ? a : a.dup('c')).data().asFloat();
    }

    /**
     * Whether {@code a} is a float or double array that owns its whole buffer in c order from offset 0,
     * so that its native buffer can be read and written as a plain Java buffer.
     */
    public static boolean isDense(INDArray a) {
        DataType t = a.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && isCOrderFromStart(a) && a.data().length() == a.length();
    }

    /**
     * Whether the elements of {@code a} are the first {@code a.length()} values of its buffer, in c order: offset 0
     * and c-order strides. A dimension of size 1 may have any stride (ND4J gives the network's [N, S, S, 1] images
     * such strides); the buffer may be longer than the array (a view at the start of a shared buffer). ND4J's ordering
     * flag is not read: it calls a vector's view 'f' with stride 1.
     */
    public static boolean isCOrderFromStart(INDArray a) {
        if (a.offset() != 0) {
            return false;
        }
        long expected = 1;
        for (int d = a.rank() - 1; d >= 0; d--) {
            if (a.size(d) != 1 && a.stride(d) != expected) {
                return false;
            }
            expected *= a.size(d);
        }
        return true;
    }

    /**
     * The first non-finite element of {@code a} (NaN or infinite), or 0 when all are finite. Dense arrays are
     * scanned through their buffers: one ND4J reduction per parameter per step costs more than the scan.
     */
    public static double firstNonFinite(INDArray a) {
        if (!isDense(a)) {
            double sum = a.sumNumber().doubleValue();
            return Double.isFinite(sum) ? 0 : sum;
        }
        int size = Math.toIntExact(a.length());
        if (a.dataType() == DataType.FLOAT) {
            java.nio.FloatBuffer b = a.data().asNioFloat();
            for (int i = 0; i < size; i++) {
                float v = b.get(i);
                if (!Float.isFinite(v)) {
                    return v;
                }
            }
        } else {
            java.nio.DoubleBuffer b = a.data().asNioDouble();
            for (int i = 0; i < size; i++) {
                double v = b.get(i);
                if (!Double.isFinite(v)) {
                    return v;
                }
            }
        }
        return 0;
    }

    private static void requireDense(INDArray dst, int length) {
        if (dst.offset() != 0 || dst.ordering() != 'c' || dst.length() != length || !dst.isR()) {
            throw new IllegalArgumentException("expected a dense c-order array of " + length
                    + " elements at offset 0, got " + dst.shapeInfoToString());
        }
    }
}
