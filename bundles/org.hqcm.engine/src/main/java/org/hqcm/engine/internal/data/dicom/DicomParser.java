package org.hqcm.engine.internal.data.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.hqcm.engine.internal.data.PixelLimit;

/**
 * Parses a DICOM Part-10 file held in memory, up to and including its pixel data, and decodes every frame (native,
 * RLE Lossless or JPEG; see {@link TransferSyntax}). Hostile files are refused before they cost memory: only the
 * first bytes a file within the pixel limit can need are read (a sparse 3 GB file is not read whole), Rows x Columns
 * x frames is checked against {@code dataset.maxImagePixels} in long arithmetic before anything is allocated, every
 * fragment, offset table and RLE segment length is checked against the bytes there, a JPEG stream's own size
 * against Rows x Columns, and sequences are skipped without recursion, at most {@value #MAX_NESTING} deep.
 */
public final class DicomParser {
    /** Deepest nesting of sequences accepted; real files nest a few levels (a 200,000-deep file overflowed the stack). */
    static final int MAX_NESTING = 64;
    /**
     * Most frames a file may declare: each becomes a sample of the experiment's size (about 49 KB at 128 x 128), so
     * 1 x 1 pixels x 16 million frames, within the pixel limit, would take 800 GB. A whole-body CT series has about
     * 2,000 slices; 10,000 frames at 128 x 128 take 0.5 GB.
     */
    static final int MAX_FRAMES = 10_000;
    /** Bytes of header (every element before the pixel data) read beyond the pixel data a limit allows. */
    static final long HEADER_BYTES = 16L << 20;
    private static final int NUMBER_OF_FRAMES = 0x00280008;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int TRANSFER_SYNTAX = 0x00020010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int SAMPLES_PER_PIXEL = 0x00280002;
    private static final int PHOTOMETRIC = 0x00280004;
    private static final int ROWS = 0x00280010;
    private static final int COLUMNS = 0x00280011;
    private static final int BITS_ALLOCATED = 0x00280100;
    private static final int BITS_STORED = 0x00280101;
    private static final int PIXEL_REPRESENTATION = 0x00280103;
    private static final int RESCALE_INTERCEPT = 0x00281052;
    private static final int RESCALE_SLOPE = 0x00281053;
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;

    private final byte[] b;
    /** Bytes of the whole file (more than b.length when only its start was read). */
    private final long fileSize;
    private final long maxPixels;
    private int pos;
    private boolean bigEndian;
    private boolean explicitVr = true;

    private int rows = -1;
    private int columns = -1;
    private long frames = 1;
    private int bitsAllocated = -1;
    private int bitsStored = -1;
    private int pixelRepresentation;
    private int samplesPerPixel = 1;
    private String photometric;
    private double slope = 1;
    private double intercept;
    private String patientId;
    private int pixelOffset = -1;
    private long pixelLength;
    private TransferSyntax syntax;

    private DicomParser(byte[] bytes, long fileSize, long maxPixels) {
        this.b = bytes;
        this.fileSize = fileSize;
        this.maxPixels = maxPixels;
    }

