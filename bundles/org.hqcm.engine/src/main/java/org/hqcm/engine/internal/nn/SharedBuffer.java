package org.hqcm.engine.internal.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One native buffer, used through views of any shape that fits: as scratch space that several layers
 * use in turn, or as a layer's own storage that only grows, so that batches of other sizes reuse it. Fresh native allocations of activation size cost page faults at every step; reusing one
 * buffer is what made the hand-written backbone fast (glibc maps activation-sized allocations fresh at every op;
 * with buffers reused the paper's backbone took ~300 ms per step at 64 px, ~550-630 ms as the best SameDiff graph).
 */
final class SharedBuffer {
    private final DataType dataType;
    private INDArray flat;

    SharedBuffer(DataType dataType) {
        this.dataType = dataType;
    }

    /** Makes sure views of up to {@code length} elements can be taken; invalidates earlier views when it grows. */
    void reserve(long length) {
        if (flat == null || flat.length() < length) {
            flat = Nd4j.create(dataType, length);
        }
    }

    long capacity() {
        return flat == null ? 0 : flat.length();
    }

    /** A c-order view of the first elements of the buffer, shaped {@code shape}; contents are undefined. */
    INDArray view(long... shape) {
        long length = 1;
        for (long s : shape) {
            length *= s;
        }
        if (flat == null || flat.length() < length) {
            throw new IllegalStateException("shared buffer too small for " + length + " elements; reserve first");
        }
        return flat.get(NDArrayIndex.interval(0, length)).reshape('c', shape);
    }

    /** A view filled with ones (the caller must not write into it). */
    static SharedBuffer ones(DataType dataType, long length) {
        SharedBuffer b = new SharedBuffer(dataType);
        b.reserve(length);
        b.flat.assign(1.0);
        return b;
    }
}
