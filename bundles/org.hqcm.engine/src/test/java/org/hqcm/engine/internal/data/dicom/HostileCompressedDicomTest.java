package org.hqcm.engine.internal.data.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile compressed DICOM: every declared size is checked before decoding, with a clear message. */
class HostileCompressedDicomTest {
    private static final long LIMIT = 1L << 24;
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    private static final int[] VALUES = {1, 300, 65535, 4096, 7, 0};

    @TempDir
    Path dir;

    private static DicomTestWriter rle(int rows, int cols, int frames) {
        DicomTestWriter w = new DicomTestWriter(RLE);
        if (frames != 1) {
            w.text(0x00280008, "IS", String.valueOf(frames));
        }
        return w.image(rows, cols, 16, 16, false, "MONOCHROME2");
    }

    private String message(byte[] file) throws IOException {
        Path f = Files.write(dir.resolve("f.dcm"), file);
        return assertThrows(IOException.class, () -> DicomParser.read(f, LIMIT)).getMessage();
    }

    @Test
    void aValidRleFrameDecodesAndItsTwoFramesWithAnOffsetTableToo() throws IOException {
        byte[] frame = DicomTestWriter.rleFrame16(VALUES);
        DicomImage one = DicomParser.parse(rle(2, 3, 1).encapsulated(new long[0], true, frame).bytes());
        assertArrayEquals(new float[] {1, 300, 65535, 4096, 7, 0}, one.pixels());
        int[] second = {9, 8, 7, 6, 5, 4};
        byte[] frame2 = DicomTestWriter.rleFrame16(second);
        DicomImage two = DicomParser.parse(rle(2, 3, 2).encapsulated(new long[] {0, 8 + frame.length}, true, frame,
                frame2).bytes());
        assertEquals(2, two.frames().size());
        assertArrayEquals(new float[] {9, 8, 7, 6, 5, 4}, two.frames().get(1));
    }

    @Test
    void rleSegmentCountsAndOffsetsBeyondTheDataAreRefused() throws IOException {
        byte[] frame = DicomTestWriter.rleFrame16(VALUES);
        byte[] count = frame.clone();
        count[0] = 15;
        assertEquals("RLE header declares 15 segments, expected 2 (one per byte of a 16-bit grey sample)",
                message(rle(2, 3, 1).encapsulated(new long[0], true, count).bytes()));
        byte[] beyond = frame.clone();
        beyond[8] = (byte) 0xFF; // second segment's offset: 0x7FFFFF.. far past the frame
        beyond[9] = (byte) 0xFF;
        beyond[10] = (byte) 0xFF;
        beyond[11] = 0x7F;
        assertEquals("RLE segment 2 starts at byte 2147483647, expected 65.." + (frame.length - 1) + " of the "
                + frame.length + "-byte frame", message(rle(2, 3, 1).encapsulated(new long[0], true, beyond).bytes()));
        // a segment whose runs end before the frame is full
        byte[] shortSegment = Arrays.copyOf(frame, frame.length - 4);
        assertTrue(message(rle(2, 3, 1).encapsulated(new long[0], true, shortSegment).bytes())
                .startsWith("RLE segment 2: a literal run of 6 bytes"));
        // absurd rows x columns: refused by the pixel limit before any fragment is looked at
        assertEquals("declares Rows x Columns x frames = 65535 x 65535 = 4294836225 pixels, more than "
                + "dataset.maxImagePixels = 16777216; not decoded",
                message(rle(65535, 65535, 1).encapsulated(new long[0], true, frame).bytes()));
        // tiny frames in absurd numbers: within the pixel limit, but each frame would become a full-size image
        assertEquals("Number of Frames (0028,0008) is 1000000, more than the 10000 frames a file may give (each frame"
                + " becomes an image of the experiment's size); not decoded",
                message(rle(1, 1, 1_000_000).encapsulated(new long[0], true, frame).bytes()));
        // a run that would write past the declared frame is cut there, never past it
        byte[] longRun = frame.clone();
        DicomImage cut = DicomParser.parse(rle(1, 3, 1).encapsulated(new long[0], true, longRun).bytes());
        assertEquals(3, cut.pixels().length);
    }

