package org.hqcm.engine.internal.data.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed DICOM files made by other software (pydicom's test set, DCMTK's dcmcjpeg and dcmcrle) decode to the
 * pixels of their uncompressed twins; what the reader does not decode is refused naming the syntax and a tool.
 */
class CompressedDicomTest {
    private static final long LIMIT = 1L << 24;

    @TempDir
    Path dir;

    private static DicomImage read(Path f) throws IOException {
        return DicomParser.read(f, LIMIT);
    }

    private static void assertSameFrames(DicomImage expected, DicomImage actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.columns(), actual.columns());
        assertEquals(expected.frames().size(), actual.frames().size(), "frames");
        for (int f = 0; f < expected.frames().size(); f++) {
            assertArrayEquals(expected.frames().get(f), actual.frames().get(f), "frame " + (f + 1));
        }
    }

    @Test
    void pydicomsRleFilesDecodeToTheirUncompressedTwins() throws IOException {
        DicomImage mr = read(RealDicomFiles.pydicom("MR_small.dcm"));
        DicomImage mrRle = read(RealDicomFiles.pydicom("MR_small_RLE.dcm"));
        assertEquals("1.2.840.10008.1.2.5", mrRle.transferSyntaxUid());
        assertSameFrames(mr, mrRle);
        // MR_small is signed 16-bit: some values are negative after the sign is applied? its range says it is read
        assertEquals(64 * 64, mrRle.pixels().length);

        // 15 frames of 32-bit dose, one RLE fragment per frame with an offset table
        DicomImage dose = read(RealDicomFiles.pydicom("rtdose.dcm"));
        DicomImage doseRle = read(RealDicomFiles.pydicom("rtdose_rle.dcm"));
        assertEquals(15, doseRle.frames().size());
        assertSameFrames(dose, doseRle);
        assertSameFrames(read(RealDicomFiles.pydicom("rtdose_1frame.dcm")),
                read(RealDicomFiles.pydicom("rtdose_rle_1frame.dcm")));
        // the frames differ from one another: each was decoded from its own fragment
        assertTrue(!java.util.Arrays.equals(doseRle.frames().get(0), doseRle.frames().get(7)));
    }

    @Test
    void dcmtksJpegLosslessAndRleDecodeExactly() throws Exception {
        Path mrPath = RealDicomFiles.pydicom("MR_small.dcm");
        DicomImage mr = read(mrPath);
        for (String[] args : List.of(new String[] {"dcmcjpeg", "+e1"}, new String[] {"dcmcjpeg", "+el", "+sv", "3"},
                new String[] {"dcmcjpeg", "+e1", "+fs", "1"}, new String[] {"dcmcrle"})) {
            String tool = args[0];
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            String[] all = java.util.Arrays.copyOf(rest, rest.length + 1);
            all[rest.length] = mrPath.toString();
            Path out = RealDicomFiles.dcmtk(dir.resolve(String.join("_", args).replace('+', 'p') + ".dcm"), tool, all);
            assertSameFrames(mr, read(out));
        }
    }

    @Test
    void multiFrameSixteenBitFilesCompressedByDcmtkGiveOneImagePerFrame() throws Exception {
        int rows = 24;
        int cols = 20;
        int frames = 3;
        int[] values = new int[rows * cols * frames];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37 + (i / (rows * cols)) * 1000) % 4096; // 12-bit content, a different frame each
        }
        Path raw = Files.write(dir.resolve("multi.dcm"), new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .text(0x00100020, "LO", "P7").text(0x00280008, "IS", String.valueOf(frames))
                .image(rows, cols, 16, 12, false, "MONOCHROME1").pixels16(values).bytes());
        DicomImage native3 = read(raw);
        assertEquals(frames, native3.frames().size());
        assertEquals(-values[rows * cols], native3.frames().get(1)[0], "MONOCHROME1 is negated");
        Path jpegTable = RealDicomFiles.dcmtk(dir.resolve("multi-sv1.dcm"), "dcmcjpeg", "+e1", raw.toString());
        Path jpegNoTable = RealDicomFiles.dcmtk(dir.resolve("multi-sv1-empty-table.dcm"), "dcmcjpeg", "+e1", "-ot",
                "+fs", "1", raw.toString());
        Path rle = RealDicomFiles.dcmtk(dir.resolve("multi-rle.dcm"), "dcmcrle", raw.toString());
        Path rleNoTable = RealDicomFiles.dcmtk(dir.resolve("multi-rle-empty-table.dcm"), "dcmcrle", "-ot",
                raw.toString());
        for (Path p : List.of(jpegTable, jpegNoTable, rle, rleNoTable)) {
            DicomImage d = read(p);
            assertSameFrames(native3, d);
            assertEquals("P7", d.patientId());
        }
    }

    @Test
    void eightBitBaselineAndExtendedJpegFramesAreCloseToTheOriginal() throws Exception {
        int n = 64;
        int[] values = new int[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double r = Math.hypot(x - 30, y - 34);
                values[y * n + x] = (int) Math.round(120 + 100 * Math.cos(r / 6.0) * Math.exp(-r / 40.0));
            }
        }
        Path raw = Files.write(dir.resolve("grey8.dcm"), new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .image(n, n, 8, 8, false, "MONOCHROME2").pixels8(values).bytes());
        DicomImage original = read(raw);
        for (String mode : List.of("+eb", "+ee")) {
            Path out = RealDicomFiles.dcmtk(dir.resolve("lossy" + mode.substring(1) + ".dcm"), "dcmcjpeg", mode,
                    raw.toString());
            DicomImage d = read(out);
            assertEquals(n, d.rows());
            double r = correlation(original.pixels(), d.pixels());
            assertTrue(r > 0.99, mode + ": correlation " + r + " with the uncompressed image");
        }
    }

    @Test
    void twelveBitDctFramesAreRefusedNamingADecompressor() throws Exception {
        // pydicom's JPEG Extended file and DCMTK's extended coding of a 16-bit image are 12-bit DCT (process 4)
        Path mrPath = RealDicomFiles.pydicom("MR_small.dcm");
        Path e12 = RealDicomFiles.dcmtk(dir.resolve("mr-extended.dcm"), "dcmcjpeg", "+ee", mrPath.toString());
        for (Path p : List.of(RealDicomFiles.pydicom("JPGExtended.dcm"), e12)) {
            IOException e = assertThrows(IOException.class, () -> read(p));
            assertTrue(e.getMessage().startsWith("the JPEG frame is 12-bit DCT (SOF marker FFC1, JPEG Extended process"
                    + " 4), which is not supported") && e.getMessage().contains("dcmdjpeg"), e.getMessage());
        }
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void jpegLsAndJpeg2000AreRefusedNamingTheSyntaxAndATool() {
        for (String[] f : List.of(new String[] {"MR_small_jpeg_ls_lossless.dcm", "JPEG-LS Lossless"},
                new String[] {"MR_small_jp2klossless.dcm", "JPEG 2000 Lossless"},
                new String[] {"JPEG2000.dcm", "JPEG 2000"})) {
            Path p = RealDicomFiles.pydicom(f[0]);
            IOException e = assertThrows(IOException.class, () -> read(p));
            assertTrue(e.getMessage().contains(f[1]) && e.getMessage().contains("decompress it first")
                    && e.getMessage().contains("gdcmconv"), e.getMessage());
        }
        Path rgb = RealDicomFiles.pydicom("SC_rgb_rle.dcm");
        IOException e = assertThrows(IOException.class, () -> read(rgb));
        assertEquals("Samples per Pixel (0028,0002) is 3, expected 1 (grey levels)", e.getMessage());
    }
}
