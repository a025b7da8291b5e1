package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final int N = 24;

    /** A tumour-like blob off centre: the image equals its mask. */
    private static byte[] blob() {
        byte[] m = new byte[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                if ((x - 15) * (x - 15) + (y - 7) * (y - 7) < 16 || (x > 3 && x < 8 && y > 12 && y < 20)) {
                    m[y * N + x] = 1;
                }
            }
        }
        return m;
    }

    private static float[] asImage(byte[] mask) {
        float[] f = new float[mask.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = mask[i];
        }
        return f;
    }

    private static byte[] threshold(float[] img) {
        byte[] b = new byte[img.length];
        for (int i = 0; i < img.length; i++) {
            b[i] = img[i] >= 0.5f ? (byte) 1 : 0;
        }
        return b;
    }

    @Test
    void flipsMoveImageAndMaskIdentically() {
        byte[] mask = blob();
        for (boolean h : new boolean[] {false, true}) {
            for (boolean v : new boolean[] {false, true}) {
                Augmenter.Augmented a = Augmenter.apply(asImage(mask), mask, N, new Augmenter.Transform(0, h, v));
                assertArrayEquals(a.mask(), threshold(a.image()), "flipH " + h + " flipV " + v);
            }
        }
        Augmenter.Augmented hflip = Augmenter.apply(asImage(mask), mask, N, new Augmenter.Transform(0, true, false));
        assertEquals(mask[7 * N + 15], hflip.mask()[7 * N + (N - 1 - 15)]);
    }

    @Test
    void rotationsMoveImageAndMaskTogether() {
        byte[] mask = blob();
        Augmenter aug = new Augmenter(30, true, true, 9);
        for (long key = 0; key < 20; key++) {
            Augmenter.Augmented a = aug.augment(asImage(mask), mask, N, key);
            byte[] t = threshold(a.image());
            int differ = 0;
            int tumour = 0;
            for (int i = 0; i < t.length; i++) {
                differ += t[i] != a.mask()[i] ? 1 : 0;
                tumour += a.mask()[i];
            }
            // bilinear-then-threshold and nearest neighbour may disagree only on a few edge pixels
            assertTrue(differ <= Math.max(2, tumour / 6), "key " + key + ": " + differ + " of " + tumour + " differ");
            assertTrue(tumour > 30, "the tumour stays in the frame");
        }
    }

    @Test
    void theTransformDependsOnlyOnSeedAndKey() {
        Augmenter a = new Augmenter(20, true, true, 1);
        assertEquals(a.transformFor(5), new Augmenter(20, true, true, 1).transformFor(5));
        assertFalse(a.transformFor(5).equals(a.transformFor(6)) && a.transformFor(6).equals(a.transformFor(7)));
        Augmenter.Transform t = a.transformFor(5);
        assertTrue(Math.abs(Math.toDegrees(t.angleRadians())) <= 20);
        assertTrue(new Augmenter(0, false, false, 1).transformFor(3).isIdentity());
    }
}
