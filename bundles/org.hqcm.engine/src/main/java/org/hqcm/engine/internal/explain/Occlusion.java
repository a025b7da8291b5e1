package org.hqcm.engine.internal.explain;

import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.loss.Softmax;

/**
 * Occlusion sensitivity (Zeiler and Fergus 2014): a square patch of the image is set to {@value #FILL} (the black
 * background of min-max scaled slices) at every position of a grid, and the drop of the predicted class's
 * probability is recorded; a pixel's value is the mean drop over the positions whose patch covers it (positive:
 * hiding it lowers the probability). Positions start at 0 and step by {@code stride}; the last is flush with the
 * image's edge, so every pixel is covered when stride <= patch. One inference forward pass per position, in batches.
 *
 * @param patch  side of the patch in pixels
 * @param stride step between positions in pixels, at most the patch
 */
public record Occlusion(int patch, int stride) {

    /** The value the patch is set to. */
    public static final float FILL = 0f;

    public Occlusion {
        if (patch < 1 || stride < 1 || stride > patch) {
            throw new IllegalArgumentException("occlusion needs 1 <= stride <= patch, got patch " + patch + ", stride "
                    + stride);
        }
    }

    /** Start offsets along one side of a {@code size}-pixel image. */
    public int[] positions(int size) {
        if (patch > size) {
            throw new IllegalArgumentException("occlusion patch " + patch + " is larger than the image (" + size + ")");
        }
        int steps = (size - patch + stride - 1) / stride; // ceil((size - patch) / stride)
        int[] p = new int[steps + 1];
        for (int i = 0; i < steps; i++) {
            p[i] = i * stride;
        }
        p[steps] = size - patch;
        return p;
    }

    /** Patch positions per image: forward passes it costs besides the unoccluded one. */
    public int windows(int size) {
        int k = positions(size).length;
        return k * k;
    }

    /**
     * The occlusion map of one {@code size} x {@code size} image (row-major) for class {@code cls}, with forward
     * passes of at most {@code batch} images.
     */
    public float[][] map(HybridNetwork net, float[] image, int size, int cls, int batch) {
        int[] pos = positions(size);
        int windows = pos.length * pos.length;
        int pixels = size * size;
        int k = net.config().classes();
        // row 0 is the image itself; rows 1.. its occluded copies in position order
        double[] probability = new double[windows + 1];
        int per = Math.max(1, batch);
        float[] buffer = new float[per * pixels];
        double[] p = new double[k];
        for (int from = 0; from <= windows; from += per) {
            int m = Math.min(per, windows + 1 - from);
            for (int r = 0; r < m; r++) {
                int row = from + r;
                System.arraycopy(image, 0, buffer, r * pixels, pixels);
                if (row > 0) {
                    int y0 = pos[(row - 1) / pos.length];
                    int x0 = pos[(row - 1) % pos.length];
                    for (int y = y0; y < y0 + patch; y++) {
                        java.util.Arrays.fill(buffer, r * pixels + y * size + x0, r * pixels + y * size + x0 + patch, FILL);
                    }
                }
            }
            double[] logits = HostArrays.toDoubles(net.forward(buffer, m, false).logits());
            for (int r = 0; r < m; r++) {
                Softmax.row(logits, r * k, k, p, 0);
                probability[from + r] = p[cls];
            }
        }
        double[][] sum = new double[size][size];
        int[][] covered = new int[size][size];
        for (int wdw = 0; wdw < windows; wdw++) {
            double drop = probability[0] - probability[wdw + 1];
            int y0 = pos[wdw / pos.length];
            int x0 = pos[wdw % pos.length];
            for (int y = y0; y < y0 + patch; y++) {
                for (int x = x0; x < x0 + patch; x++) {
                    sum[y][x] += drop;
                    covered[y][x]++;
                }
            }
        }
        float[][] map = new float[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                map[y][x] = (float) (sum[y][x] / covered[y][x]);
            }
        }
        return map;
    }
}