    /**
     * Reads a file whose image (Rows x Columns x frames) has at most {@code maxPixels} pixels; of a larger file only
     * the bytes such an image can need are read.
     */
    public static DicomImage read(Path file, long maxPixels) throws IOException {
        long size = Files.size(file);
        // 4 bytes per pixel at most (32-bit samples); compressed frames are smaller than their native bytes
        long most = Math.min(size, Math.min(Integer.MAX_VALUE - 8, 4 * Math.min(maxPixels, 1L << 40) + HEADER_BYTES));
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) most);
        }
        return parse(bytes, size, maxPixels);
    }

    /** Parses the bytes of a Part-10 file, with no pixel limit beyond what the bytes hold. */
    public static DicomImage parse(byte[] bytes) throws IOException {
        return parse(bytes, bytes.length, Long.MAX_VALUE);
    }

    private static DicomImage parse(byte[] bytes, long fileSize, long maxPixels) throws IOException {
        try {
            return new DicomParser(bytes, fileSize, maxPixels).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("truncated DICOM file (" + bytes.length + " bytes)", e);
        }
    }

    /** "the file" or, when only its start was read, what was read of how much. */
    private String readPart() {
        return fileSize > b.length ? "the first " + b.length + " bytes read of " + fileSize + " (as much as an image"
                + " within dataset.maxImagePixels = " + maxPixels + " needs)" : "the file (" + b.length + " bytes)";
    }

    private DicomImage run() throws IOException {
        if (b.length < 132 || b[128] != 'D' || b[129] != 'I' || b[130] != 'C' || b[131] != 'M') {
            throw new IOException("not a DICOM Part-10 file: no 'DICM' marker after the 128-byte preamble");
        }
        pos = 132;
        String tsUid = null;
        // file meta: always explicit VR little endian, group 0002
        while (pos + 4 <= b.length && u16At(pos) == 0x0002) {
            int tag = readTag();
            long len = readLength(tag, vrAndAdvance());
            if (len == UNDEFINED) {
                throw new IOException("undefined length in the file meta information at byte " + pos);
            }
            if (tag == TRANSFER_SYNTAX) {
                tsUid = text(len);
            }
            skip(len);
        }
        if (tsUid == null) {
            throw new IOException("no Transfer Syntax UID (0002,0010) in the file meta information");
        }
        TransferSyntax ts = TransferSyntax.of(tsUid);
        syntax = ts;
        explicitVr = ts.explicitVr;
        bigEndian = ts.bigEndian;
        while (pos < b.length && pixelOffset < 0) {
            int tag = readTag();
            String vr = explicitVr ? vrAndAdvance() : null;
            long len = readLength(tag, vr);
            if (len == UNDEFINED) {
                if (tag == PIXEL_DATA) {
                    if (ts.coding == TransferSyntax.Coding.NATIVE) {
                        throw new IOException("Pixel Data of undefined length (encapsulated) in the uncompressed"
                                + " transfer syntax " + tsUid + " (" + ts.title + ")");
                    }
                    pixelOffset = pos;
                    break;
                }
                skipUndefinedSequence();
                continue;
            }
            if (tag == PIXEL_DATA) {
                if (ts.coding != TransferSyntax.Coding.NATIVE) {
                    throw new IOException("Pixel Data of defined length (" + len + " bytes) in " + ts.title + " ("
                            + tsUid + "): expected encapsulated fragments of undefined length");
                }
                pixelOffset = pos; // what follows is not read; image() checks that the frame is there
                pixelLength = len;
                break;
            }
            if (pos + len > b.length) {
                throw new IOException(String.format("truncated: element (%04X,%04X) of %d bytes at byte %d runs past"
                        + " the end of %s", tag >>> 16, tag & 0xFFFF, len, pos, readPart()));
            }
            take(tag, len);
            skip(len);
        }
        return image(tsUid);
    }

    private void take(int tag, long len) throws IOException {
        switch (tag) {
            case ROWS -> rows = u16At(pos);
            case COLUMNS -> columns = u16At(pos);
            case NUMBER_OF_FRAMES -> frames = integer(len, "Number of Frames (0028,0008)");
            case BITS_ALLOCATED -> bitsAllocated = u16At(pos);
            case BITS_STORED -> bitsStored = u16At(pos);
            case PIXEL_REPRESENTATION -> pixelRepresentation = u16At(pos);
            case SAMPLES_PER_PIXEL -> samplesPerPixel = u16At(pos);
            case PHOTOMETRIC -> photometric = text(len);
            case RESCALE_SLOPE -> slope = decimal(len, "Rescale Slope (0028,1053)");
            case RESCALE_INTERCEPT -> intercept = decimal(len, "Rescale Intercept (0028,1052)");
            case PATIENT_ID -> patientId = text(len);
            default -> {
                // not needed
            }
        }
    }

    private DicomImage image(String tsUid) throws IOException {
        if (pixelOffset < 0) {
            throw new IOException("no Pixel Data (7FE0,0010)");
        }
        if (rows <= 0 || columns <= 0) {
            throw new IOException("missing or zero Rows (0028,0010) / Columns (0028,0011): " + rows + " x " + columns);
        }
        if (samplesPerPixel != 1) {
            throw new IOException("Samples per Pixel (0028,0002) is " + samplesPerPixel + ", expected 1 (grey levels)");
        }
        String pm = photometric == null ? "MONOCHROME2" : photometric;
        if (!pm.equals("MONOCHROME1") && !pm.equals("MONOCHROME2")) {
            throw new IOException("Photometric Interpretation (0028,0004) is " + pm + ", expected MONOCHROME1 or MONOCHROME2");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new IOException("Bits Allocated (0028,0100) is " + bitsAllocated + ", expected 8, 16 or 32");
        }
        int stored = bitsStored <= 0 || bitsStored > bitsAllocated ? bitsAllocated : bitsStored;
        // in longs: 65,535 x 65,535 does not fit an int (it was reported as -131071)
        // the model keeps dataset.maxImagePixels within an int; parse() without a limit still needs one
        PixelLimit.check("Rows x Columns x frames", rows, columns, frames, Math.min(maxPixels, Integer.MAX_VALUE - 8));
        if (frames > MAX_FRAMES) {
            throw new IOException("Number of Frames (0028,0008) is " + frames + ", more than the " + MAX_FRAMES
                    + " frames a file may give (each frame becomes an image of the experiment's size); not decoded");
        }
        int n = rows * columns;
        List<float[]> out = new ArrayList<>((int) frames);
        if (syntax.coding == TransferSyntax.Coding.NATIVE) {
            long need = (long) n * (bitsAllocated / 8);
            if (pixelLength < need) {
                throw new IOException("Pixel Data has " + pixelLength + " bytes, expected " + need
                        + " for Rows x Columns = " + rows + " x " + columns + " of " + bitsAllocated + " bits");
            }
            long all = need * frames; // within the pixel limit: no overflow
            if (pixelLength > all + 1) { // one byte of padding to an even length
                throw new IOException("Pixel Data declares " + pixelLength + " bytes, but Rows x Columns x frames x "
                        + bitsAllocated / 8 + " bytes = " + all + ": not read");
            }
            if (pixelOffset + need > b.length) {
                throw new IOException("truncated: the Pixel Data of " + need + " bytes at byte " + pixelOffset
                        + " runs past the end of " + readPart());
            }
            long available = Math.min(pixelLength, b.length - (long) pixelOffset) / need; // whole frames there
            if (available < frames) {
                throw new IOException("truncated: the Pixel Data holds " + available + " whole frames of " + need
                        + " bytes, but Number of Frames (0028,0008) is " + frames + ", in " + readPart());
            }
            int[] raw = new int[n];
            for (int f = 0; f < frames; f++) {
                int at = pixelOffset + (int) (f * need);
                for (int i = 0; i < n; i++) {
                    raw[i] = switch (bitsAllocated) {
                        case 8 -> b[at + i] & 0xFF;
                        case 16 -> u16At(at + 2 * i);
                        default -> u32At(at + 4 * i);
                    };
                }
                out.add(modality(raw, stored, pm));
            }
        } else {
            List<byte[]> compressed = EncapsulatedPixelData.frames(b, pixelOffset, frames,
                    syntax.coding == TransferSyntax.Coding.JPEG, readPart());
            for (int f = 0; f < compressed.size(); f++) {
                byte[] frame = compressed.get(f);
                compressed.set(f, null); // each frame's bytes are garbage once decoded
                int[] raw;
                try {
                    raw = syntax.coding == TransferSyntax.Coding.RLE
                            ? RleFrameDecoder.decode(frame, n, bitsAllocated)
                            : JpegFrameDecoder.decode(frame, rows, columns, stored);
                } catch (IOException e) {
                    throw new IOException((frames > 1 ? "frame " + (f + 1) + " of " + frames + ": " : "")
                            + e.getMessage(), e);
                }
                out.add(modality(raw, stored, pm));
            }
        }
        return new DicomImage(rows, columns, out, patientId == null || patientId.isEmpty() ? null : patientId, tsUid);
    }

    /**
     * Modality values of raw samples: the low {@code stored} bits, two's complement when Pixel Representation is 1,
     * times Rescale Slope plus Intercept, negated for MONOCHROME1 (so that min-max scaling inverts it).
     */
    private float[] modality(int[] raw, int stored, String pm) {
        long storedMask = (1L << stored) - 1;
        long signBit = 1L << (stored - 1);
        boolean signed = pixelRepresentation == 1;
        boolean invert = pm.equals("MONOCHROME1");
        float[] px = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            long v = raw[i] & storedMask;
            if (signed && (v & signBit) != 0) {
                v -= 1L << stored;
            }
            double m = v * slope + intercept;
            px[i] = (float) (invert ? 0.0 - m : m); // 0.0 - m: no negative zero
        }
        return px;
    }

    /**
     * Skips a sequence of undefined length with its items and every sequence nested in them, in a loop over an
     * explicit stack of levels (set: a sequence, expecting items; clear: an item, expecting elements), not by
     * recursion; more than {@value #MAX_NESTING} nested sequences are refused.
     */
    private void skipUndefinedSequence() throws IOException {
        BitSet isSequence = new BitSet();
        int depth = 0; // the level we are in; level 0 is the sequence this call skips
        int sequences = 1;
        isSequence.set(0);
        while (depth >= 0) {
            int tag = readTag();
            if (isSequence.get(depth)) {
                long len = u32();
                if (tag == SEQUENCE_END) {
                    depth--;
                    sequences--;
                    continue;
                }
                if (tag != ITEM) {
                    throw new IOException(String.format("malformed sequence: expected an item, found (%04X,%04X) at"
                            + " byte %d", tag >>> 16, tag & 0xFFFF, pos - 8));
                }
                if (len == UNDEFINED) {
                    isSequence.clear(++depth);
                } else {
                    skip(len);
                }
            } else {
                if (tag == ITEM_END) {
                    u32();
                    depth--;
                    continue;
                }
                String vr = explicitVr ? vrAndAdvance() : null;
                long len = readLength(tag, vr);
                if (len == UNDEFINED) {
                    if (++sequences > MAX_NESTING) {
                        throw new IOException("sequences nested more than " + MAX_NESTING + " deep at byte " + pos
                                + " (real files nest a few levels); not read");
                    }
                    isSequence.set(++depth);
                } else {
                    skip(len);
                }
            }
        }
    }

    private int readTag() throws IOException {
        need(4);
        int group = u16At(pos);
        int element = u16At(pos + 2);
        pos += 4;
        return (group << 16) | element;
    }

    /** The VR of an explicit-VR element; null for item and delimiter tags, which have none. */
    private String vrAndAdvance() throws IOException {
        int group = u16At(pos - 4);
        if (group == 0xFFFE) {
            return null;
        }
        need(2);
        String vr = new String(b, pos, 2, StandardCharsets.US_ASCII);
        pos += 2;
        return vr;
    }

    private long readLength(int tag, String vr) throws IOException {
        if (vr == null) {
            return u32();
        }
        switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> {
                need(2);
                pos += 2; // reserved
                return u32();
            }
            default -> {
                need(2);
                int len = u16At(pos);
                pos += 2;
                return len;
            }
        }
    }

    private long u32() throws IOException {
        need(4);
        long v = bigEndian
                ? ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF)
                : ((long) (b[pos + 3] & 0xFF) << 24) | ((b[pos + 2] & 0xFF) << 16) | ((b[pos + 1] & 0xFF) << 8) | (b[pos] & 0xFF);
        pos += 4;
        return v & 0xFFFFFFFFL;
    }

    /** 32-bit value at {@code at} as an int's bits. */
    private int u32At(int at) {
        return bigEndian
                ? ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF)
                : ((b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    /** 16-bit value at {@code at}; the file meta (before the transfer syntax is known) is little endian. */
    private int u16At(int at) {
        return bigEndian ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }

    private void skip(long len) throws IOException {
        if (pos + len > b.length) {
            throw new IOException("truncated: " + len + " bytes expected at byte " + pos + ", past the end of "
                    + readPart());
        }
        pos += (int) len;
    }

    private void need(long n) throws IOException {
        if (pos + n > b.length) {
            throw new IOException("truncated DICOM file at byte " + pos + " (" + readPart() + ")");
        }
    }

    private String text(long len) throws IOException {
        need(len);
        String s = new String(b, pos, (int) len, StandardCharsets.ISO_8859_1);
        return s.replace('\0', ' ').trim();
    }

    /** The first of the backslash-separated values of a text element. */
    private String firstValue(long len) throws IOException {
        String s = text(len);
        int sep = s.indexOf('\\');
        return sep >= 0 ? s.substring(0, sep).trim() : s;
    }

    private long integer(long len, String what) throws IOException {
        String s = firstValue(len);
        try {
            return s.isEmpty() ? 1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IOException(what + " is '" + s + "', expected an integer", e);
        }
    }

    private double decimal(long len, String what) throws IOException {
        String s = firstValue(len);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(what + " is '" + s + "', expected a decimal number", e);
        }
    }
}
