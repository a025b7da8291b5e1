package org.hqcm.engine.internal.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One preprocessed image: {@code size x size}, min-max scaled to [0, 1], with a binary tumour mask
 * (all zero for a healthy image). Immutable.
 *
 * <p>Pixels are kept as 16-bit fractions of [0, 1] (error below 1e-5) and the mask as one byte per pixel, or
 * nothing when it is empty: 7,576 images of 128 x 128 then take about 0.4 GB instead of 0.75 GB as floats.
 */
public final class Sample {
    private static final float SCALE = 65535f;

    private final int size;
    private final char[] pixels;
    private final byte[] mask;
    private final int maskPixels;
    private final TumourClass tumourClass;
    private final String patientId;
    private final Path source;
    private final GivenSplit givenSplit;
    private final int originalWidth;
    private final int originalHeight;

    private Sample(int size, char[] pixels, byte[] mask, int maskPixels, TumourClass tumourClass, String patientId,
            Path source, GivenSplit givenSplit, int originalWidth, int originalHeight) {
        this.size = size;
        this.pixels = pixels;
        this.mask = mask;
        this.maskPixels = maskPixels;
        this.tumourClass = tumourClass;
        this.patientId = patientId;
        this.source = source;
        this.givenSplit = givenSplit;
        this.originalWidth = originalWidth;
        this.originalHeight = originalHeight;
    }

    /**
     * Builds a sample from an image already scaled to [0, 1] (values outside are clamped) and a mask
     * (non-zero = tumour; null = none). The arrays are copied.
     */
    public static Sample of(int size, float[] image, byte[] mask, TumourClass tumourClass, String patientId,
            Path source, GivenSplit givenSplit, int originalWidth, int originalHeight) {
        int n = size * size;
        if (image.length != n) {
            throw new IllegalArgumentException(image.length + " pixels for size " + size);
        }
        if (mask != null && mask.length != n) {
            throw new IllegalArgumentException(mask.length + " mask values for size " + size);
        }
        char[] px = new char[n];
        for (int i = 0; i < n; i++) {
            float v = image[i];
            v = v > 1f ? 1f : (v >= 0f ? v : 0f); // NaN -> 0
            px[i] = (char) Math.round(v * SCALE);
        }
        byte[] m = null;
        int count = 0;
        if (mask != null) {
            for (byte b : mask) {
                if (b != 0) {
                    count++;
                }
            }
            if (count > 0) {
                m = new byte[n];
                for (int i = 0; i < n; i++) {
                    m[i] = mask[i] != 0 ? (byte) 1 : 0;
                }
            }
        }
        return new Sample(size, px, m, count, Objects.requireNonNull(tumourClass), patientId, source,
                Objects.requireNonNull(givenSplit), originalWidth, originalHeight);
    }

    /** Side length in pixels. */
    public int size() {
        return size;
    }

    /** A fresh copy of the image, row-major, values in [0, 1]. */
    public float[] image() {
        float[] out = new float[pixels.length];
        copyImageInto(out, 0);
        return out;
    }

    /** Writes the image into {@code dst} from {@code offset}, without allocating (for batches). */
    public void copyImageInto(float[] dst, int offset) {
        for (int i = 0; i < pixels.length; i++) {
            dst[offset + i] = pixels[i] / SCALE;
        }
    }

    /** The value of one pixel in [0, 1]. */
    public float pixel(int row, int col) {
        return pixels[row * size + col] / SCALE;
    }

    /** A fresh copy of the mask: 1 inside the tumour, 0 elsewhere (all zero without a tumour). */
    public byte[] mask() {
        return mask == null ? new byte[pixels.length] : mask.clone();
    }

    /** Writes the mask as 0/1 floats into {@code dst} from {@code offset}. */
    public void copyMaskInto(float[] dst, int offset) {
        if (mask == null) {
            Arrays.fill(dst, offset, offset + pixels.length, 0f);
            return;
        }
        for (int i = 0; i < mask.length; i++) {
            dst[offset + i] = mask[i];
        }
    }

    /** Number of tumour pixels in the mask. */
    public int maskPixelCount() {
        return maskPixels;
    }

    public TumourClass tumourClass() {
        return tumourClass;
    }

    /** The label 0..3. */
    public int label() {
        return tumourClass.label();
    }

    /** The patient, or null where unknown. */
    public String patientId() {
        return patientId;
    }

    /** The file it was read from, or null for a generated image. */
    public Path source() {
        return source;
    }

    public GivenSplit givenSplit() {
        return givenSplit;
    }

    public int originalWidth() {
        return originalWidth;
    }

    public int originalHeight() {
        return originalHeight;
    }

    /** A 64-bit hash of the stored pixels (FNV-1a over the 16-bit values); equal pixels give equal hashes. */
    long pixelHash() {
        long h = 0xCBF29CE484222325L;
        for (char c : pixels) {
            h = (h ^ c) * 0x100000001B3L;
        }
        return h;
    }

    /** Whether {@code other} has the very same stored pixels. */
    boolean samePixels(Sample other) {
        return Arrays.equals(pixels, other.pixels);
    }

    /** Appends the stored bytes (pixels big-endian, then mask) to a digest-like sink; used by the fingerprint. */
    void writeBytes(java.security.MessageDigest digest) {
        byte[] buf = new byte[pixels.length * 2];
        for (int i = 0; i < pixels.length; i++) {
            buf[2 * i] = (byte) (pixels[i] >>> 8);
            buf[2 * i + 1] = (byte) pixels[i];
        }
        digest.update(buf);
        digest.update(mask == null ? new byte[pixels.length] : mask);
    }
}
