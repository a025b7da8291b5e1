package org.hqcm.engine.internal.data.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.TumourClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomParserTest {

    @TempDir
    Path dir;

    @Test
    void implicitLittleEndianUnsigned16Bit() throws IOException {
        byte[] f = new DicomTestWriter(DicomTestWriter.IMPLICIT_LE)
                .text(0x00100020, "LO", "PAT-7")
                .image(2, 3, 16, 16, false, "MONOCHROME2")
                .pixels16(new int[] {0, 1, 2, 1000, 40000, 65535})
                .bytes();
        DicomImage img = DicomParser.parse(f);
        assertEquals(2, img.rows());
        assertEquals(3, img.columns());
        assertEquals("PAT-7", img.patientId());
        assertArrayEquals(new float[] {0, 1, 2, 1000, 40000, 65535}, img.pixels());
    }

    @Test
    void explicitLittleEndianSigned12BitWithRescaleAndUndefinedLengthSequences() throws IOException {
        // 12 bits stored in 16 allocated; the high 4 bits hold garbage that must be masked off
        int[] stored = {0x0FFF, 0x0800, 0x07FF, 0xF001};
        byte[] f = new DicomTestWriter(DicomTestWriter.EXPLICIT_LE)
                .undefinedSequence(0x00081032)
                .text(0x00100020, "LO", "P2")
                .image(2, 2, 16, 12, true, "MONOCHROME2")
                .text(0x00281052, "DS", "-1024")
                .text(0x00281053, "DS", "2")
                .pixels16(stored)
                .bytes();
        DicomImage img = DicomParser.parse(f);
        // -1, -2048, 2047, 1 -> * 2 - 1024
        assertArrayEquals(new float[] {-1026, -5120, 3070, -1022}, img.pixels());
        assertEquals("P2", img.patientId());
    }

    @Test
    void explicitBigEndian8BitMonochrome1IsInverted() throws IOException {
        byte[] f = new DicomTestWriter(DicomTestWriter.EXPLICIT_BE)
                .undefinedSequence(0x00081032)
                .image(1, 3, 8, 8, false, "MONOCHROME1")
                .pixels8(new int[] {0, 100, 255})
                .bytes();
        DicomImage img = DicomParser.parse(f);
        assertArrayEquals(new float[] {0, -100, -255}, img.pixels());
        assertNull(img.patientId());
    }

    @Test
    void bigEndian16BitValuesAreReadInOrder() throws IOException {
        byte[] f = new DicomTestWriter(DicomTestWriter.EXPLICIT_BE)
                .image(1, 2, 16, 16, false, "MONOCHROME2")
                .pixels16(new int[] {0x0102, 0x0A0B})
                .bytes();
        assertArrayEquals(new float[] {0x0102, 0x0A0B}, DicomParser.parse(f).pixels());
    }

    @Test
    void compressedTruncatedAndForeignFilesAreRefusedWithAClearReason() {
        byte[] jpegLs = new DicomTestWriter("1.2.840.10008.1.2.4.80").image(1, 1, 8, 8, false, "MONOCHROME2").bytes();
        IOException e1 = assertThrows(IOException.class, () -> DicomParser.parse(jpegLs));
        assertTrue(e1.getMessage().contains("1.2.840.10008.1.2.4.80") && e1.getMessage().contains("JPEG-LS Lossless"),
                e1.getMessage());

        byte[] good = new DicomTestWriter(DicomTestWriter.EXPLICIT_LE).image(4, 4, 16, 16, false, "MONOCHROME2")
                .pixels16(new int[16]).bytes();
        byte[] cut = Arrays.copyOf(good, good.length - 10);
        IOException e2 = assertThrows(IOException.class, () -> DicomParser.parse(cut));
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());

        IOException e3 = assertThrows(IOException.class, () -> DicomParser.parse(new byte[300]));
        assertTrue(e3.getMessage().contains("DICM"), e3.getMessage());

        byte[] rgb = new DicomTestWriter(DicomTestWriter.EXPLICIT_LE).image(1, 1, 8, 8, false, "RGB")
                .pixels8(new int[] {1}).bytes();
        assertTrue(assertThrows(IOException.class, () -> DicomParser.parse(rgb)).getMessage().contains("RGB"));
    }

    @Test
    void folderReaderTakesClassFromFolderAndPatientFromTheFile() throws IOException {
        Path cls = dir.resolve("Glioma");
        Files.createDirectories(cls);
        Files.write(cls.resolve("IM0001"), new DicomTestWriter(DicomTestWriter.IMPLICIT_LE)
                .text(0x00100020, "LO", "PX").image(2, 2, 16, 16, false, "MONOCHROME2")
                .pixels16(new int[] {1, 2, 3, 4}).bytes());
        Files.write(cls.resolve("broken.dcm"), new byte[10]);
        Files.writeString(cls.resolve("readme.txt"), "ignored: not a DICOM name");
        DicomFolderReader reader = new DicomFolderReader(dir);
        List<BadFile> refused = new ArrayList<>();
        List<Path> files = reader.files(refused);
        assertEquals(2, files.size(), files.toString());
        RawImage img = reader.read(cls.resolve("IM0001"));
        assertEquals(TumourClass.GLIOMA, img.tumourClass());
        assertEquals("PX", img.patientId());
        assertEquals(GivenSplit.NONE, img.givenSplit());
        assertThrows(IOException.class, () -> reader.read(cls.resolve("broken.dcm")));
    }
}
