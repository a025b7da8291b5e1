package org.hqcm.engine.internal.data.dicom;

import java.io.IOException;
import java.util.Map;

/** The transfer syntaxes the reader decodes, how their pixel data is coded, and the names of those it refuses. */
enum TransferSyntax {
    IMPLICIT_LITTLE("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, Coding.NATIVE),
    EXPLICIT_LITTLE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, Coding.NATIVE),
    EXPLICIT_BIG("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, Coding.NATIVE),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", true, false, Coding.RLE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (process 1)", true, false, Coding.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (processes 2 and 4)", true, false, Coding.JPEG),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless (process 14)", true, false, Coding.JPEG),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1 (process 14, selection value 1)", true, false,
            Coding.JPEG);

    /** How the pixel data of a syntax is stored. */
    enum Coding {
        /** Native: frames one after another in one element of defined length. */
        NATIVE,
        /** Encapsulated, each frame RLE coded (PS3.5 annex G). */
        RLE,
        /** Encapsulated, each frame a JPEG stream (ISO 10918-1). */
        JPEG
    }

    private static final String DECOMPRESS = " (decompress it first: gdcmconv --raw IN OUT, or DCMTK's dcmdjpls / dcmdjp2k)";
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
            Map.entry("1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL"),
            Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"));

    final String uid;
    final String title;
    final boolean explicitVr;
    final boolean bigEndian;
    final Coding coding;

    TransferSyntax(String uid, String title, boolean explicitVr, boolean bigEndian, Coding coding) {
        this.uid = uid;
        this.title = title;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.coding = coding;
    }

    /** The syntax of {@code uid}, or a message saying why it is not read. */
    static TransferSyntax of(String uid) throws IOException {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        String name = REFUSED.get(uid);
        if (name == null && uid.startsWith("1.2.840.10008.1.2.4.")) {
            name = "a JPEG-family compression";
        }
        if (name != null) {
            throw new IOException("compressed transfer syntax " + uid + " (" + name + ") is not supported: this reader"
                    + " decodes uncompressed, RLE Lossless, JPEG baseline/extended and JPEG lossless" + DECOMPRESS);
        }
        throw new IOException("unknown transfer syntax " + uid + ": expected one of " + known());
    }

    private static String known() {
        StringBuilder sb = new StringBuilder();
        for (TransferSyntax ts : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(ts.uid).append(" (").append(ts.title).append(')');
        }
        return sb.toString();
    }
}
