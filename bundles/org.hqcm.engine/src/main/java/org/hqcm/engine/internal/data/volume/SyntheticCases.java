package org.hqcm.engine.internal.data.volume;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hqcm.engine.internal.data.nifti.NiftiType;
import org.hqcm.engine.internal.data.nifti.NiftiWriter;

/**
 * Writes BraTS and MSD Task01 cases of a simple head: an ellipsoid brain (skull-stripped: zero outside) holding a
 * spherical tumour labelled as BraTS labels it (4 enhancing core, 1 necrosis, 2 oedema outside), stored RAS at 1 mm,
 * int16 gzip-compressed. For the tests of the volume sources and {@code hqcm bench volume} (a 240 x 240 x 155 case);
 * the geometry is public ({@link #label}, {@link #inBrain}) so tests count what the reader must find.
 */
public final class SyntheticCases {
    /** BraTS's file suffixes in modality order T1, T1CE, T2, FLAIR. */
    public static final String[] BRATS_SUFFIXES = {"t1", "t1ce", "t2", "flair"};

    private SyntheticCases() {
    }

    /** Whether voxel (x, y, z) of an {@code n}-sized volume is inside the brain. */
    public static boolean inBrain(int x, int y, int z, int[] n) {
        double dx = (x - (n[0] - 1) / 2.0) / (0.42 * n[0]);
        double dy = (y - (n[1] - 1) / 2.0) / (0.45 * n[1]);
        double dz = (z - (n[2] - 1) / 2.0) / (0.45 * n[2]);
        return dx * dx + dy * dy + dz * dz <= 1;
    }

    /** The BraTS label of voxel (x, y, z): 0 outside the tumour, else 4, 1 or 2 from its centre out. */
    public static int label(int x, int y, int z, int[] n) {
        double radius = 0.15 * Math.min(n[0], Math.min(n[1], n[2]));
        double d = Math.sqrt(sq(x - 0.62 * n[0]) + sq(y - 0.6 * n[1]) + sq(z - 0.5 * n[2])) / radius;
        return d > 1 ? 0 : d < 0.4 ? 4 : d < 0.7 ? 1 : 2;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** The stored value of modality {@code m} (0..3 in T1, T1CE, T2, FLAIR order) at a voxel. */
    public static int value(int m, int x, int y, int z, int[] n) {
        if (!inBrain(x, y, z, n)) {
            return 0;
        }
        // texture from a hash of the position: compresses about as badly as a real scan (BraTS: ~2-3 MB per .nii.gz)
        int hash = (x * 73856093) ^ (y * 19349663) ^ (z * 83492791) ^ (m * 977);
        int tissue = 300 + 100 * m + Math.floorMod(hash, 97);
        return label(x, y, z, n) == 0 ? tissue : tissue + 400 + 60 * label(x, y, z, n);
    }

    /** Writes {@code root/id/id_<modality>.nii.gz} for the four modalities and {@code id_seg.nii.gz}. */
    public static Path writeBratsCase(Path root, String id, int[] n) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        for (int m = 0; m < 4; m++) {
            int mod = m;
            writer(n, NiftiType.INT16).write(dir.resolve(id + "_" + BRATS_SUFFIXES[m] + ".nii.gz"),
                    i -> at(n, i, (x, y, z) -> value(mod, x, y, z, n)));
        }
        writer(n, NiftiType.UINT8).write(dir.resolve(id + "_seg.nii.gz"), i -> at(n, i, (x, y, z) -> label(x, y, z, n)));
        return dir;
    }

    /**
     * Writes an MSD Task01 case: {@code imagesTr/id.nii.gz} (4-D, modalities FLAIR, T1w, t1gd, T2w as in Task01's
     * dataset.json) and {@code labelsTr/id.nii.gz} (MSD's labels: 1 oedema, 2 non-enhancing, 3 enhancing).
     */
    public static void writeMsdCase(Path root, String id, int[] n) throws IOException {
        Files.createDirectories(root.resolve("imagesTr"));
        Files.createDirectories(root.resolve("labelsTr"));
        int[] msdToOurs = {3, 0, 1, 2}; // MSD index -> modality in T1, T1CE, T2, FLAIR order
        long volume = (long) n[0] * n[1] * n[2];
        new NiftiWriter().dims(n[0], n[1], n[2], 4).type(NiftiType.INT16).gzip(true).order(ByteOrder.BIG_ENDIAN)
                .sform(ras()).write(root.resolve("imagesTr").resolve(id + ".nii.gz"),
                        i -> at(n, i % volume, (x, y, z) -> value(msdToOurs[(int) (i / volume)], x, y, z, n)));
        writer(n, NiftiType.UINT8).write(root.resolve("labelsTr").resolve(id + ".nii.gz"), i -> at(n, i, (x, y, z) -> {
            int l = label(x, y, z, n);
            return l == 2 ? 1 : l == 1 ? 2 : l == 4 ? 3 : 0;
        }));
    }

    /** The Task01 dataset.json's modality map. */
    public static void writeMsdDatasetJson(Path root) throws IOException {
        Files.writeString(root.resolve("dataset.json"), "{\"name\": \"BRATS\", \"modality\": {\"0\": \"FLAIR\","
                + " \"1\": \"T1w\", \"2\": \"t1gd\", \"3\": \"T2w\"}, \"labels\": {\"0\": \"background\", \"1\":"
                + " \"edema\", \"2\": \"non-enhancing tumor\", \"3\": \"enhancing tumour\"}}", StandardCharsets.UTF_8);
    }

    private interface Voxel {
        int at(int x, int y, int z);
    }

    private static double at(int[] n, long i, Voxel v) {
        int x = (int) (i % n[0]);
        int y = (int) (i / n[0] % n[1]);
        int z = (int) (i / ((long) n[0] * n[1]));
        return v.at(x, y, z);
    }

    private static double[][] ras() {
        return new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
    }

    private static NiftiWriter writer(int[] n, NiftiType t) {
        return new NiftiWriter().dims(n[0], n[1], n[2]).type(t).gzip(true).sform(ras());
    }
}
