package org.hqcm.engine.internal.nn.loss;

/**
 * Brings tumour masks from the image grid to the grid of the spatial attention map.
 *
 * <p>A cell of the coarse grid is tumour when any pixel of its factor x factor block is (max-pooling),
 * so that every tumour, however small, keeps at least one cell: with area > 0.5 a tumour smaller than
 * half a cell (8 x 8 pixels at the paper's sizes) would vanish from the target, and the attention loss
 * would teach the map to ignore it.
 */
public final class MaskGrid {
    private MaskGrid() {
    }

    /**
     * @param masks  n masks of size x size, row-major, non-zero = tumour
     * @param factor the downsampling factor (2^blocks); must divide size
     * @return n maps of (size/factor)^2 cells of 0 or 1
     */
    public static float[] maxPool(float[] masks, int n, int size, int factor) {
        if (size % factor != 0) {
            throw new IllegalArgumentException("mask size " + size + " is not a multiple of " + factor);
        }
        int cs = size / factor;
        float[] out = new float[n * cs * cs];
        for (int img = 0; img < n; img++) {
            int base = img * size * size;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (masks[base + y * size + x] != 0f) {
                        out[img * cs * cs + (y / factor) * cs + x / factor] = 1f;
                    }
                }
            }
        }
        return out;
    }
}
