package org.hqcm.engine.internal.data.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image files made to exhaust memory, or damaged: each is refused before it is decoded (by its declared size) or by
 * a check ImageIO does not make (PNG CRCs, a truncated JPEG), with the reason.
 */
class HostileImageTest {

    private static final long LIMIT = 1L << 24;

    @TempDir
    Path dir;

    @Test
    void aSmallPngDeclaringFortyThousandSquaredPixelsIsNotDecoded() throws IOException {
        // 1.5 MB of zlib data that would inflate into 1.6 GB of pixels
        Path f = Files.write(dir.resolve("huge.png"), PngFiles.hugePng(40000, 40000));
        assertTrue(Files.size(f) < 2_000_000, Files.size(f) + " bytes");
        IOException e = assertThrows(IOException.class, () -> GreyImages.read(f, LIMIT));
        assertEquals("declares width x height = 40000 x 40000 = 1600000000 pixels, more than dataset.maxImagePixels = "
                + "16777216; not decoded", e.getMessage());
    }

    private Path realPng(String name, int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.getRaster().setSample(x, y, 0, (x * 7 + y * 3) & 255);
            }
        }
        Path f = dir.resolve(name);
        ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", f.toFile());
        return f;
    }

    @Test
    void aPngWithABadCrcIsRefusedNamingTheChunk() throws IOException {
        Path f = realPng("crc.png", 64);
        byte[] b = Files.readAllBytes(f);
        b[b.length - 13] ^= 1; // the last byte of IDAT's CRC; ImageIO alone decodes this file without a word
        Files.write(f, b);
        assertTrue(ImageIO.read(f.toFile()) != null, "ImageIO does not check CRCs");
        IOException e = assertThrows(IOException.class, () -> GreyImages.read(f, LIMIT));
        assertTrue(e.getMessage().matches("corrupt PNG: chunk IDAT at byte \\d+ has CRC [0-9a-f]{8}, its data gives "
                + "[0-9a-f]{8}"), e.getMessage());
    }

    @Test
    void aTruncatedPngIsRefused() throws IOException {
        Path f = realPng("cut.png", 64);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 20));
        IOException e = assertThrows(IOException.class, () -> GreyImages.read(f, LIMIT));
        assertTrue(e.getMessage().startsWith("truncated PNG: it ends inside chunk IDAT at byte "), e.getMessage());
    }

    @Test
    void aHalfTruncatedJpegIsRefused() throws IOException {
        Path f = realPng("half.jpg", 128);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length / 2));
        IOException e = assertThrows(IOException.class, () -> GreyImages.read(f, LIMIT));
        assertTrue(e.getMessage().startsWith("corrupt JPEG image: "), e.getMessage());
        assertTrue(e.getMessage().contains("Missing EOI marker"), e.getMessage());
    }

    @Test
    void aJpegDeclaringAHugeFrameIsNotDecoded() throws IOException {
        Path f = realPng("big.jpg", 16);
        byte[] b = Files.readAllBytes(f);
        // SOF0: FF C0, length, precision, height, width
        for (int i = 0; i + 9 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(b, i + 5, 4).putShort((short) 60000).putShort((short) 60000);
                break;
            }
        }
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> GreyImages.read(f, LIMIT));
        assertEquals("declares width x height = 60000 x 60000 = 3600000000 pixels, more than dataset.maxImagePixels = "
                + "16777216; not decoded", e.getMessage());
    }

    @Test
    void aBmpOrGifUnderAPngNameIsCheckedByItsOwnHeader() throws IOException {
        // BITMAPINFOHEADER of 10,000 x 10,000 at 8 bits: 100 MB of pixels declared in 1,078 bytes
        ByteBuffer bmp = ByteBuffer.allocate(54 + 1024).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(54 + 1024).putInt(0).putInt(54 + 1024);
        bmp.putInt(40).putInt(10_000).putInt(10_000).putShort((short) 1).putShort((short) 8).putInt(0).putInt(0)
                .putInt(0).putInt(0).putInt(256).putInt(0);
        Path f = Files.write(dir.resolve("scan.png"), bmp.array());
        IOException e = assertThrows(IOException.class, () -> GreyImages.read(f, LIMIT));
        assertEquals("declares width x height = 10000 x 10000 = 100000000 pixels, more than "
                + "dataset.maxImagePixels = 16777216; not decoded", e.getMessage());

        // GIF: logical screen and image of 65,535 x 65,535
        ByteBuffer gif = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) -1).putShort((short) -1)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        gif.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) -1).putShort((short) -1)
                .put((byte) 0).put((byte) 2).put((byte) 2).put((byte) 0x44).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        Path g = Files.write(dir.resolve("scan.jpg"), Arrays.copyOf(gif.array(), gif.position()));
        IOException e2 = assertThrows(IOException.class, () -> GreyImages.read(g, LIMIT));
        assertEquals("declares width x height = 65535 x 65535 = 4294836225 pixels, more than "
                + "dataset.maxImagePixels = 16777216; not decoded", e2.getMessage());
    }

    @Test
    void anIntactImageStillReads() throws IOException {
        GreyImages.Grey g = GreyImages.read(realPng("ok.png", 32), LIMIT);
        assertEquals(32, g.width());
        assertEquals((7 + 3) & 255, g.pixels()[32 + 1], 0);
        assertEquals(32, GreyImages.read(realPng("ok.jpg", 32), LIMIT).height());
    }
}
