package org.hqcm.engine.internal.data.synth;

/**
 * One generated slice.
 *
 * @param size side length in pixels
 * @param image {@code size * size} intensities, row-major, about [0, 1.3] (not yet min-max scaled)
 * @param mask {@code size * size}: 1 exactly where tumour was painted, else 0
 */
public record PhantomSlice(int size, float[] image, byte[] mask) {
}
