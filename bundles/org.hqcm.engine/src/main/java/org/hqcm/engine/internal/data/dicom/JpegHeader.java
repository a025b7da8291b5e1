package org.hqcm.engine.internal.data.dicom;

import java.io.IOException;

/**
 * The frame header (SOFn) of a JPEG stream, read by walking its marker segments up to the first SOF: the size the
 * stream will decode to, checked against the DICOM file's Rows x Columns before any decoder runs, and the process.
 *
 * @param marker the SOF marker's second byte (0xC0 baseline, 0xC1 extended, 0xC2 progressive, 0xC3 lossless, ...)
 * @param precision bits per sample
 * @param rows lines
 * @param columns samples per line
 * @param components colour components
 */
record JpegHeader(int marker, int precision, int rows, int columns, int components) {
    /** Bytes walked looking for the SOF; real headers (tables, JFIF, EXIF) stay far below. */
    private static final int MAX_HEADER = 1 << 20;

    boolean lossless() {
        return marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF;
    }

    static JpegHeader of(byte[] b) throws IOException {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
            throw new IOException("the frame is not a JPEG stream: it does not start with SOI (FFD8)");
        }
        int pos = 2;
        int end = Math.min(b.length, MAX_HEADER);
        while (pos + 4 <= end) {
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new IOException("malformed JPEG header: expected a marker at byte " + pos + " of the frame");
            }
            int m = b[pos + 1] & 0xFF;
            if (m == 0xFF) {
                pos++; // fill byte
                continue;
            }
            int len = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            boolean sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
            if (sof) {
                if (len < 8 || pos + 2 + len > b.length) {
                    throw new IOException("truncated JPEG frame header (SOF) at byte " + pos + " of the frame");
                }
                return new JpegHeader(m, b[pos + 4] & 0xFF, ((b[pos + 5] & 0xFF) << 8) | (b[pos + 6] & 0xFF),
                        ((b[pos + 7] & 0xFF) << 8) | (b[pos + 8] & 0xFF), b[pos + 9] & 0xFF);
            }
            if (m == 0xDA || m == 0xD9) {
                break; // scan or end before any frame header
            }
            pos += 2 + len;
        }
        throw new IOException("the JPEG stream has no frame header (SOF) in its first " + end + " bytes");
    }
}
