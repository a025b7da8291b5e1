package org.hqcm.engine.internal.data.mat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.TumourClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;

class FigshareMatReaderTest {

    @TempDir
    Path dir;

    /** A 3-row x 5-column image whose values tell their position: 10 * row + column. */
    private static short[] positional(int rows, int cols) {
        short[] img = new short[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                img[r * cols + c] = (short) (10 * r + c);
            }
        }
        return img;
    }

    @Test
    void writesAMatlabUserBlockThatJhdfSkips() throws IOException {
        Path f = dir.resolve("1.mat");
        MatFileWriter.writeFigshare(f, positional(3, 5), 3, 5, null, 2, "MRN123");
        byte[] bytes = Files.readAllBytes(f);
        assertTrue(new String(bytes, 0, 19, StandardCharsets.US_ASCII).equals("MATLAB 7.3 MAT-file"));
        assertEquals((byte) 0x89, bytes[512]);
        assertEquals('H', bytes[513]);
        try (HdfFile hdf = new HdfFile(f)) {
            assertEquals(512, hdf.getUserBlockSize());
            // MATLAB's column-major 3 x 5 image is a [5][3] HDF5 dataset
            assertArrayEquals(new int[] {5, 3}, hdf.getDatasetByPath("cjdata/image").getDimensions());
        }
    }

    @Test
    void readsImageTransposedWithLabelPatientAndMask() throws IOException {
        Path f = dir.resolve("7.mat");
        byte[] mask = new byte[15];
        mask[1 * 5 + 4] = 1; // row 1, column 4
        MatFileWriter.writeFigshare(f, positional(3, 5), 3, 5, mask, 3, "PT-0042");
        RawImage img = FigshareMatReader.readFile(f);
        assertEquals(5, img.width());
        assertEquals(3, img.height());
        float[] expected = new float[15];
        short[] pos = positional(3, 5);
        for (int i = 0; i < 15; i++) {
            expected[i] = pos[i];
        }
        assertArrayEquals(expected, img.pixels());
        assertEquals(TumourClass.PITUITARY, img.tumourClass());
        assertEquals("PT-0042", img.patientId());
        assertEquals(1, img.mask()[9]);
        assertEquals(1, Arrays.stream(toInts(img.mask())).sum());
    }

    /**
     * A file written by the HDF5 reference library, as MATLAB writes them (superblock v0, gzip-compressed chunks,
     * uint16 PID, uint8 logical mask); made by {@code make_fixture.py} beside it.
     */
    @Test
    void readsAFileWrittenByTheHdf5ReferenceLibraryWithGzipChunks() throws Exception {
        Path f = dir.resolve("fixture.mat");
        try (var in = getClass().getResourceAsStream("libhdf5-matlab-like.mat")) {
            Files.copy(in, f);
        }
        RawImage img = FigshareMatReader.readFile(f);
        assertEquals(12, img.width());
        assertEquals(10, img.height());
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 12; c++) {
                assertEquals(10 * r + c, img.pixels()[r * 12 + c], "row " + r + " column " + c);
            }
        }
        assertEquals(TumourClass.GLIOMA, img.tumourClass());
        assertEquals("MRN-77", img.patientId());
        int ones = 0;
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 12; c++) {
                boolean inside = r >= 2 && r < 5 && c >= 7 && c < 10;
                assertEquals(inside ? 1 : 0, img.mask()[r * 12 + c]);
                ones += img.mask()[r * 12 + c];
            }
        }
        assertEquals(9, ones);
    }

    @Test
    void transposeCoversImagesLargerThanItsTiles() {
        int w = 70;
        int h = 41;
        float[] colMajor = new float[w * h];
        for (int c = 0; c < w; c++) {
            for (int r = 0; r < h; r++) {
                colMajor[c * h + r] = 1000 * r + c;
            }
        }
        float[] out = FigshareMatReader.transpose(colMajor, w, h);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                assertEquals(1000 * r + c, out[r * w + c]);
            }
        }
    }

    @Test
    void aFileWithoutMaskOrPatientStillReads() throws IOException {
        Path f = dir.resolve("2.mat");
        MatFileWriter.writeFigshare(f, positional(4, 4), 4, 4, null, 1, null);
        RawImage img = FigshareMatReader.readFile(f);
        assertEquals(TumourClass.MENINGIOMA, img.tumourClass());
        assertNull(img.patientId());
        assertNull(img.mask());
    }

    @Test
    void corruptFilesGiveMessagesNamingTheProblem() throws IOException {
        Path garbage = dir.resolve("garbage.mat");
        Files.write(garbage, new byte[2000]);
        IOException e1 = assertThrows(IOException.class, () -> FigshareMatReader.readFile(garbage));
        assertTrue(e1.getMessage().contains("HDF5"), e1.getMessage());

        Path good = dir.resolve("3.mat");
        MatFileWriter.writeFigshare(good, positional(8, 8), 8, 8, null, 1, "P");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.mat");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(IOException.class, () -> FigshareMatReader.readFile(truncated));

        Path v5 = dir.resolve("old.mat");
        byte[] head = new byte[600];
        byte[] text = "MATLAB 5.0 MAT-file, Platform: PCWIN64".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, head, 0, text.length);
        Files.write(v5, head);
        IOException e3 = assertThrows(IOException.class, () -> FigshareMatReader.readFile(v5));
        assertTrue(e3.getMessage().contains("-v7.3"), e3.getMessage());

        Path badLabel = dir.resolve("4.mat");
        MatFileWriter.writeFigshare(badLabel, positional(2, 2), 2, 2, null, 4, "P");
        IOException e4 = assertThrows(IOException.class, () -> FigshareMatReader.readFile(badLabel));
        assertTrue(e4.getMessage().contains("label is 4.0"), e4.getMessage());
    }

    private static int[] toInts(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return out;
    }
}
