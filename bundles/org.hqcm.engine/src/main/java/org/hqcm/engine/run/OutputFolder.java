package org.hqcm.engine.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.hqcm.model.resource.AtomicFiles;

/**
 * A folder of result files written all or nothing: a new folder is filled under a temporary name next to it and
 * renamed when complete; into an existing folder each file is replaced atomically.
 */
public final class OutputFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private OutputFolder() {
    }

    /** {@code parent/<prefix>-<yyyyMMdd-HHmmss>} (not created). */
    public static Path stamped(Path parent, String prefix) {
        return parent.resolve(prefix + "-" + LocalDateTime.now().format(STAMP));
    }

    /** Writes {@code files} (name to UTF-8 text) into {@code dir}. */
    public static void write(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                AtomicFiles.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            return;
        }
        Path abs = dir.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp");
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(tmp.resolve(f.getKey()), f.getValue());
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs);
            }
        } finally {
            if (Files.exists(tmp)) {
                try (Stream<Path> s = Files.walk(tmp)) {
                    for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
