package org.hqcm.engine.internal.data;

import java.nio.file.Path;
import java.util.Objects;

/** A file that was skipped, and why. */
public record BadFile(Path file, String reason) {
    public BadFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
