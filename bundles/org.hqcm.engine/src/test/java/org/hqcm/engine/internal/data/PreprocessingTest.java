package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PreprocessingTest {

    @Test
    void shrinkingAveragesAreas() {
        float[] src = {
            1, 3, 10, 10,
            5, 7, 10, 10,
            0, 0, 2, 2,
            0, 0, 2, 6};
        float[] out = Preprocessing.resize(src, 4, 4, 2, 2);
        assertArrayEquals(new float[] {4, 10, 0, 3}, out, 1e-6f);
    }

    @Test
    void shrinkingByANonIntegerFactorWeighsPartialPixels() {
        // 3 -> 2: output cell 0 covers input [0, 1.5): (1*a + 0.5*b) / 1.5
        float[] out = new float[2];
        Preprocessing.resample(new float[] {3, 6, 9}, 3, out, 2);
        assertEquals((3 + 0.5 * 6) / 1.5, out[0], 1e-5);
        assertEquals((0.5 * 6 + 9) / 1.5, out[1], 1e-5);
    }

    @Test
    void enlargingIsBilinearAndKeepsTheRange() {
        float[] out = new float[4];
        Preprocessing.resample(new float[] {0, 8}, 2, out, 4);
        // centres at -0.25, 0.25, 0.75, 1.25 in input pixels: clamped, 2, 6, clamped
        assertArrayEquals(new float[] {0, 2, 6, 8}, out, 1e-5f);
    }

    @Test
    void shrinkingOneAxisAndEnlargingTheOtherKeepsAConstantAndARampInOrder() {
        float[] flat = new float[7 * 5];
        java.util.Arrays.fill(flat, 3f);
        for (float v : Preprocessing.resize(flat, 7, 5, 3, 9)) {
            assertEquals(3f, v, 1e-5f);
        }
        float[] ramp = new float[7 * 5];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                ramp[y * 7 + x] = x + 10 * y;
            }
        }
        float[] out = Preprocessing.resize(ramp, 7, 5, 3, 9);
        for (int y = 0; y < 9; y++) {
            for (int x = 1; x < 3; x++) {
                assertTrue(out[y * 3 + x] > out[y * 3 + x - 1]);
            }
        }
        for (int x = 0; x < 3; x++) {
            for (int y = 1; y < 9; y++) {
                assertTrue(out[y * 3 + x] >= out[(y - 1) * 3 + x]);
            }
        }
    }

    @Test
    void masksUseNearestNeighbourAndStayBinary() {
        byte[] mask = {0, 0, 0, 0, 0, 5, 5, 0, 0, 5, 5, 0, 0, 0, 0, 0};
        byte[] up = Preprocessing.resizeMask(mask, 4, 4, 8, 8);
        for (byte b : up) {
            assertTrue(b == 0 || b == 1);
        }
        assertEquals(1, up[2 * 8 + 2]);
        assertEquals(0, up[0]);
        int ones = 0;
        for (byte b : up) {
            ones += b;
        }
        assertEquals(16, ones); // 2x2 block scaled by 2 in both axes
        byte[] down = Preprocessing.resizeMask(up, 8, 8, 4, 4);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0}, down);
    }

    @Test
    void minMaxScalesToUnitRangeAndAConstantImageBecomesZeros() {
        float[] img = {-2, 0, 2};
        Preprocessing.minMaxScaleInPlace(img);
        assertArrayEquals(new float[] {0, 0.5f, 1}, img, 1e-6f);
        float[] flat = {7, 7, 7, 7};
        Preprocessing.minMaxScaleInPlace(flat);
        assertArrayEquals(new float[4], flat);
    }

    @Test
    void aSampleOfAHealthyImageHasAnAllZeroMaskAndNonFiniteValuesAreRefused() {
        RawImage healthy = new RawImage(2, 2, new float[] {0, 1, 2, 3}, new byte[] {1, 1, 1, 1}, TumourClass.HEALTHY,
                null, null, GivenSplit.NONE);
        Sample s = Preprocessing.toSample(healthy, 4);
        assertEquals(0, s.maskPixelCount());
        assertArrayEquals(new byte[16], s.mask());
        assertEquals(1f, s.image()[15], 1e-4f);
        assertEquals(0f, s.image()[0], 1e-4f);
        assertNull(s.patientId());

        RawImage nan = new RawImage(1, 2, new float[] {0, Float.NaN}, null, TumourClass.GLIOMA, null, null,
                GivenSplit.NONE);
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.toSample(nan, 4));
    }

    @Test
    void samplesKeepPixelsToSixteenBits() {
        float[] img = new float[16];
        for (int i = 0; i < 16; i++) {
            img[i] = i / 15f;
        }
        Sample s = Sample.of(4, img, null, TumourClass.GLIOMA, "p", null, GivenSplit.NONE, 4, 4);
        assertArrayEquals(img, s.image(), 1e-5f);
        float[] batch = new float[20];
        s.copyImageInto(batch, 4);
        assertEquals(img[15], batch[19], 1e-5f);
    }
}
