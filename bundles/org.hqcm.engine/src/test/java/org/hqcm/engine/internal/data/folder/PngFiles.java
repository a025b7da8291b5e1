package org.hqcm.engine.internal.data.folder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Test helper: PNG files built chunk by chunk, with correct CRCs, to declare what a test needs. */
public final class PngFiles {

    private PngFiles() {
    }

    /** A PNG of the given chunks after the signature, each with its CRC. */
    public static byte[] png(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    public static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    public static byte[] ihdr(int width, int height) {
        return ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array();
    }

    /** A deflated run of zero bytes: what a blank image's scanlines compress to. */
    public static byte[] zeros(int n) {
        Deflater d = new Deflater(9);
        d.setInput(new byte[n]);
        d.finish();
        byte[] buf = new byte[n / 100 + 1024];
        int len = d.deflate(buf);
        d.end();
        return Arrays.copyOf(buf, len);
    }

    /** A grey PNG declaring {@code width x height} whose IDAT is a short run of deflated zeros (a few MB at most). */
    public static byte[] hugePng(int width, int height) {
        return png(chunk("IHDR", ihdr(width, height)), chunk("IDAT", zeros((int) Math.min(160_000_000L,
                (width + 1L) * height / 10))), chunk("IEND", new byte[0]));
    }
}
