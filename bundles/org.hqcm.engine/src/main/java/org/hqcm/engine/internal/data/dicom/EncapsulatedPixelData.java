package org.hqcm.engine.internal.data.dicom;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames of encapsulated (compressed) Pixel Data (PS3.5 A.4): after the element's header of undefined length come
 * items, the first the Basic Offset Table (empty, or one 32-bit offset per frame), then the fragments, then a
 * sequence delimiter. Every declared length is checked against the bytes there before anything is copied, and the
 * frames found must be as many as Number of Frames says.
 *
 * <p>Which fragments make a frame: the offset table when it is there; without it, one frame is every fragment,
 * as many fragments as frames are one each, and a JPEG frame starts at a fragment that starts with SOI (FFD8).
 */
final class EncapsulatedPixelData {
    private static final int ITEM = 0xFFFEE000;
    private static final int SEQUENCE_END = 0xFFFEE0DD;

    private EncapsulatedPixelData() {
    }

    /** A fragment: {@code length} bytes of value from {@code offset} of the file; {@code itemStart} is its tag's byte. */
    private record Fragment(int itemStart, int offset, int length) {
    }

    /**
     * The frames of the pixel data whose items start at byte {@code start} of {@code b} (all little endian, as every
     * encapsulated syntax is).
     *
     * @param frames Number of Frames
     * @param jpeg whether fragments are JPEG streams (a frame starts with SOI)
     * @param where for messages: "the file (N bytes)" or what part of it was read
     */
    static List<byte[]> frames(byte[] b, int start, long frames, boolean jpeg, String where) throws IOException {
        int pos = start;
        long[] offsets = null;
        List<Fragment> fragments = new ArrayList<>();
        int first = -1; // byte of the first fragment's item tag: offsets count from there
        while (true) {
            if (pos + 8 > b.length) {
                throw new IOException("truncated: the encapsulated Pixel Data ends at byte " + b.length + " without its"
                        + " sequence delimiter (FFFE,E0DD), in " + where);
            }
            int tag = (u16(b, pos) << 16) | u16(b, pos + 2);
            long len = u32(b, pos + 4);
            if (tag == SEQUENCE_END) {
                break;
            }
            if (tag != ITEM) {
                throw new IOException(String.format("malformed encapsulated Pixel Data: expected an item (FFFE,E000) at"
                        + " byte %d, found (%04X,%04X)", pos, tag >>> 16, tag & 0xFFFF));
            }
            if (len == 0xFFFFFFFFL || pos + 8 + len > b.length) {
                throw new IOException("truncated: the Pixel Data fragment at byte " + pos + " declares " + len
                        + " bytes, past the end of " + where);
            }
            if (offsets == null) {
                offsets = offsetTable(b, pos + 8, len, frames);
            } else {
                if (first < 0) {
                    first = pos;
                }
                fragments.add(new Fragment(pos, pos + 8, (int) len));
            }
            pos += 8 + (int) len;
        }
        if (offsets == null || fragments.isEmpty()) {
            throw new IOException("the encapsulated Pixel Data holds no fragment: expected " + frames + " frame"
                    + (frames == 1 ? "" : "s"));
        }
        List<List<Fragment>> groups = offsets.length > 0 ? byOffsets(fragments, offsets, first)
                : withoutTable(fragments, frames, jpeg, b);
        List<byte[]> out = new ArrayList<>(groups.size());
        for (List<Fragment> g : groups) {
            out.add(concat(b, g));
        }
        return out;
    }

    private static long[] offsetTable(byte[] b, int at, long len, long frames) throws IOException {
        if (len % 4 != 0) {
            throw new IOException("the Basic Offset Table has " + len + " bytes, expected a multiple of 4");
        }
        if (len == 0) {
            return new long[0];
        }
        if (len / 4 != frames) {
            throw new IOException("the Basic Offset Table has " + len / 4 + " offsets, expected one per frame ("
                    + frames + ", Number of Frames (0028,0008))");
        }
        long[] t = new long[(int) frames];
        for (int i = 0; i < t.length; i++) {
            t[i] = u32(b, at + 4 * i);
            if (i == 0 ? t[i] != 0 : t[i] <= t[i - 1]) {
                throw new IOException("the Basic Offset Table's offsets " + Arrays.toString(Arrays.copyOf(t, i + 1))
                        + " do not start at 0 and increase");
            }
        }
        return t;
    }

    private static List<List<Fragment>> byOffsets(List<Fragment> fragments, long[] offsets, int first)
            throws IOException {
        List<List<Fragment>> groups = new ArrayList<>();
        int k = 0;
        for (int f = 0; f < offsets.length; f++) {
            long end = f + 1 < offsets.length ? offsets[f + 1] : Long.MAX_VALUE;
            if (k >= fragments.size() || fragments.get(k).itemStart() - first != offsets[f]) {
                throw new IOException("the Basic Offset Table's offset " + offsets[f] + " of frame " + (f + 1)
                        + " is not the start of a fragment (or lies past the last one)");
            }
            List<Fragment> g = new ArrayList<>();
            while (k < fragments.size() && fragments.get(k).itemStart() - first < end) {
                g.add(fragments.get(k++));
            }
            groups.add(g);
        }
        return groups;
    }

    private static List<List<Fragment>> withoutTable(List<Fragment> fragments, long frames, boolean jpeg, byte[] b)
            throws IOException {
        List<List<Fragment>> groups = new ArrayList<>();
        if (frames == 1) {
            groups.add(fragments);
            return groups;
        }
        if (fragments.size() == frames) {
            for (Fragment f : fragments) {
                groups.add(List.of(f));
            }
            return groups;
        }
        if (jpeg) {
            for (Fragment f : fragments) {
                boolean soi = f.length() >= 2 && (b[f.offset()] & 0xFF) == 0xFF && (b[f.offset() + 1] & 0xFF) == 0xD8;
                if (soi || groups.isEmpty()) {
                    groups.add(new ArrayList<>());
                }
                groups.get(groups.size() - 1).add(f);
            }
            if (groups.size() == frames) {
                return groups;
            }
        }
        throw new IOException(fragments.size() + " fragments and no Basic Offset Table for " + frames + " frames: cannot"
                + " tell which fragments make which frame" + (jpeg ? " (" + groups.size() + " start a JPEG stream)" : ""));
    }

    private static byte[] concat(byte[] b, List<Fragment> g) {
        long n = 0;
        for (Fragment f : g) {
            n += f.length();
        }
        byte[] out = new byte[(int) n]; // within the bytes read: no overflow
        int at = 0;
        for (Fragment f : g) {
            System.arraycopy(b, f.offset(), out, at, f.length());
            at += f.length();
        }
        return out;
    }

    static int u16(byte[] b, int at) {
        return ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }
}
