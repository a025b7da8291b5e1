package org.hqcm.engine.internal.data;

import java.util.SplittableRandom;

/**
 * Random rotation and flips, applied identically to an image (bilinear) and its mask (nearest neighbour).
 * The transform of a given {@code key} (e.g. {@code epoch * n + sampleIndex}) depends only on the seed and the key,
 * so augmentation is reproducible whatever the thread or batch order.
 *
 * @param rotationDegrees maximum absolute rotation; the angle is uniform in [-r, r]
 * @param horizontalFlip flip left-right with probability 1/2
 * @param verticalFlip flip top-bottom with probability 1/2
 * @param seed the experiment's seed
 */
public record Augmenter(double rotationDegrees, boolean horizontalFlip, boolean verticalFlip, long seed) {

    public Augmenter {
        if (!(rotationDegrees >= 0 && rotationDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must be in [0, 180] degrees, got " + rotationDegrees);
        }
    }

    /** The transform chosen for {@code key}. */
    public record Transform(double angleRadians, boolean flipH, boolean flipV) {
        public boolean isIdentity() {
            return angleRadians == 0 && !flipH && !flipV;
        }
    }

    /** An augmented image and mask. */
    public record Augmented(float[] image, byte[] mask) {
    }

    public Transform transformFor(long key) {
        SplittableRandom rng = new SplittableRandom(seed ^ (key * 0x9E3779B97F4A7C15L + 0x2545F4914F6CDD1DL));
        double angle = rotationDegrees > 0 ? Math.toRadians((rng.nextDouble() * 2 - 1) * rotationDegrees) : 0;
        boolean h = horizontalFlip && rng.nextBoolean();
        boolean v = verticalFlip && rng.nextBoolean();
        return new Transform(angle, h, v);
    }

    /** Augments a sample with the transform of {@code key}. */
    public Augmented augment(Sample sample, long key) {
        return apply(sample.image(), sample.mask(), sample.size(), transformFor(key));
    }

    /** Augments a {@code size x size} image and mask (mask may be null) with the transform of {@code key}. */
    public Augmented augment(float[] image, byte[] mask, int size, long key) {
        return apply(image, mask, size, transformFor(key));
    }

    /**
     * Applies a transform: output pixel centres are mapped back through the flips and the rotation about the image
     * centre; the image is sampled bilinearly (0 outside), the mask by nearest neighbour (0 outside).
     */
    public static Augmented apply(float[] image, byte[] mask, int size, Transform t) {
        int n = size * size;
        float[] outImg = new float[n];
        byte[] outMask = mask == null ? null : new byte[n];
        if (t.isIdentity()) {
            System.arraycopy(image, 0, outImg, 0, n);
            if (mask != null) {
                System.arraycopy(mask, 0, outMask, 0, n);
            }
            return new Augmented(outImg, outMask);
        }
        double c = Math.cos(t.angleRadians());
        double s = Math.sin(t.angleRadians());
        double mid = (size - 1) / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double fx = t.flipH() ? size - 1 - x : x;
                double fy = t.flipV() ? size - 1 - y : y;
                double dx = fx - mid;
                double dy = fy - mid;
                // inverse rotation
                double sx = c * dx + s * dy + mid;
                double sy = -s * dx + c * dy + mid;
                int o = y * size + x;
                outImg[o] = bilinear(image, size, sx, sy);
                if (mask != null) {
                    int nx = (int) Math.floor(sx + 0.5);
                    int ny = (int) Math.floor(sy + 0.5);
                    outMask[o] = nx >= 0 && ny >= 0 && nx < size && ny < size ? mask[ny * size + nx] : 0;
                }
            }
        }
        return new Augmented(outImg, outMask);
    }

    private static float bilinear(float[] img, int size, double x, double y) {
        if (x < -0.5 || y < -0.5 || x > size - 0.5 || y > size - 0.5) {
            return 0f;
        }
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double v00 = at(img, size, x0, y0);
        double v10 = at(img, size, x0 + 1, y0);
        double v01 = at(img, size, x0, y0 + 1);
        double v11 = at(img, size, x0 + 1, y0 + 1);
        return (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
    }

    /** Pixel value with the border replicated (the half-pixel rim outside the centres stays defined). */
    private static float at(float[] img, int size, int x, int y) {
        x = x < 0 ? 0 : (x >= size ? size - 1 : x);
        y = y < 0 ? 0 : (y >= size ? size - 1 : y);
        return img[y * size + x];
    }
}
