package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Explanation maps of several methods (the attention map T_s, Grad-CAM, occlusion sensitivity) scored against the
 * tumour masks of the same images: per method and image the Jaccard index at each threshold, the pointing game and
 * the share of the map's energy inside the mask.
 *
 * <p>One normalisation for every method, so that thresholds mean the same for all: the map is brought to the mask
 * grid by bilinear interpolation with half-pixel centres (the identity for a map already on that grid, such as
 * occlusion's) and min-max normalised per image to [0, 1] ({@link AttentionJaccard#upsampleBilinear},
 * {@link AttentionJaccard#minMaxNormalise}: exactly Table 2's treatment of T_s). A constant map normalises to zeros.
 * <ul>
 * <li>Jaccard at tau: |{map >= tau} & M| / |{map >= tau} | M|, M = {mask > 0.5} (as Table 2);</li>
 * <li>pointing game: the share of the pixels holding the map's maximum that lie in M: 1 or 0 when the maximum is
 * unique, the mask's area share for a constant map (ties are common in occlusion maps, whose windows overlap);</li>
 * <li>energy in mask: sum(map * M) / sum(map); a map summing to 0 (constant) counts as uniform, its share the mask's
 * area share. Both uninformative cases thus score what a uniform guess scores.</li>
 * </ul>
 *
 * @param thresholds the Jaccard thresholds, in the order of every image's {@code jaccard}
 * @param methods    in report order; every method scored the same images, in the same order
 */
public record ExplanationScores(double[] thresholds, List<Method> methods) {

    /** The scores of one image: {@code jaccard} per threshold, pointing game and energy share in [0, 1]. */
    public record Image(int sampleId, double[] jaccard, double pointing, double energy) {

        /** Jaccard per threshold, then pointing game and energy share: the order of {@link #metrics()}. */
        public double[] values() {
            double[] v = Arrays.copyOf(jaccard, jaccard.length + 2);
            v[jaccard.length] = pointing;
            v[jaccard.length + 1] = energy;
            return v;
        }
    }

    /** One method's scores over the explained images, in image order. */
    public record Method(String name, List<Image> images) {

        public Method {
            images = List.copyOf(images);
        }

        /** The mean of each metric over the images ({@link ExplanationScores#metrics()} order); NaN without images. */
        public double[] means() {
            if (images.isEmpty()) {
                return new double[0];
            }
            double[] sum = new double[images.get(0).values().length];
            for (Image i : images) {
                double[] v = i.values();
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += v[k];
                }
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] /= images.size();
            }
            return sum;
        }

        /** Per-image values of metric {@code k}, in image order. */
        public double[] valuesOf(int k) {
            return images.stream().mapToDouble(i -> i.values()[k]).toArray();
        }

        public int[] sampleIds() {
            return images.stream().mapToInt(Image::sampleId).toArray();
        }
    }

    public ExplanationScores {
        thresholds = thresholds.clone();
        methods = List.copyOf(methods);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Names of the metrics: "Jaccard@0.99", ..., "pointing game", "energy in mask". */
    public List<String> metrics() {
        return metrics(thresholds);
    }

    static List<String> metrics(double[] thresholds) {
        List<String> m = new ArrayList<>();
        for (double t : thresholds) {
            m.add(String.format(Locale.ROOT, "Jaccard@%.2f", t));
        }
        m.add(POINTING);
        m.add(ENERGY);
        return List.copyOf(m);
    }

    /** The method of that name, or null. */
    public Method method(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    public static final String POINTING = "pointing game";
    public static final String ENERGY = "energy in mask";

    /** A map of any grid on the {@code height} x {@code width} mask grid, in [0, 1] (the one normalisation). */
    public static float[][] normalised(float[][] map, int height, int width) {
        return AttentionJaccard.minMaxNormalise(AttentionJaccard.upsampleBilinear(map, height, width));
    }

    /** Scores a map already {@link #normalised} to the mask's grid. */
    public static Image score(int sampleId, float[][] normalisedMap, float[][] mask, double[] thresholds) {
        double[] j = new double[thresholds.length];
        for (int t = 0; t < thresholds.length; t++) {
            j[t] = AttentionJaccard.jaccard(normalisedMap, mask, thresholds[t]);
        }
        return new Image(sampleId, j, pointing(normalisedMap, mask), energyInside(normalisedMap, mask));
    }

    /** The share of the pixels holding the map's maximum that lie in the mask. */
    public static double pointing(float[][] map, float[][] mask) {
        sameGrid(map, mask);
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : map) {
            for (float v : row) {
                max = Math.max(max, v);
            }
        }
        long top = 0;
        long inside = 0;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                if (map[y][x] == max) {
                    top++;
                    if (mask[y][x] > 0.5f) {
                        inside++;
                    }
                }
            }
        }
        return top == 0 ? 0 : inside / (double) top;
    }

    /** sum(map * mask) / sum(map) for a non-negative map; the mask's area share for a map that sums to 0. */
    public static double energyInside(float[][] map, float[][] mask) {
        sameGrid(map, mask);
        double total = 0;
        double inside = 0;
        long maskPixels = 0;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                double v = Math.max(0, map[y][x]);
                total += v;
                if (mask[y][x] > 0.5f) {
                    inside += v;
                    maskPixels++;
                }
            }
        }
        return total > 0 ? inside / total : maskPixels / (double) ((long) map.length * map[0].length);
    }

    private static void sameGrid(float[][] map, float[][] mask) {
        if (map.length == 0 || map.length != mask.length || map[0].length != mask[0].length) {
            throw new IllegalArgumentException("map " + map.length + " x " + (map.length == 0 ? 0 : map[0].length)
                    + " and mask " + mask.length + " x " + (mask.length == 0 ? 0 : mask[0].length) + " differ in size");
        }
    }

    /** What the scores mean, said once for reports. */
    public static final String CONVENTIONS = "Every map is upsampled bilinearly (half-pixel centres) to the mask grid "
            + "and min-max normalised per image to [0, 1], the same for every method (T_s as in Table 2). Jaccard: "
            + "map >= threshold against the mask; pointing game: share of the map's maximal pixels inside the mask "
            + "(1 or 0 for a unique maximum); energy in mask: share of the normalised map's sum inside the mask. A "
            + "constant map scores the mask's area share in both.";
}
