package org.hqcm.engine.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.hqcm.model.resource.AtomicFiles;

/**
 * The check that every executor sees the sweep folder: the driver writes {@code probe/TOKEN} with the token inside,
 * and every trial reads it before it trains. An executor on storage of its own (no shared mount) sees no probe and
 * its trial stops at once with a message saying so, instead of training into a folder nobody else will read.
 */
public final class SharedStorageProbe {

    /** Thrown on an executor that cannot see the probe. */
    public static final class NotSharedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotSharedException(String message) {
            super(message);
        }
    }

    private SharedStorageProbe() {
    }

    /** Writes a new probe into the sweep folder; returns its token. */
    public static String write(SweepFolder folder) {
        String token = UUID.randomUUID().toString();
        try {
            AtomicFiles.writeString(folder.probe(token), token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shared-storage probe into " + folder.dir() + ": " + e.getMessage(), e);
        }
        return token;
    }

    /** Checks, on an executor, that the probe {@code token} is there with its content. */
    public static void check(SweepFolder folder, String token, String host) {
        Path probe = folder.probe(token);
        String content = null;
        try {
            if (Files.isRegularFile(probe)) {
                content = Files.readString(probe, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            content = null;
        }
        if (!token.equals(content)) {
            throw new NotSharedException("executor on " + host + " cannot see the sweep folder " + folder.dir()
                    + " (the driver's probe " + probe + " is " + (content == null ? "missing" : "different") + " there): "
                    + "the sweep folder must be on storage every executor sees at the same path (a shared mount such as "
                    + "NFS); choose such a folder with --out");
        }
    }

    /** Removes the probe (end of the sweep). */
    public static void remove(SweepFolder folder, String token) {
        try {
            Files.deleteIfExists(folder.probe(token));
        } catch (IOException e) {
            // a leftover probe is harmless
        }
    }
}
