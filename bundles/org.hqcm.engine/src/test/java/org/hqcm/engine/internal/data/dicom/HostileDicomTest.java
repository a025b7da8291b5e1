package org.hqcm.engine.internal.data.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM files made to exhaust memory or the stack: each is refused with its reason, cheaply. */
class HostileDicomTest {

    private static final long LIMIT = 1L << 24;

    @TempDir
    Path dir;

    @Test
    void rowsTimesColumnsAreMultipliedWithoutOverflow() throws IOException {
        Path f = Files.write(dir.resolve("huge.dcm"), new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .image(65535, 65535, 16, 16, false, "MONOCHROME2").pixels16(new int[4]).bytes());
        IOException e = assertThrows(IOException.class, () -> DicomParser.read(f, LIMIT));
        assertEquals("declares Rows x Columns x frames = 65535 x 65535 = 4294836225 pixels, more than "
                + "dataset.maxImagePixels = 16777216; not decoded", e.getMessage());
    }

    @Test
    void framesCountTowardsTheLimit() throws IOException {
        Path f = Files.write(dir.resolve("frames.dcm"), new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .text(0x00280008, "IS", "300").image(512, 512, 16, 16, false, "MONOCHROME2").pixels16(new int[4])
                .bytes());
        IOException e = assertThrows(IOException.class, () -> DicomParser.read(f, LIMIT));
        assertEquals("declares Rows x Columns x frames = 512 x 512 x 300 = 78643200 pixels, more than "
                + "dataset.maxImagePixels = 16777216; not decoded", e.getMessage());
    }

    @Test
    void twoHundredThousandNestedSequencesAreRefusedWithoutRecursion() throws IOException {
        Path f = Files.write(dir.resolve("nested.dcm"), new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .nested(0x00081032, 200_000).image(2, 2, 16, 16, false, "MONOCHROME2").pixels16(new int[4]).bytes());
        IOException e = assertThrows(IOException.class, () -> DicomParser.read(f, LIMIT));
        assertTrue(e.getMessage().matches("sequences nested more than 64 deep at byte \\d+ \\(real files nest a few "
                + "levels\\); not read"), e.getMessage());
        // a modest nesting still parses
        byte[] ok = new DicomTestWriter(DicomTestWriter.IMPLICIT_LE).nested(0x00081032, 40)
                .image(1, 2, 16, 16, false, "MONOCHROME2").pixels16(new int[] {7, 9}).bytes();
        assertArrayEquals(new float[] {7, 9}, DicomParser.parse(ok).pixels());
    }

    @Test
    void aSparseThreeGigabyteFileIsNotReadWhole() throws IOException {
        // 38,730 x 38,730 x 16 bits: a consistent 3 GB image, refused by its declared size
        Path big = dir.resolve("sparse-big.dcm");
        Files.write(big, new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .image(38730, 38730, 16, 16, false, "MONOCHROME2").pixelHeader(38730L * 38730 * 2).bytes());
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(3_000_000_000L); // sparse: no disk used
        }
        IOException e = assertThrows(IOException.class, () -> DicomParser.read(big, LIMIT));
        assertTrue(e.getMessage().startsWith("declares Rows x Columns x frames = 38730 x 38730 = 1500012900 pixels"),
                e.getMessage());
        // 512 x 512 whose Pixel Data claims 3 GB: the sizes disagree
        Path claim = dir.resolve("sparse-claim.dcm");
        Files.write(claim, new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .image(512, 512, 16, 16, false, "MONOCHROME2").pixelHeader(2_999_000_000L).bytes());
        try (RandomAccessFile raf = new RandomAccessFile(claim.toFile(), "rw")) {
            raf.setLength(3_000_000_000L);
        }
        IOException e2 = assertThrows(IOException.class, () -> DicomParser.read(claim, LIMIT));
        assertEquals("Pixel Data declares 2999000000 bytes, but Rows x Columns x frames x 2 bytes = 524288: not read",
                e2.getMessage());
    }

    @Test
    void aFileCutInsideItsPixelsSaysWhereItEnds() throws IOException {
        byte[] whole = new DicomTestWriter(DicomTestWriter.EXPLICIT_LE).image(64, 64, 16, 16, false, "MONOCHROME2")
                .pixels16(new int[64 * 64]).bytes();
        Path f = Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(whole, whole.length - 100));
        IOException e = assertThrows(IOException.class, () -> DicomParser.read(f, LIMIT));
        assertTrue(e.getMessage().startsWith("truncated: the Pixel Data of 8192 bytes at byte "), e.getMessage());
    }
}
