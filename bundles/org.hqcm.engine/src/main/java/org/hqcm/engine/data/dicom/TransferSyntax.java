package org.hqcm.engine.data.dicom;

import java.util.Map;

/** The transfer syntaxes the reader decodes, and the names of those it refuses. */
enum TransferSyntax {
    IMPLICIT_LITTLE("1.2.840.10008.1.2", false, false),
    EXPLICIT_LITTLE("1.2.840.10008.1.2.1", true, false),
    EXPLICIT_BIG("1.2.840.10008.1.2.2", true, true);

    private static final Map<String, String> COMPRESSED = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
            Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    final String uid;
    final boolean explicitVr;
    final boolean bigEndian;

    TransferSyntax(String uid, boolean explicitVr, boolean bigEndian) {
        this.uid = uid;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
    }

    /** The syntax of {@code uid}, or a message saying why it is not read. */
    static TransferSyntax of(String uid) throws java.io.IOException {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        String name = COMPRESSED.get(uid);
        if (name == null && uid.startsWith("1.2.840.10008.1.2.4.")) {
            name = "a JPEG-family compression";
        }
        if (name != null) {
            throw new java.io.IOException("compressed transfer syntax " + uid + " (" + name + ") is not supported:"
                    + " expected uncompressed implicit/explicit VR little endian or explicit VR big endian"
                    + " (decompress it first, e.g. gdcmconv --raw or dcmdjpeg)");
        }
        throw new java.io.IOException("unknown transfer syntax " + uid + ": expected 1.2.840.10008.1.2,"
                + " 1.2.840.10008.1.2.1 or 1.2.840.10008.1.2.2");
    }
}
