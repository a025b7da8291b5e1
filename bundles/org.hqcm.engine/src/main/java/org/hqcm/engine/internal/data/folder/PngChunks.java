package org.hqcm.engine.internal.data.folder;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A PNG's chunks, walked before ImageIO decodes the file: the header must come first (its declared size is what
 * the pixel limit is checked against), every chunk's CRC must match and the file must reach IEND. Hand-written
 * because JDK 17's PNG reader checks no CRC: a PNG whose IDAT CRC was flipped decoded without a word (tried), so a
 * damaged file was trained on. One pass over the file in 64 KB pieces; nothing is decoded or kept.
 */
final class PngChunks {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    /** Width and height of a PNG whose chunks are all intact. */
    record Header(long width, long height) {
    }

    private PngChunks() {
    }

    /** Whether {@code head} (the file's first bytes) starts with the PNG signature. */
    static boolean isPng(byte[] head, int length) {
        if (length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Checks the chunks of a PNG file; an IOException names the chunk and byte where it is damaged. */
    static Header verify(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            in.readFully(new byte[SIGNATURE.length]);
            long at = SIGNATURE.length;
            byte[] buf = new byte[1 << 16];
            Header header = null;
            CRC32 crc = new CRC32();
            while (true) {
                long length;
                byte[] type = new byte[4];
                try {
                    length = in.readInt() & 0xFFFFFFFFL;
                    in.readFully(type);
                } catch (EOFException e) {
                    throw new IOException("truncated PNG: it ends at byte " + at + " before its IEND chunk");
                }
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (length > Integer.MAX_VALUE) {
                    throw new IOException("corrupt PNG: chunk " + name + " at byte " + at + " declares " + length
                            + " bytes (at most 2^31 - 1)");
                }
                if (header == null && (!name.equals("IHDR") || length != 13)) {
                    throw new IOException("corrupt PNG: the first chunk is " + name + " of " + length
                            + " bytes, expected IHDR of 13");
                }
                crc.reset();
                crc.update(type);
                byte[] ihdr = header == null ? new byte[13] : null;
                try {
                    for (long left = length; left > 0;) {
                        int n = (int) Math.min(buf.length, left);
                        in.readFully(buf, 0, n);
                        crc.update(buf, 0, n);
                        if (ihdr != null) {
                            System.arraycopy(buf, 0, ihdr, 0, 13);
                        }
                        left -= n;
                    }
                    long stored = in.readInt() & 0xFFFFFFFFL;
                    if (stored != crc.getValue()) {
                        throw new IOException(String.format("corrupt PNG: chunk %s at byte %d has CRC %08x, its data"
                                + " gives %08x", name, at, stored, crc.getValue()));
                    }
                } catch (EOFException e) {
                    throw new IOException("truncated PNG: it ends inside chunk " + name + " at byte " + at);
                }
                if (ihdr != null) {
                    header = new Header(u32(ihdr, 0), u32(ihdr, 4));
                }
                if (name.equals("IEND")) {
                    return header;
                }
                at += 12 + length;
            }
        }
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
