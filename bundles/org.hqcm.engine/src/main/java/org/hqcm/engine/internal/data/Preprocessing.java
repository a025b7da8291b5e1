package org.hqcm.engine.internal.data;

/**
 * Turns a {@link RawImage} into a {@link Sample}: resize to the experiment's size (area averaging along an axis
 * that shrinks, bilinear along one that grows, nearest neighbour for masks), then min-max scaling per image.
 */
public final class Preprocessing {

    private Preprocessing() {
    }

    /** Resizes, scales and binarises one image. Non-finite pixel values are refused (the caller lists the file). */
    public static Sample toSample(RawImage raw, int size) {
        float[] px = raw.pixels();
        for (float v : px) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("image has non-finite pixel values (NaN or infinity)");
            }
        }
        float[] resized = resize(px, raw.width(), raw.height(), size, size);
        minMaxScaleInPlace(resized);
        byte[] mask = raw.mask() == null ? null : resizeMask(raw.mask(), raw.width(), raw.height(), size, size);
        if (raw.tumourClass() == TumourClass.HEALTHY) {
            mask = null; // a healthy image has an all-zero mask by definition, whatever the file says
        }
        return Sample.of(size, resized, mask, raw.tumourClass(), raw.patientId(), raw.file(), raw.givenSplit(),
                raw.width(), raw.height());
    }

    /** Scales to [0, 1] by the image's own minimum and maximum; a constant image becomes all zeros. */
    public static void minMaxScaleInPlace(float[] image) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : image) {
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        float range = max - min;
        if (!(range > 0) || !Float.isFinite(range)) {
            java.util.Arrays.fill(image, 0f);
            return;
        }
        float inv = 1f / range;
        for (int i = 0; i < image.length; i++) {
            float v = (image[i] - min) * inv;
            image[i] = v > 1f ? 1f : v;
        }
    }

    /** Resizes a row-major image; each axis separately: area averaging when shrinking, bilinear when enlarging. */
    public static float[] resize(float[] src, int w, int h, int outW, int outH) {
        if (w == outW && h == outH) {
            return src.clone();
        }
        Kernel kx = Kernel.of(w, outW);
        Kernel ky = Kernel.of(h, outH);
        // rows first (contiguous reads), then columns as weighted sums of whole rows (contiguous too)
        float[] tmp = new float[outW * h];
        for (int y = 0; y < h; y++) {
            int in = y * w;
            int out = y * outW;
            for (int j = 0; j < outW; j++) {
                int[] idx = kx.index[j];
                float[] wt = kx.weight[j];
                float sum = 0;
                for (int k = 0; k < idx.length; k++) {
                    sum += wt[k] * src[in + idx[k]];
                }
                tmp[out + j] = sum;
            }
        }
        float[] dst = new float[outW * outH];
        for (int j = 0; j < outH; j++) {
            int[] idx = ky.index[j];
            float[] wt = ky.weight[j];
            int out = j * outW;
            for (int k = 0; k < idx.length; k++) {
                int in = idx[k] * outW;
                float wk = wt[k];
                for (int x = 0; x < outW; x++) {
                    dst[out + x] += wk * tmp[in + x];
                }
            }
        }
        return dst;
    }

    /** 1-D resampling of {@code in[0..n)} to {@code out[0..m)}. */
    static void resample(float[] in, int n, float[] out, int m) {
        Kernel k = Kernel.of(n, m);
        for (int j = 0; j < m; j++) {
            float sum = 0;
            for (int i = 0; i < k.index[j].length; i++) {
                sum += k.weight[j][i] * in[k.index[j][i]];
            }
            out[j] = sum;
        }
    }

    /** Input indices and weights of each output cell of a 1-D resampling from n to m cells. */
    private static final class Kernel {
        final int[][] index;
        final float[][] weight;

        private Kernel(int m) {
            index = new int[m][];
            weight = new float[m][];
        }

        static Kernel of(int n, int m) {
            Kernel k = new Kernel(m);
            double s = (double) n / m;
            for (int j = 0; j < m; j++) {
                if (m == n) {
                    k.index[j] = new int[] {j};
                    k.weight[j] = new float[] {1f};
                } else if (m < n) {
                    // area: output cell j covers [j*s, (j+1)*s) of the input, each input cell weighted by its overlap
                    double a = j * s;
                    double b = a + s;
                    int i0 = (int) Math.floor(a);
                    int i1 = Math.min(n - 1, (int) Math.ceil(b) - 1);
                    int[] idx = new int[i1 - i0 + 1];
                    float[] wt = new float[idx.length];
                    for (int i = i0; i <= i1; i++) {
                        double overlap = Math.min(b, i + 1) - Math.max(a, i);
                        idx[i - i0] = i;
                        wt[i - i0] = (float) (Math.max(0, overlap) / s);
                    }
                    k.index[j] = idx;
                    k.weight[j] = wt;
                } else {
                    // bilinear with pixel centres aligned (align_corners = false), clamped at the borders
                    double x = (j + 0.5) * s - 0.5;
                    if (x <= 0 || n == 1) {
                        k.index[j] = new int[] {0};
                        k.weight[j] = new float[] {1f};
                    } else if (x >= n - 1) {
                        k.index[j] = new int[] {n - 1};
                        k.weight[j] = new float[] {1f};
                    } else {
                        int i = (int) x;
                        float f = (float) (x - i);
                        k.index[j] = new int[] {i, i + 1};
                        k.weight[j] = new float[] {1 - f, f};
                    }
                }
            }
            return k;
        }
    }

    /** Nearest-neighbour resize of a mask; the result is binary (1 where the nearest source value is non-zero). */
    public static byte[] resizeMask(byte[] src, int w, int h, int outW, int outH) {
        byte[] dst = new byte[outW * outH];
        if (w == outW && h == outH) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] = src[i] != 0 ? (byte) 1 : 0;
            }
            return dst;
        }
        for (int y = 0; y < outH; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / outH));
            for (int x = 0; x < outW; x++) {
                int sx = Math.min(w - 1, (int) ((x + 0.5) * w / outW));
                dst[y * outW + x] = src[sy * w + sx] != 0 ? (byte) 1 : 0;
            }
        }
        return dst;
    }
}
