package org.hqcm.engine.internal.data.dicom;

import java.io.IOException;

/**
 * Decodes one RLE Lossless frame (PS3.5 annex G) of grey levels: a 64-byte header (the number of segments, then 15
 * offsets), then one PackBits-coded segment per byte of a sample, most significant byte first. Hand-written: the
 * format is a page of the standard, and no decoder on Maven Central reads it without a DICOM toolkit.
 *
 * <p>Bounded to the declared frame: the segment count must be Bits Allocated / 8, every offset must lie inside the
 * fragment and follow the one before, and no segment writes past {@code rows x columns} bytes (longer runs are cut,
 * as encoders pad segments to an even length); a segment that ends early is an error naming how far it got.
 */
final class RleFrameDecoder {
    private static final int HEADER = 64;

    private RleFrameDecoder() {
    }

    /** The raw samples of a frame, row-major, each the unsigned value of its {@code bitsAllocated} bits. */
    static int[] decode(byte[] frame, int pixels, int bitsAllocated) throws IOException {
        int bytesPerSample = bitsAllocated / 8;
        if (frame.length < HEADER) {
            throw new IOException("RLE frame of " + frame.length + " bytes, shorter than its 64-byte header");
        }
        long segments = EncapsulatedPixelData.u32(frame, 0);
        if (segments != bytesPerSample) {
            throw new IOException("RLE header declares " + segments + " segments, expected " + bytesPerSample
                    + " (one per byte of a " + bitsAllocated + "-bit grey sample)");
        }
        long[] offsets = new long[bytesPerSample + 1];
        for (int s = 0; s < bytesPerSample; s++) {
            offsets[s] = EncapsulatedPixelData.u32(frame, 4 + 4 * s);
            long low = s == 0 ? HEADER : offsets[s - 1] + 1;
            if (offsets[s] < low || offsets[s] >= frame.length) {
                throw new IOException("RLE segment " + (s + 1) + " starts at byte " + offsets[s] + ", expected "
                        + low + ".." + (frame.length - 1) + " of the " + frame.length + "-byte frame");
            }
        }
        offsets[bytesPerSample] = frame.length;
        int[] out = new int[pixels];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < bytesPerSample; s++) {
            unpack(frame, (int) offsets[s], (int) offsets[s + 1], plane, s + 1);
            int shift = 8 * (bytesPerSample - 1 - s);
            for (int i = 0; i < pixels; i++) {
                out[i] |= (plane[i] & 0xFF) << shift;
            }
        }
        return out;
    }

    /** PackBits: n in 0..127 copies n + 1 bytes, n in -127..-1 repeats the next byte 1 - n times, -128 is nothing. */
    private static void unpack(byte[] in, int from, int to, byte[] out, int segment) throws IOException {
        int o = 0;
        int i = from;
        while (o < out.length) {
            if (i >= to) {
                throw new IOException("RLE segment " + segment + " ends after " + o + " of the " + out.length
                        + " bytes of the frame (truncated or corrupt)");
            }
            int n = in[i++];
            if (n >= 0) {
                int count = Math.min(n + 1, out.length - o);
                if (i + count > to) {
                    throw new IOException("RLE segment " + segment + ": a literal run of " + (n + 1) + " bytes at byte "
                            + (i - 1) + " runs past the segment's end (" + to + ")");
                }
                System.arraycopy(in, i, out, o, count);
                i += n + 1;
                o += count;
            } else if (n != -128) {
                if (i >= to) {
                    throw new IOException("RLE segment " + segment + ": a repeat run at byte " + (i - 1)
                            + " has no byte to repeat");
                }
                int count = Math.min(1 - n, out.length - o);
                java.util.Arrays.fill(out, o, o + count, in[i++]);
                o += count;
            }
        }
    }
}
