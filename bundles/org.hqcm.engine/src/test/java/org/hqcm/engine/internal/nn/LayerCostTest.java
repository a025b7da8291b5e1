package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Layer costs against counts worked out by hand. */
class LayerCostTest {

    /**
     * 2 images of 4x4, 3 -> 5 channels: the convolution 2*2*16*3*5*9 = 8640 operations and BatchNorm/ReLU/pooling
     * 6*2*16*5 = 960; reads 2*16*3 inputs and 9*3*5 + 2*5 parameters, writes the pooled 2*2*2*5 (floats).
     */
    @Test
    void convBlock() {
        LayerCost c = new ConvBlock("block2", DataType.FLOAT, 3, 5, 4, new Scratch(DataType.FLOAT)).cost(2);
        assertEquals(9600, c.forwardFlops(), 1e-9);
        assertEquals(19200, c.backwardFlops(), 1e-9);
        assertEquals(4 * (96 + 145 + 40), c.forwardBytes(), 1e-9);
        // dOut, the kept input, parameters read and their gradients written, the input's gradient written
        assertEquals(4 * (40 + 96 + 2 * 145 + 96), c.backwardBytes(), 1e-9);
    }

    /** The first block computes no input gradient: its backward pass is the weight gradient alone. */
    @Test
    void patchBlock() {
        LayerCost c = new PatchBlock("block1", DataType.FLOAT, 4, 8).cost(3);
        double pixels = 3 * 64;
        assertEquals(2 * pixels * 4 * 9 + 6 * pixels * 4, c.forwardFlops(), 1e-9);
        assertEquals(c.forwardFlops(), c.backwardFlops(), 1e-9);
        assertEquals(4 * (pixels + 9 * 4 + 8 + pixels / 4 * 4), c.forwardBytes(), 1e-9);
    }

    /** 7 rows of 10 -> 3 in doubles: 2*7*10*3 operations, 8 bytes a value. */
    @Test
    void dense() {
        LayerCost c = new Dense("projection", DataType.DOUBLE, 10, 3).cost(7);
        assertEquals(420, c.forwardFlops(), 1e-9);
        assertEquals(840, c.backwardFlops(), 1e-9);
        assertEquals(8 * (70 + 33 + 21), c.forwardBytes(), 1e-9);
    }
}
