package org.hqcm.engine.internal.data;

import java.io.IOException;

/**
 * The largest image a data file may declare (the experiment's {@code dataset.maxImagePixels}), checked against the
 * size in the file's header before any pixel is decoded, so that one hostile or broken file (a small PNG declaring
 * 40,000 x 40,000 pixels, a DICOM of 65,535 x 65,535) becomes a bad file with its size instead of an
 * OutOfMemoryError. Sizes are multiplied in longs with overflow checks: no size wraps round to a negative count.
 */
public final class PixelLimit {

    private PixelLimit() {
    }

    /**
     * Throws an IOException naming the declared size when {@code width x height x frames} exceeds {@code max} (or
     * any factor is below 1).
     *
     * @param what how the file names its sizes, e.g. "Rows x Columns x frames" or "width x height"
     */
    public static void check(String what, long width, long height, long frames, long max) throws IOException {
        String dims = frames == 1 ? width + " x " + height : width + " x " + height + " x " + frames;
        if (width < 1 || height < 1 || frames < 1) {
            throw new IOException("declares " + what + " = " + dims + ", expected positive sizes");
        }
        long pixels;
        try {
            pixels = Math.multiplyExact(Math.multiplyExact(width, height), frames);
        } catch (ArithmeticException e) {
            pixels = Long.MAX_VALUE;
        }
        if (pixels > max) {
            throw new IOException("declares " + what + " = " + dims + " = " + (pixels == Long.MAX_VALUE
                    ? "more than 2^63" : String.valueOf(pixels)) + " pixels, more than dataset.maxImagePixels = "
                    + max + "; not decoded");
        }
    }
}
