package org.hqcm.engine.internal.data.nifti;

import java.io.IOException;

/**
 * Which voxel axis runs left-right, front-back and foot-head, and which way, from a header's affine; and how an
 * axial slice is laid out for display: upright (anterior at the top), in the radiological convention of DICOM viewers
 * and of the figshare and Kaggle images (the patient's right on the image's left), slices from foot to head. So a
 * volume stored RAS, LAS, LPS or with permuted axes gives the same images, neither upside down nor mirrored.
 *
 * <p>Each world axis takes the voxel axis whose direction is closest to it (largest cosine, greedily, as nibabel's
 * {@code io_orientation} does); an oblique volume is read along its nearest axes, not resampled.
 */
public final class AxialOrientation {
    private final long[] n = new long[3];
    /** Voxel axis (0, 1, 2) of world axis x (R), y (A), z (S). */
    private final int[] axis = new int[3];
    /** Whether the voxel index grows toward R, A, S along that world axis. */
    private final boolean[] positive = new boolean[3];

    AxialOrientation(double[][] affine, long nx, long ny, long nz) throws IOException {
        n[0] = nx;
        n[1] = ny;
        n[2] = nz;
        double[][] cos = new double[3][3]; // cos[world][voxel]
        for (int j = 0; j < 3; j++) {
            double len = Math.sqrt(sq(affine[0][j]) + sq(affine[1][j]) + sq(affine[2][j]));
            if (!(len > 0)) {
                throw new IOException("the affine gives voxel axis " + (j + 1) + " no direction (a zero column);"
                        + " cannot tell which way is up");
            }
            for (int w = 0; w < 3; w++) {
                cos[w][j] = affine[w][j] / len;
            }
        }
        boolean[] worldUsed = new boolean[3];
        boolean[] voxelUsed = new boolean[3];
        for (int step = 0; step < 3; step++) {
            int bw = -1;
            int bj = -1;
            double best = -1;
            for (int w = 0; w < 3; w++) {
                for (int j = 0; j < 3; j++) {
                    if (!worldUsed[w] && !voxelUsed[j] && Math.abs(cos[w][j]) > best) {
                        best = Math.abs(cos[w][j]);
                        bw = w;
                        bj = j;
                    }
                }
            }
            worldUsed[bw] = true;
            voxelUsed[bj] = true;
            axis[bw] = bj;
            positive[bw] = cos[bw][bj] > 0;
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    /** Pixels per row of an axial slice (along left-right). */
    public int width() {
        return (int) n[axis[0]];
    }

    /** Rows of an axial slice (along front-back). */
    public int height() {
        return (int) n[axis[1]];
    }

    /** Axial slices (along foot-head). */
    public int slices() {
        return (int) n[axis[2]];
    }

    /** Whether axial slices are the stored slices (the third voxel axis is foot-head): they can be streamed. */
    public boolean streamable() {
        return axis[2] == 2;
    }

    /** The axial slice (0 = lowest) that stored slice {@code k} is, for a {@link #streamable()} volume. */
    public int axialOfStored(int k) {
        return positive[2] ? k : slices() - 1 - k;
    }

    /**
     * The index into the volume (x fastest) of the voxel shown at {@code (row, col)} of axial slice {@code s}; for a
     * streamable volume, minus {@code k * nx * ny} it is the index within the stored slice.
     */
    public long voxel(int s, int row, int col) {
        long[] ijk = new long[3];
        // column 0 = the patient's right: the index runs toward L, i.e. against +x (R)
        ijk[axis[0]] = positive[0] ? n[axis[0]] - 1 - col : col;
        // row 0 = anterior: the index runs toward P, against +y (A)
        ijk[axis[1]] = positive[1] ? n[axis[1]] - 1 - row : row;
        ijk[axis[2]] = positive[2] ? s : n[axis[2]] - 1 - s;
        return ijk[0] + n[0] * (ijk[1] + n[1] * ijk[2]);
    }

    /**
     * Offsets into the volume (x fastest) of each column of an axial slice; with {@link #rowOffsets()} and
     * {@link #sliceOffsets()} they add up to {@link #voxel}: each output axis moves along one voxel axis only, so the
     * index is a sum of three terms, looked up instead of computed per voxel (a 240 x 240 x 155 pass: 1.2 s computed,
     * see VolumeCaseReader).
     */
    public long[] columnOffsets() {
        long[] off = new long[width()];
        for (int c = 0; c < off.length; c++) {
            off[c] = voxel(0, 0, c) - voxel(0, 0, 0);
        }
        return off;
    }

    /** Offsets of each row (see {@link #columnOffsets()}). */
    public long[] rowOffsets() {
        long[] off = new long[height()];
        for (int r = 0; r < off.length; r++) {
            off[r] = voxel(0, r, 0) - voxel(0, 0, 0);
        }
        return off;
    }

    /** Offset of each axial slice's first pixel (row 0, column 0). */
    public long[] sliceOffsets() {
        long[] off = new long[slices()];
        for (int s = 0; s < off.length; s++) {
            off[s] = voxel(s, 0, 0);
        }
        return off;
    }

    /** e.g. "RAS" (the world direction each voxel index grows toward). */
    public String code() {
        char[] c = new char[3];
        String pos = "RAS";
        String neg = "LPI";
        for (int w = 0; w < 3; w++) {
            c[axis[w]] = positive[w] ? pos.charAt(w) : neg.charAt(w);
        }
        return new String(c);
    }

    /** Same axes and directions (image and label volumes must agree to be read together). */
    public boolean sameAs(AxialOrientation o) {
        return java.util.Arrays.equals(axis, o.axis) && java.util.Arrays.equals(positive, o.positive)
                && java.util.Arrays.equals(n, o.n);
    }
}
