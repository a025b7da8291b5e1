package org.hqcm.ui.internal.compare;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.hqcm.engine.plot.Colormap;

/**
 * Test images as SWT image data at a given size: the grey input, the mask, and the input with T_s laid over it in
 * the jet colours at 45% opacity, as the engine's attention overlays ({@code plot.AttentionOverlay}) draw them, so
 * the drill-down and the report look alike. Bilinear sampling: a 16 px map over a 128 px image reads as a smooth
 * field, not blocks.
 */
final class TestImageRendering {

    static final double OVERLAY_ALPHA = 0.45;

    private TestImageRendering() {
    }

    static ImageData grey(float[][] grid, int size) {
        return render(grid, null, size);
    }

    /** {@code map} over {@code image}; the image alone when there is no map. */
    static ImageData overlay(float[][] image, float[][] map, int size) {
        return render(image, map, size);
    }

    private static ImageData render(float[][] image, float[][] map, int size) {
        ImageData data = new ImageData(size, size, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double g = clamp(sample(image, y, x, size));
                double r = g;
                double gr = g;
                double b = g;
                if (map != null) {
                    int jet = Colormap.JET.rgb(clamp(sample(map, y, x, size)));
                    r = (1 - OVERLAY_ALPHA) * g + OVERLAY_ALPHA * ((jet >> 16) & 0xFF) / 255.0;
                    gr = (1 - OVERLAY_ALPHA) * g + OVERLAY_ALPHA * ((jet >> 8) & 0xFF) / 255.0;
                    b = (1 - OVERLAY_ALPHA) * g + OVERLAY_ALPHA * (jet & 0xFF) / 255.0;
                }
                data.setPixel(x, y, (byte8(r) << 16) | (byte8(gr) << 8) | byte8(b));
            }
        }
        return data;
    }

    /** The grid's value at the centre of output pixel (y, x) of a size x size picture. */
    static double sample(float[][] grid, int y, int x, int size) {
        int n = grid.length;
        double gy = Math.max(0, Math.min(n - 1, (y + 0.5) * n / size - 0.5));
        double gx = Math.max(0, Math.min(n - 1, (x + 0.5) * n / size - 0.5));
        int y0 = (int) gy;
        int x0 = (int) gx;
        int y1 = Math.min(n - 1, y0 + 1);
        int x1 = Math.min(n - 1, x0 + 1);
        double fy = gy - y0;
        double fx = gx - x0;
        return (1 - fy) * ((1 - fx) * grid[y0][x0] + fx * grid[y0][x1]) + fy * ((1 - fx) * grid[y1][x0] + fx * grid[y1][x1]);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static int byte8(double v) {
        return (int) Math.round(clamp(v) * 255);
    }
}
