package org.hqcm.model.resource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files atomically (every result, checkpoint, image and model file of HQCM): the content goes to a temporary file in the same folder, is forced to disk,
 * and is then renamed over the target. Readers see the old file or the new one, never a part.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}; on failure the target is untouched and the temp file removed. Only
     * a process killed in the middle leaves its {@code .NAME.*.tmp} behind, which the engine removes on resume.
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // temp files are created owner-only; results are ordinary files others (the IDE, a colleague) read
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (var ch = Files.newByteChannel(tmp, java.nio.file.StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                var buffered = new java.io.BufferedOutputStream(out, 1 << 16);
                writer.write(buffered);
                buffered.flush();
                ((java.nio.channels.FileChannel) ch).force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            // the write failed (a full disk, a writer's exception, even an Error): no temp file stays behind, and a
            // failure to remove it is added to the first failure instead of hiding it
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Writes bytes atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes UTF-8 text atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #writeString} for callers that cannot throw checked exceptions. */
    public static void writeStringUnchecked(Path target, String text) {
        try {
            writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
