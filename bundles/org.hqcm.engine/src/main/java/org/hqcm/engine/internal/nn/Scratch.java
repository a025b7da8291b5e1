package org.hqcm.engine.internal.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scratch space the backbone blocks use in turn (two activation-sized buffers) and a row of ones for their
 * per-channel sums. One per network: the blocks run one after another, so one block's scratch is free for the next.
 */
final class Scratch {
    private final DataType dataType;
    final SharedBuffer a;
    final SharedBuffer b;
    private SharedBuffer ones;

    Scratch(DataType dataType) {
        this.dataType = dataType;
        a = new SharedBuffer(dataType);
        b = new SharedBuffer(dataType);
    }

    /** Makes sure both buffers hold {@code length} elements. */
    void reserve(long length) {
        a.reserve(length);
        b.reserve(length);
    }

    /** A [1, length] row of ones (the caller must not write into it). */
    INDArray ones(long length) {
        if (ones == null || ones.capacity() < length) {
            ones = SharedBuffer.ones(dataType, length);
        }
        return ones.view(1, length);
    }
}
