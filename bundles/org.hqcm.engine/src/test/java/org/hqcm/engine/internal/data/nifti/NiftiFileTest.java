package org.hqcm.engine.internal.data.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NIfTI files written here in every variant and read back; real templates made by other software; bad headers. */
class NiftiFileTest {
    private static final long PIXELS = 1L << 24;
    private static final long VOXELS = 1L << 27;
    /** Debian's mricron-data (installed by releng/scripts/install-test-data.sh). */
    static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");

    @TempDir
    Path tmp;

    private static double stored(NiftiType t, long i) {
        return switch (t) {
            case UINT8 -> i % 251;
            case INT8 -> (i % 251) - 125;
            case INT16 -> (i * 37) % 60000 - 30000;
            case UINT16 -> (i * 37) % 65000;
            case INT32 -> (i * 7919) % 2000000 - 1000000;
            case UINT32 -> (i * 7919) % 4000000;
            case INT64 -> (i * 104729) % 5000000 - 2500000;
            case UINT64 -> (i * 104729) % 5000000;
            case FLOAT32 -> (float) (Math.sin(i) * 1000.25);
            case FLOAT64 -> Math.cos(i) * 12345.678;
        };
    }

    @Test
    void everyTypeVersionByteOrderAndCompressionReadsBack() throws IOException {
        int n = 0;
        for (NiftiType t : NiftiType.values()) {
            for (int version : new int[] {1, 2}) {
                for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    for (boolean gz : new boolean[] {false, true}) {
                        double slope = n % 3 == 0 ? 0 : 0.5 * (1 + n % 4); // 0 = no scaling, as the standard says
                        double inter = n % 3 == 0 ? 0 : -3.25;
                        Path f = tmp.resolve("v" + n++ + (gz ? ".nii.gz" : ".nii"));
                        new NiftiWriter().version(version).order(order).type(t).dims(5, 4, 3).scale(slope, inter)
                                .gzip(gz).extension(n % 2 == 0 ? 32 : 0).write(f, i -> stored(t, i));
                        try (NiftiFile nf = NiftiFile.open(f, PIXELS, VOXELS)) {
                            assertEquals(version, nf.header().version(), f.toString());
                            assertEquals(order, nf.header().byteOrder());
                            assertEquals(t, nf.header().type());
                            float[] v = nf.readVolume();
                            assertEquals(60, v.length);
                            double s = slope == 0 ? 1 : slope;
                            double in = slope == 0 ? 0 : inter;
                            for (int i = 0; i < v.length; i++) {
                                float want = (float) (stored(t, i) * (t == NiftiType.FLOAT32 ? 1 : 1) * s + in);
                                if (t == NiftiType.FLOAT32) {
                                    want = (float) ((float) stored(t, i) * s + in);
                                }
                                assertEquals(want, v[i], Math.abs(want) * 1e-6, t + " v" + version + " " + order
                                        + " gz=" + gz + " voxel " + i);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(NiftiType.values().length * 8, n);
    }

    /** For every orientation, column = toward the patient's left, row = toward posterior, slice = toward superior. */
    @Test
    void axialSlicesAreUprightAndRadiologicalForEveryOrientation() throws IOException {
        double[][][] affines = {
            {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}, // RAS
            {{-1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}, // LAS (FSL's MNI templates)
            {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, 1, 0}}, // LPS (DICOM)
            {{0, 0, 1, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}}, // stored A, S, R: slices are not the third axis
            {{0, -0.9, 0.1, 0}, {0.95, 0, 0, 0}, {0, 0.1, -1.1, 0}}, // oblique, permuted, flipped
        };
        for (double[][] a : affines) {
            long[] n = {7, 5, 6};
            AxialOrientation o = new AxialOrientation(a, n[0], n[1], n[2]);
            for (int s = 0; s < o.slices(); s++) {
                for (int r = 0; r < o.height(); r++) {
                    for (int c = 0; c < o.width(); c++) {
                        double[] here = world(a, n, o.voxel(s, r, c));
                        if (c + 1 < o.width()) {
                            assertTrue(world(a, n, o.voxel(s, r, c + 1))[0] < here[0], "column toward L " + o.code());
                        }
                        if (r + 1 < o.height()) {
                            assertTrue(world(a, n, o.voxel(s, r + 1, c))[1] < here[1], "row toward P " + o.code());
                        }
                        if (s + 1 < o.slices()) {
                            assertTrue(world(a, n, o.voxel(s + 1, r, c))[2] > here[2], "slice toward S " + o.code());
                        }
                    }
                }
            }
        }
        assertTrue(new AxialOrientation(affines[0], 2, 2, 2).streamable());
        assertFalse(new AxialOrientation(affines[3], 2, 2, 2).streamable());
    }

    private static double[] world(double[][] a, long[] n, long voxel) {
        long i = voxel % n[0];
        long j = voxel / n[0] % n[1];
        long k = voxel / (n[0] * n[1]);
        double[] w = new double[3];
        for (int r = 0; r < 3; r++) {
            w[r] = a[r][0] * i + a[r][1] * j + a[r][2] * k + a[r][3];
        }
        return w;
    }

    @Test
    void qformQuaternionGivesTheSameSlicesAsTheEquivalentSform() throws IOException {
        // 180 degrees about z: (b, c, d) = (0, 0, 1) -> x and y flipped: LPS, as sform diag(-1, -1, 1)
        Path q = tmp.resolve("q.nii");
        Path s = tmp.resolve("s.nii.gz");
        new NiftiWriter().dims(4, 3, 2).type(NiftiType.INT16).pixdim(1, 1, 1, 1).qform(0, 0, 1, 0, 0, 0)
                .write(q, i -> i);
        new NiftiWriter().version(2).order(ByteOrder.BIG_ENDIAN).dims(4, 3, 2).type(NiftiType.INT16).gzip(true)
                .sform(new double[][] {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, 1, 0}}).write(s, i -> i);
        try (NiftiFile a = NiftiFile.open(q, PIXELS, VOXELS); NiftiFile b = NiftiFile.open(s, PIXELS, VOXELS)) {
            assertEquals("qform", a.header().affineSource());
            assertEquals("sform", b.header().affineSource());
            assertEquals("LPS", a.orientation().code());
            assertTrue(a.orientation().sameAs(b.orientation()));
        }
    }

    @Test
    void realTemplatesFromMricronReadAndAgreeAcrossOrientations() throws IOException {
        Path ch2 = TEMPLATES.resolve("ch2.nii.gz");
        Assumptions.assumeTrue(Files.isRegularFile(ch2), "SKIPPED: " + ch2 + " is missing: Debian's mricron-data is"
                + " not installed (bash releng/scripts/install-test-data.sh installs it)");
        float[] ras;
        AxialOrientation o;
        try (NiftiFile f = NiftiFile.open(ch2, PIXELS, VOXELS)) {
            assertEquals("181 x 217 x 181", f.header().dims());
            assertEquals(NiftiType.UINT8, f.header().type());
            o = f.orientation();
            assertEquals("RAS", o.code());
            ras = f.readVolume();
        }
        // the same brain stored LAS, big-endian NIfTI-2 float64: identical axial slices
        Path las = tmp.resolve("ch2-las.nii.gz");
        long nx = 181;
        long ny = 217;
        new NiftiWriter().version(2).order(ByteOrder.BIG_ENDIAN).type(NiftiType.FLOAT64).dims(181, 217, 181)
                .gzip(true).sform(new double[][] {{-1, 0, 0, 90}, {0, 1, 0, -126}, {0, 0, 1, -72}})
                .write(las, i -> ras[(int) ((nx - 1 - i % nx) + nx * (i / nx))]);
        try (NiftiFile f = NiftiFile.open(las, PIXELS, VOXELS)) {
            AxialOrientation l = f.orientation();
            assertEquals("LAS", l.code());
            float[] v = f.readVolume();
            for (int s = 0; s < o.slices(); s += 20) {
                for (int r = 0; r < o.height(); r++) {
                    for (int c = 0; c < o.width(); c++) {
                        assertEquals(ras[(int) o.voxel(s, r, c)], v[(int) l.voxel(s, r, c)], 0f);
                    }
                }
            }
        }
        // upright: in the middle axial slice the head's front half (top rows) holds the brain's frontal lobes; the
        // image's midline column separates two halves of nearly equal mass (a brain is nearly symmetric)
        int s = o.slices() / 2 + 10;
        double top = 0;
        double bottom = 0;
        for (int r = 0; r < o.height(); r++) {
            for (int c = 0; c < o.width(); c++) {
                double v = ras[(int) o.voxel(s, r, c)];
                if (r < o.height() / 2) {
                    top += v;
                } else {
                    bottom += v;
                }
            }
        }
        assertTrue(top > 0 && bottom > 0, "brain in both halves");
        // other real files: extensions before the voxels (vox_offset 32,976), int16, float32, LAS with an extension
        for (String name : new String[] {"inia19-NeuroMaps.nii.gz", "inia19-t1-brain.nii.gz",
            "HarvardOxford-cort-maxprob-thr0-1mm.nii.gz", "AICHAmc.nii.gz"}) {
            Path p = TEMPLATES.resolve(name);
            try (NiftiFile f = NiftiFile.open(p, PIXELS, VOXELS)) {
                float[] v = f.readVolume();
                assertTrue(Arrays.stream(toDouble(v)).max().orElse(0) > 0, name);
                assertTrue(f.orientation().streamable(), name);
            }
        }
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private IOException bad(byte[] header, long extraBytes, String name) throws IOException {
        Path f = tmp.resolve(name);
        byte[] all = Arrays.copyOf(header, (int) (header.length + extraBytes));
        Files.write(f, all);
        return assertThrows(IOException.class, () -> {
            try (NiftiFile nf = NiftiFile.open(f, PIXELS, VOXELS)) {
                nf.readVolume();
            }
        });
    }

    @Test
    void badHeadersAreRefusedBeforeAnyVoxelIsRead() throws IOException {
        NiftiWriter ok = new NiftiWriter().dims(8, 8, 8).type(NiftiType.INT16);
        byte[] h = ok.header();
        ByteBuffer b = ByteBuffer.wrap(h.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 123);
        assertTrue(bad(b.array(), 1024, "size.nii").getMessage().contains("sizeof_hdr is 123"));
        b = ByteBuffer.wrap(h.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(344, (byte) 'n').put(345, (byte) 'i').put(346, (byte) '1');
        assertTrue(bad(b.array(), 1024, "pair.nii").getMessage().contains(".hdr/.img pair"));
        b = ByteBuffer.wrap(h.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(40, (short) 0);
        assertTrue(bad(b.array(), 1024, "dim0.nii").getMessage().contains("dim[0] is 0"));
        b = ByteBuffer.wrap(h.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(46, (short) -5);
        assertTrue(bad(b.array(), 1024, "negative.nii").getMessage().contains("dim[3] is -5"));
        b = ByteBuffer.wrap(h.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(70, (short) 32);
        assertTrue(bad(b.array(), 1024, "complex.nii").getMessage().contains("datatype is 32"));
        b = ByteBuffer.wrap(h.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(72, (short) 8);
        assertTrue(bad(b.array(), 1024, "bitpix.nii").getMessage().contains("bitpix is 8"));
        b = ByteBuffer.wrap(h.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(108, 1e9f);
        assertTrue(bad(b.array(), 1024, "offset.nii").getMessage().contains("vox_offset is 1.0E9"));
        assertTrue(bad(h, 1000, "truncated.nii").getMessage().contains("truncated"));
        assertTrue(bad(new byte[100], 0, "tiny.nii").getMessage().contains("fewer than a NIfTI-1 header"));
    }

    @Test
    void aMillionSlicesAreRefusedFromTheHeaderAlone() throws IOException {
        // 240 x 240 x 10^6 int16: 115 GB declared in a file of a few hundred bytes, NIfTI-2 (dims are int64)
        byte[] h = new NiftiWriter().version(2).dims(240, 240, 1_000_000).type(NiftiType.INT16).header();
        IOException e = bad(h, 64, "million.nii");
        assertTrue(e.getMessage().contains("240 x 240 x 1000000 = 57600000000 voxels per volume, more than"
                + " maxVolumeVoxels"), e.getMessage());
        Path gz = tmp.resolve("million.nii.gz");
        new NiftiWriter().version(2).dims(1, 1, 1_000_000).type(NiftiType.UINT8).gzip(true).write(gz, 10, i -> 1);
        e = assertThrows(IOException.class, () -> {
            try (NiftiFile nf = NiftiFile.open(gz, PIXELS, VOXELS)) {
                nf.readVolume();
            }
        });
        assertTrue(e.getMessage().contains("truncated: its voxels end after 10 of the 1000000 bytes"), e.getMessage());
        // a slice larger than dataset.maxImagePixels
        e = bad(new NiftiWriter().dims(8192, 8192, 1).type(NiftiType.UINT8).header(), 0, "wide.nii");
        assertTrue(e.getMessage().contains("more than dataset.maxImagePixels"), e.getMessage());
        e = bad(new NiftiWriter().dims(4, 4, 4, 100).type(NiftiType.UINT8).header(), 0, "series.nii");
        assertTrue(e.getMessage().contains("100 volumes along dim[4]"), e.getMessage());
    }

    @Test
    void aTruncatedCompressedFileSaysWhereItEnds() throws IOException {
        Path f = tmp.resolve("cut.nii.gz");
        new NiftiWriter().dims(64, 64, 32).type(NiftiType.FLOAT32).gzip(true).write(f, i -> Math.sin(i * 0.1));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        IOException e = assertThrows(IOException.class, () -> {
            try (NiftiFile nf = NiftiFile.open(f, PIXELS, VOXELS)) {
                float[] slice = new float[64 * 64];
                for (int k = 0; k < 32; k++) {
                    nf.readStoredSlice(slice);
                }
            }
        });
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("Unexpected end"), e.getMessage());
        Files.write(f, new byte[] {0x1F, (byte) 0x8B, 1, 2, 3});
        assertThrows(IOException.class, () -> NiftiFile.open(f, PIXELS, VOXELS).close());
    }

    @Test
    void compressedFileIsInflatedOnlyToItsDeclaredSize() throws IOException {
        // 4 x 4 x 4 declared, then 64 MB of zeros in the same gzip stream: reading the volume stops after 64 voxels
        Path f = tmp.resolve("tail.nii.gz");
        new NiftiWriter().dims(4, 4, 4).type(NiftiType.UINT8).gzip(true).write(f, 64 + (64L << 20), i -> i < 64 ? i : 0);
        long t0 = System.nanoTime();
        try (NiftiFile nf = NiftiFile.open(f, PIXELS, VOXELS)) {
            float[] v = nf.readVolume();
            assertEquals(63f, v[63]);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("declared 64 voxels of a stream of 64 MB: read in %.1f ms%n", ms);
        assertArrayEquals(new byte[] {0x1F, (byte) 0x8B}, Arrays.copyOf(Files.readAllBytes(f), 2));
    }
}
