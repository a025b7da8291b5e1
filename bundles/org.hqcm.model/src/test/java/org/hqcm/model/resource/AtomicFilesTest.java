package org.hqcm.model.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed atomic write leaves the old file and no temporary file, whatever failed. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTempFile() throws IOException {
        Path target = Files.writeString(dir.resolve("model.zip"), "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[65_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("model.zip"), names());
    }

    @Test
    void anErrorInTheWriterLeavesNoTempFileEither() throws IOException {
        Path target = dir.resolve("provenance.txt");
        assertThrows(OutOfMemoryError.class, () -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new OutOfMemoryError("simulated");
        }));
        assertEquals(List.of(), names());
    }
}
