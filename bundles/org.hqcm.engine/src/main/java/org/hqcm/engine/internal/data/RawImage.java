package org.hqcm.engine.internal.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image as a reader found it, before resizing and scaling: raw pixel values (after any rescale the format
 * defines), row-major, and a tumour mask of the same size or null where the source has none.
 *
 * @param width pixels per row
 * @param height rows
 * @param pixels {@code width * height} raw values, row-major
 * @param mask {@code width * height} values, non-zero inside the tumour, or null when the source has no mask
 * @param tumourClass the class
 * @param patientId the patient, or null where unknown
 * @param file the file read, or null for generated images
 * @param givenSplit the split the source's own layout put it in
 */
public record RawImage(int width, int height, float[] pixels, byte[] mask, TumourClass tumourClass,
        String patientId, Path file, GivenSplit givenSplit) {

    public RawImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height);
        }
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
        }
        if (mask != null && mask.length != width * height) {
            throw new IllegalArgumentException(mask.length + " mask values for " + width + "x" + height);
        }
        Objects.requireNonNull(tumourClass, "tumourClass");
        Objects.requireNonNull(givenSplit, "givenSplit");
    }
}
