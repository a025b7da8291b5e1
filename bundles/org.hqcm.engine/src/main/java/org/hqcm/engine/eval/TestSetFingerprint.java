package org.hqcm.engine.eval;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short identity of a test set: SHA-256 over the ordered sample identifiers and their true labels. Two
 * runs can be compared image by image only when their fingerprints are equal.
 */
public final class TestSetFingerprint {

    private TestSetFingerprint() {
    }

    /**
     * @param sampleIds identifiers of the test images in evaluation order (e.g. indices into the dataset)
     * @param labels    their true classes
     * @return 16 hex digits (the first 64 bits of the digest)
     */
    public static String of(int[] sampleIds, int[] labels) {
        if (sampleIds.length != labels.length) {
            throw new IllegalArgumentException(sampleIds.length + " sample ids for " + labels.length + " labels");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("hqcm-test-set-v1".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer b = ByteBuffer.allocate(8);
            for (int i = 0; i < sampleIds.length; i++) {
                b.clear();
                b.putInt(sampleIds[i]).putInt(labels[i]);
                sha.update(b.array());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
