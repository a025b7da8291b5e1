package org.hqcm.engine.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds copies among the samples of merged sources, within and across sources: exact duplicates (a hash of the
 * preprocessed pixels, confirmed pixel by pixel) and near duplicates (a perceptual hash: the image reduced to 32 x 32
 * by area averaging, its 8 x 8 lowest DCT frequencies, one bit per coefficient above their median), whose Hamming
 * distance is at most {@code maxDistance}. The Kaggle brain-tumour set holds figshare's slices again, resized and
 * re-encoded as JPEG: their perceptual hashes stay within a few bits where pixel hashes differ. A difference hash
 * (9 x 8 neighbour comparisons) was tried first and dropped: a resized copy of a textured test slice differed in 11 of
 * its 64 bits, because neighbouring cells of similar brightness flip on any resampling.
 *
 * <p>Near duplicates are searched over all pairs, 64-bit XOR and bit count each: n (n - 1) / 2 pairs, about 29
 * million for the paper's 7,576 images (see {@code hqcm data bench --dedup} for the time). Groups are the transitive
 * closure of both relations (union-find). Near pairs of one patient in one source are not copies when the split keeps
 * patients together (see {@code sameCase}).
 */
public final class DuplicateFinder {
    /** Side of the reduced image whose DCT the perceptual hash takes. */
    private static final int SMALL = 32;
    /** Lowest frequencies kept per axis: 8 x 8 = 64 coefficients, 63 bits (the mean's bit is always 0). */
    private static final int LOW = 8;
    private static final double[][] COS = new double[LOW][SMALL];

    static {
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < SMALL; x++) {
                COS[u][x] = Math.cos(Math.PI * (2 * x + 1) * u / (2.0 * SMALL));
            }
        }
    }

    private DuplicateFinder() {
    }

    /**
     * The groups of copies among {@code samples}, in the order of their first member.
     *
     * @param sourceOf the source index of each sample (for {@link DuplicateGroup#acrossSources()})
     * @param maxDistance the largest Hamming distance of perceptual hashes that makes two images near duplicates;
     *        negative: exact duplicates only
     * @param patientsTogether whether the split keeps each patient's images in one part ({@code
     *        dataset.groupByPatient}): only then are near pairs of one patient left alone ({@code sameCase})
     */
    public static List<DuplicateGroup> find(List<Sample> samples, int[] sourceOf, int maxDistance,
            boolean patientsTogether) {
        int n = samples.size();
        UnionFind sets = new UnionFind(n);
        boolean[] linked = new boolean[n];
        // exact: equal hash and equal pixels, each sample against the first of its hash bucket with those pixels
        Map<Long, List<Integer>> byHash = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<Integer> bucket = byHash.computeIfAbsent(samples.get(i).pixelHash(), k -> new ArrayList<>(1));
            for (int j : bucket) {
                if (samples.get(j).samePixels(samples.get(i))) {
                    sets.union(j, i);
                    linked[i] = linked[j] = true;
                    break;
                }
            }
            bucket.add(i);
        }
        if (maxDistance >= 0) {
            long[] h = new long[n];
            for (int i = 0; i < n; i++) {
                h[i] = perceptualHash(samples.get(i));
            }
            for (int i = 0; i < n; i++) {
                long hi = h[i];
                for (int j = i + 1; j < n; j++) {
                    if (Long.bitCount(hi ^ h[j]) <= maxDistance && !(patientsTogether && sameCase(samples, sourceOf, i, j))) {
                        sets.union(i, j);
                        linked[i] = linked[j] = true;
                    }
                }
            }
        }
        Map<Integer, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (linked[i]) {
                groups.computeIfAbsent(sets.root(i), k -> new ArrayList<>()).add(i);
            }
        }
        List<DuplicateGroup> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            int[] m = g.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(m);
            boolean exact = true;
            boolean across = false;
            boolean mixed = false;
            Sample first = samples.get(m[0]);
            for (int k = 1; k < m.length; k++) {
                Sample s = samples.get(m[k]);
                exact &= s.samePixels(first);
                across |= sourceOf[m[k]] != sourceOf[m[0]];
                mixed |= s.label() != first.label();
            }
            out.add(new DuplicateGroup(m, exact, across, mixed));
        }
        return out;
    }

    /**
     * Two slices of one patient in one source: neighbouring slices of a volume (BraTS, MSD) or of a series look alike by
     * nature, and a split by patient keeps them together anyway; calling them near copies would make DROP throw away
     * most of a volume. Without the split by patient they are near copies like any other (they could land in train
     * and test). Exact copies within a patient are always copies (the same file twice).
     */
    private static boolean sameCase(List<Sample> samples, int[] sourceOf, int i, int j) {
        String p = samples.get(i).patientId();
        return p != null && sourceOf[i] == sourceOf[j] && p.equals(samples.get(j).patientId());
    }

    /** The 64-bit perceptual hash of a sample (see the class comment). */
    public static long perceptualHash(Sample s) {
        float[] small = Preprocessing.resize(s.image(), s.size(), s.size(), SMALL, SMALL);
        // 2-D DCT-II of the 32 x 32 image, only its 8 x 8 lowest frequencies: rows first, then columns
        double[] rows = new double[SMALL * LOW];
        for (int y = 0; y < SMALL; y++) {
            for (int u = 0; u < LOW; u++) {
                double sum = 0;
                for (int x = 0; x < SMALL; x++) {
                    sum += small[y * SMALL + x] * COS[u][x];
                }
                rows[y * LOW + u] = sum;
            }
        }
        double[] coef = new double[LOW * LOW];
        for (int v = 0; v < LOW; v++) {
            for (int u = 0; u < LOW; u++) {
                double sum = 0;
                for (int y = 0; y < SMALL; y++) {
                    sum += rows[y * LOW + u] * COS[v][y];
                }
                coef[v * LOW + u] = sum;
            }
        }
        // the median of the 63 coefficients after the mean (DC), which only says how bright the image is
        double[] ac = Arrays.copyOfRange(coef, 1, coef.length);
        Arrays.sort(ac);
        double median = ac[ac.length / 2];
        long bits = 0;
        for (int i = 1; i < coef.length; i++) {
            if (coef[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }
}
