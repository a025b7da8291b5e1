package org.hqcm.engine.internal.train.tribuo;

import java.util.concurrent.ConcurrentHashMap;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.RealInfo;

/** Feature names and the feature domain of S x S images: {@code px<row>_<col>}, values in [0, 1]. */
final class PixelFeatures {

    private static final ConcurrentHashMap<Integer, String[]> NAMES = new ConcurrentHashMap<>();

    private PixelFeatures() {
    }

    static String name(int side, int pixel) {
        return names(side)[pixel];
    }

    private static String[] names(int side) {
        return NAMES.computeIfAbsent(side, s -> {
            int digits = String.valueOf(s - 1).length();
            String f = "px%0" + digits + "d_%0" + digits + "d";
            String[] n = new String[s * s];
            for (int p = 0; p < n.length; p++) {
                n[p] = String.format(java.util.Locale.ROOT, f, p / s, p % s);
            }
            return n;
        });
    }

    /** The domain: one real-valued feature per pixel, observed over [0, 1]. */
    static ImmutableFeatureMap domain(int side, int examples) {
        MutableFeatureMap m = new MutableFeatureMap();
        for (String n : names(side)) {
            m.put(new RealInfo(n, examples, 1.0, 0.0, 0.5, examples / 12.0));
        }
        return new ImmutableFeatureMap(m);
    }
}
