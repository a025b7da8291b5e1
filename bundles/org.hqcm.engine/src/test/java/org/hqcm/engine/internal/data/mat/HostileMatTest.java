package org.hqcm.engine.internal.data.mat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.exceptions.HdfFilterException;

/** .mat files that declare more than the pixel limit, and HDF5 chunks that inflate without end. */
class HostileMatTest {

    @TempDir
    Path dir;

    @Test
    void anImageDeclaringMoreThanTheLimitIsRefusedBeforeItsDataIsRead() throws IOException {
        Path f = dir.resolve("big.mat");
        MatFileWriter.writeFigshare(f, new short[200 * 300], 200, 300, null, 2, "P1");
        IOException e = assertThrows(IOException.class, () -> FigshareMatReader.readFile(f, 50_000));
        assertEquals("declares cjdata/image columns x rows = 300 x 200 = 60000 pixels, more than dataset.maxImagePixels"
                + " = 50000; not decoded", e.getMessage());
        assertEquals(300, FigshareMatReader.readFile(f, 60_000).width());
    }

    @Test
    void aChunkThatInflatesBeyondTheBoundIsRefused() {
        // 64 MB of zeros deflate to about 64 KB: jhdf's own filter would inflate all of it
        Deflater d = new Deflater(9);
        byte[] zeros = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < 64; i++) {
            d.setInput(zeros);
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        byte[] bomb = out.toByteArray();
        assertTrue(bomb.length < 1 << 20, bomb.length + " bytes");
        BoundedDeflate filter = new BoundedDeflate();
        try (BoundedDeflate.Scope s = BoundedDeflate.limit(8L << 20)) {
            HdfFilterException e = assertThrows(HdfFilterException.class, () -> filter.decode(bomb, new int[0]));
            assertEquals("a compressed chunk of " + bomb.length + " bytes inflates to more than 8388608 bytes, more than"
                    + " an image within dataset.maxImagePixels takes; not read", e.getMessage());
        }
        try (BoundedDeflate.Scope s = BoundedDeflate.limit(64L << 20)) {
            assertEquals(64 << 20, filter.decode(bomb, new int[0]).length);
        }
    }
}
