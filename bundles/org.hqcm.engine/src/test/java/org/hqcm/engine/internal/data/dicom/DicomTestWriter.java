package org.hqcm.engine.internal.data.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes small DICOM Part-10 files in a given transfer syntax, for tests. Elements must be added in tag order. */
final class DicomTestWriter {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean explicit;
    private final boolean bigEndian;

    DicomTestWriter(String transferSyntax) {
        this.explicit = !transferSyntax.equals(IMPLICIT_LE);
        this.bigEndian = transferSyntax.equals(EXPLICIT_BE);
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        metaElement(meta, 0x0001, "OB", new byte[] {0, 1});
        metaElement(meta, 0x0002, "UI", uid("1.2.840.10008.5.1.4.1.1.4"));
        metaElement(meta, 0x0003, "UI", uid("1.2.3.4.5.6"));
        metaElement(meta, 0x0010, "UI", uid(transferSyntax));
        byte[] m = meta.toByteArray();
        byte[] len = {(byte) m.length, (byte) (m.length >> 8), (byte) (m.length >> 16), (byte) (m.length >> 24)};
        metaElement(out, 0x0000, "UL", len);
        out.writeBytes(m);
    }

    private static byte[] uid(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length % 2 == 1) {
            byte[] p = new byte[b.length + 1];
            System.arraycopy(b, 0, p, 0, b.length);
            return p; // UIDs pad with NUL
        }
        return b;
    }

    private static void metaElement(ByteArrayOutputStream o, int element, String vr, byte[] value) {
        o.write(0x02);
        o.write(0x00);
        o.write(element & 0xFF);
        o.write(element >> 8);
        o.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB")) {
            o.write(0);
            o.write(0);
            o.write(value.length & 0xFF);
            o.write(value.length >> 8);
            o.write(0);
            o.write(0);
        } else {
            o.write(value.length & 0xFF);
            o.write(value.length >> 8);
        }
        o.writeBytes(value);
    }

    private void u16(int v) {
        if (bigEndian) {
            out.write(v >> 8);
            out.write(v & 0xFF);
        } else {
            out.write(v & 0xFF);
            out.write(v >> 8);
        }
    }

    private void u32(long v) {
        if (bigEndian) {
            out.write((int) (v >> 24));
            out.write((int) (v >> 16));
            out.write((int) (v >> 8));
            out.write((int) v);
        } else {
            out.write((int) v);
            out.write((int) (v >> 8));
            out.write((int) (v >> 16));
            out.write((int) (v >> 24));
        }
    }

    private void header(int tag, String vr, long length) {
        u16(tag >>> 16);
        u16(tag & 0xFFFF);
        if (!explicit) {
            u32(length);
            return;
        }
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT")) {
            u16(0);
            u32(length);
        } else {
            u16((int) length);
        }
    }

    DicomTestWriter us(int tag, int value) {
        header(tag, "US", 2);
        u16(value);
        return this;
    }

    DicomTestWriter text(int tag, String vr, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        boolean pad = b.length % 2 == 1;
        header(tag, vr, b.length + (pad ? 1 : 0));
        out.writeBytes(b);
        if (pad) {
            out.write(' ');
        }
        return this;
    }

    /** A sequence of undefined length holding one item of undefined length with one text element and a nested empty sequence. */
    DicomTestWriter undefinedSequence(int tag) {
        header(tag, "SQ", 0xFFFFFFFFL);
        // item
        u16(0xFFFE);
        u16(0xE000);
        u32(0xFFFFFFFFL);
        text(0x00080100, "SH", "T-A0100");
        header(0x00400260, "SQ", 0xFFFFFFFFL);
        u16(0xFFFE);
        u16(0xE0DD);
        u32(0);
        u16(0xFFFE);
        u16(0xE00D);
        u32(0);
        // a second item of defined length
        u16(0xFFFE);
        u16(0xE000);
        u32(0);
        u16(0xFFFE);
        u16(0xE0DD);
        u32(0);
        return this;
    }

    /** {@code depth} sequences of undefined length, each in an item of the one before (a hostile nesting). */
    DicomTestWriter nested(int tag, int depth) {
        for (int i = 0; i < depth; i++) {
            header(tag, "SQ", 0xFFFFFFFFL);
            u16(0xFFFE);
            u16(0xE000);
            u32(0xFFFFFFFFL);
        }
        for (int i = 0; i < depth; i++) {
            u16(0xFFFE);
            u16(0xE00D);
            u32(0);
            u16(0xFFFE);
            u16(0xE0DD);
            u32(0);
        }
        return this;
    }

    /** The Pixel Data header alone, declaring {@code length} bytes (the caller writes or omits them). */
    DicomTestWriter pixelHeader(long length) {
        header(0x7FE00010, "OW", length);
        return this;
    }

    DicomTestWriter pixels16(int[] values) {
        header(0x7FE00010, "OW", values.length * 2L);
        for (int v : values) {
            u16(v & 0xFFFF);
        }
        return this;
    }

    DicomTestWriter pixels8(int[] values) {
        boolean pad = values.length % 2 == 1;
        header(0x7FE00010, "OB", values.length + (pad ? 1 : 0));
        for (int v : values) {
            out.write(v & 0xFF);
        }
        if (pad) {
            out.write(0);
        }
        return this;
    }

    /**
     * Encapsulated Pixel Data: an offset table item holding {@code offsets} (empty for none), one item per fragment,
     * then the sequence delimiter (omitted when {@code delimiter} is false).
     */
    DicomTestWriter encapsulated(long[] offsets, boolean delimiter, byte[]... fragments) {
        header(0x7FE00010, "OB", 0xFFFFFFFFL);
        u16(0xFFFE);
        u16(0xE000);
        u32(4L * offsets.length);
        for (long o : offsets) {
            u32(o);
        }
        for (byte[] f : fragments) {
            u16(0xFFFE);
            u16(0xE000);
            u32(f.length);
            out.writeBytes(f);
        }
        if (delimiter) {
            u16(0xFFFE);
            u16(0xE0DD);
            u32(0);
        }
        return this;
    }

    /**
     * An RLE Lossless frame of 16-bit samples coded as literal runs only (a valid, if unsmall, coding): the header,
     * the high-byte segment, the low-byte segment.
     */
    static byte[] rleFrame16(int[] values) {
        ByteArrayOutputStream[] seg = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < values.length; i += 128) {
                int n = Math.min(128, values.length - i);
                seg[s].write(n - 1);
                for (int k = 0; k < n; k++) {
                    seg[s].write(s == 0 ? (values[i + k] >> 8) & 0xFF : values[i + k] & 0xFF);
                }
            }
            if (seg[s].size() % 2 == 1) {
                seg[s].write(0x80); // no-op padding to an even length
            }
        }
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        int[] header = new int[16];
        header[0] = 2;
        header[1] = 64;
        header[2] = 64 + seg[0].size();
        for (int h : header) {
            f.write(h & 0xFF);
            f.write((h >> 8) & 0xFF);
            f.write((h >> 16) & 0xFF);
            f.write((h >> 24) & 0xFF);
        }
        f.writeBytes(seg[0].toByteArray());
        f.writeBytes(seg[1].toByteArray());
        return f.toByteArray();
    }

    /** The image attributes, in tag order. */
    DicomTestWriter image(int rows, int cols, int bitsAllocated, int bitsStored, boolean signed, String photometric) {
        us(0x00280002, 1);
        text(0x00280004, "CS", photometric);
        us(0x00280010, rows);
        us(0x00280011, cols);
        us(0x00280100, bitsAllocated);
        us(0x00280101, bitsStored);
        us(0x00280102, bitsStored - 1);
        us(0x00280103, signed ? 1 : 0);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