    @Test
    void truncatedFragmentsAndBrokenOffsetTablesAreRefused() throws IOException {
        byte[] frame = DicomTestWriter.rleFrame16(VALUES);
        byte[] whole = rle(2, 3, 1).encapsulated(new long[0], true, frame).bytes();
        String cut = message(Arrays.copyOf(whole, whole.length - 20));
        assertTrue(cut.matches("truncated: the Pixel Data fragment at byte \\d+ declares " + frame.length
                + " bytes, past the end of the file \\(\\d+ bytes\\)"), cut);
        assertTrue(message(rle(2, 3, 1).encapsulated(new long[0], false, frame).bytes())
                .contains("without its sequence delimiter"));
        assertEquals("the Basic Offset Table has 1 offsets, expected one per frame (2, Number of Frames (0028,0008))",
                message(rle(2, 3, 2).encapsulated(new long[] {0}, true, frame, frame).bytes()));
        assertEquals("the Basic Offset Table's offset 12 of frame 2 is not the start of a fragment (or lies past the"
                + " last one)", message(rle(2, 3, 2).encapsulated(new long[] {0, 12}, true, frame, frame).bytes()));
        assertEquals("1 fragments and no Basic Offset Table for 2 frames: cannot tell which fragments make which frame",
                message(rle(2, 3, 2).encapsulated(new long[0], true, frame).bytes()));
        assertEquals("the encapsulated Pixel Data holds no fragment: expected 1 frame",
                message(rle(2, 3, 1).encapsulated(new long[0], true).bytes()));
    }

    @Test
    void aJpegWhoseOwnSizeDisagreesWithRowsAndColumnsIsNotDecoded() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", jpeg);
        byte[] j = jpeg.toByteArray();
        byte[] ok = new DicomTestWriter(JPEG_BASELINE).image(16, 16, 8, 8, false, "MONOCHROME2")
                .encapsulated(new long[0], true, j).bytes();
        assertEquals(256, DicomParser.parse(ok).pixels().length);
        assertEquals("the JPEG frame is 16 x 16, but Columns x Rows (0028,0011/0010) declare 4000 x 4000; not decoded",
                message(new DicomTestWriter(JPEG_BASELINE).image(4000, 4000, 8, 8, false, "MONOCHROME2")
                        .encapsulated(new long[0], true, j).bytes()));
        assertEquals("the frame is not a JPEG stream: it does not start with SOI (FFD8)",
                message(new DicomTestWriter(JPEG_BASELINE).image(16, 16, 8, 8, false, "MONOCHROME2")
                        .encapsulated(new long[0], true, new byte[] {1, 2, 3, 4}).bytes()));
        // cut inside the entropy-coded data: the decoder's own error, as a bad file
        byte[] half = Arrays.copyOf(j, j.length / 2);
        String m = message(new DicomTestWriter(JPEG_BASELINE).image(16, 16, 8, 8, false, "MONOCHROME2")
                .encapsulated(new long[0], true, half.length % 2 == 0 ? half : Arrays.copyOf(half, half.length + 1))
                .bytes());
        assertTrue(m.startsWith("the JPEG frame cannot be decoded") || m.startsWith("truncated JPEG"), m);
    }

    @Test
    void uncompressedSyntaxWithEncapsulatedDataAndTheReverseAreRefused() throws IOException {
        byte[] frame = DicomTestWriter.rleFrame16(VALUES);
        assertTrue(message(new DicomTestWriter(DicomTestWriter.EXPLICIT_LE).image(2, 3, 16, 16, false, "MONOCHROME2")
                .encapsulated(new long[0], true, frame).bytes()).startsWith("Pixel Data of undefined length"));
        assertTrue(message(rle(2, 3, 1).pixels16(VALUES).bytes()).startsWith("Pixel Data of defined length (12 bytes)"
                + " in RLE Lossless"));
    }
}
