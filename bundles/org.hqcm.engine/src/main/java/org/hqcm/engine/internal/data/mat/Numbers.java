package org.hqcm.engine.internal.data.mat;

import java.io.IOException;

/** Flat primitive arrays of any numeric type (as jhdf returns them) to floats. */
final class Numbers {
    private Numbers() {
    }

    static float[] toFloats(Object flat, String what) throws IOException {
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat instanceof double[] d) {
            float[] out = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                out[i] = (float) d[i];
            }
            return out;
        }
        if (flat instanceof short[] s) {
            float[] out = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i];
            }
            return out;
        }
        if (flat instanceof int[] a) {
            float[] out = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (flat instanceof byte[] b) {
            float[] out = new float[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i];
            }
            return out;
        }
        if (flat instanceof long[] l) {
            float[] out = new float[l.length];
            for (int i = 0; i < l.length; i++) {
                out[i] = l[i];
            }
            return out;
        }
        if (flat instanceof boolean[] z) {
            float[] out = new float[z.length];
            for (int i = 0; i < z.length; i++) {
                out[i] = z[i] ? 1 : 0;
            }
            return out;
        }
        throw new IOException(what + " has data of type "
                + (flat == null ? "null" : flat.getClass().getSimpleName()) + ", expected numbers");
    }
}
