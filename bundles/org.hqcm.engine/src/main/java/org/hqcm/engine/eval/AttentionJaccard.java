package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Agreement of spatial-attention maps with tumour masks (the paper's Table 2): each map T_s (H/8 x W/8)
 * is upsampled to the mask's size by bilinear interpolation, min-max normalised per image, binarised at
 * each threshold tau (value >= tau), and compared with the mask by the Jaccard index |A & M| / |A | M|.
 * Only tumour images (a mask with at least one pixel > 0.5) are scored; images without a tumour are
 * counted as skipped.
 *
 * <p>Conventions: bilinear interpolation with half-pixel centres, as PyTorch's
 * {@code interpolate(mode="bilinear", align_corners=False)} and OpenCV's {@code INTER_LINEAR}; a constant
 * map normalises to all zeros (it selects no pixel at any tau > 0); an empty union (no selected pixel and
 * an empty mask) has Jaccard 1 by definition, which scoring never meets since it scores tumour images
 * only.
 */
public record AttentionJaccard(double[] thresholds) {

    /** The paper's thresholds: 0.99, 0.90, 0.75. */
    public static final AttentionJaccard PAPER = new AttentionJaccard(new double[] {0.99, 0.90, 0.75});

    public AttentionJaccard {
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("at least one Jaccard threshold is needed");
        }
        for (double t : thresholds) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("Jaccard thresholds must be in (0, 1], got " + t);
            }
        }
        thresholds = thresholds.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * The Jaccard indices of one scored image.
     *
     * @param image  the image's index in the input lists (its position in the test set)
     * @param values one index per threshold, in the order of {@link #thresholds()}
     */
    public record ImageScore(int image, double[] values) {
    }

    /**
     * Scores of every tumour image and their means.
     *
     * @param means   mean Jaccard per threshold over the scored images (NaN when none was scored)
     * @param skipped images without a tumour
     */
    public record Result(double[] thresholds, List<ImageScore> images, double[] means, int skipped) {

        /** Per-image values at threshold {@code t} (index into thresholds), in image order. */
        public double[] valuesAt(int t) {
            return images.stream().mapToDouble(s -> s.values()[t]).toArray();
        }

        /** Indices of the scored images, in order. */
        public int[] imageIndices() {
            return images.stream().mapToInt(ImageScore::image).toArray();
        }
    }

    /** Scores every tumour image; {@code attention.get(i)} and {@code masks.get(i)} belong to image i. */
    public Result evaluate(List<float[][]> attention, List<float[][]> masks) {
        if (attention.size() != masks.size()) {
            throw new IllegalArgumentException(attention.size() + " attention maps for " + masks.size() + " masks");
        }
        List<ImageScore> scores = new ArrayList<>();
        double[] sums = new double[thresholds.length];
        int skipped = 0;
        for (int i = 0; i < masks.size(); i++) {
            float[][] mask = masks.get(i);
            if (!hasTumour(mask)) {
                skipped++;
                continue;
            }
            double[] v = score(attention.get(i), mask);
            for (int t = 0; t < v.length; t++) {
                sums[t] += v[t];
            }
            scores.add(new ImageScore(i, v));
        }
        double[] means = new double[thresholds.length];
        for (int t = 0; t < means.length; t++) {
            means[t] = scores.isEmpty() ? Double.NaN : sums[t] / scores.size();
        }
        return new Result(thresholds(), List.copyOf(scores), means, skipped);
    }

    /** The Jaccard index of one map against its mask at every threshold. */
    public double[] score(float[][] attention, float[][] mask) {
        checkGrid("mask", mask);
        float[][] map = minMaxNormalise(upsampleBilinear(attention, mask.length, mask[0].length));
        double[] v = new double[thresholds.length];
        for (int t = 0; t < thresholds.length; t++) {
            v[t] = jaccard(map, mask, thresholds[t]);
        }
        return v;
    }

    /** |{map >= tau} & {mask > 0.5}| / |{map >= tau} | {mask > 0.5}|; 1 for an empty union. */
    public static double jaccard(float[][] map, float[][] mask, double tau) {
        if (map.length != mask.length || map[0].length != mask[0].length) {
            throw new IllegalArgumentException("map " + map.length + " x " + map[0].length + " and mask "
                    + mask.length + " x " + mask[0].length + " differ in size");
        }
        long inter = 0;
        long union = 0;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                boolean a = map[y][x] >= tau;
                boolean m = mask[y][x] > 0.5f;
                if (a && m) {
                    inter++;
                }
                if (a || m) {
                    union++;
                }
            }
        }
        return union == 0 ? 1 : inter / (double) union;
    }

    static boolean hasTumour(float[][] mask) {
        for (float[] row : mask) {
            for (float v : row) {
                if (v > 0.5f) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Bilinear resize with half-pixel centres (source coordinate (d + 0.5) * in / out - 0.5, clamped). */
    public static float[][] upsampleBilinear(float[][] map, int height, int width) {
        checkGrid("attention map", map);
        int h = map.length;
        int w = map[0].length;
        float[][] out = new float[height][width];
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, (y + 0.5) * h / height - 0.5);
            int y0 = Math.min((int) Math.floor(sy), h - 1);
            int y1 = Math.min(y0 + 1, h - 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, (x + 0.5) * w / width - 0.5);
                int x0 = Math.min((int) Math.floor(sx), w - 1);
                int x1 = Math.min(x0 + 1, w - 1);
                double fx = sx - x0;
                double top = map[y0][x0] * (1 - fx) + map[y0][x1] * fx;
                double bottom = map[y1][x0] * (1 - fx) + map[y1][x1] * fx;
                out[y][x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    /** (v - min) / (max - min) per image; a constant map becomes all zeros. */
    public static float[][] minMaxNormalise(float[][] map) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] row : map) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("attention map contains a non-finite value " + v);
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float range = hi - lo;
        float[][] out = new float[map.length][];
        for (int y = 0; y < map.length; y++) {
            out[y] = new float[map[y].length];
            if (range > 0) {
                for (int x = 0; x < map[y].length; x++) {
                    out[y][x] = (map[y][x] - lo) / range;
                }
            }
        }
        return out;
    }

    private static void checkGrid(String what, float[][] grid) {
        if (grid == null || grid.length == 0 || grid[0].length == 0) {
            throw new IllegalArgumentException(what + " must be a non-empty grid");
        }
        for (float[] row : grid) {
            if (row.length != grid[0].length) {
                throw new IllegalArgumentException(what + " rows must all have " + grid[0].length + " values");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionJaccard a && Arrays.equals(thresholds, a.thresholds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "AttentionJaccard" + Arrays.toString(thresholds);
    }
}
