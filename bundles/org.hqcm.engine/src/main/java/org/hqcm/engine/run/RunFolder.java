package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.resource.HqcmResources;

/** The files of one run folder (layout in this package's documentation). */
public record RunFolder(Path dir) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** Creates {@code parent/<experiment>-<yyyyMMdd-HHmmss>} (with a counter if that exists already). */
    public static RunFolder create(Path parent, String experimentName) {
        String base = safeName(experimentName) + "-" + LocalDateTime.now().format(STAMP);
        try {
            Files.createDirectories(parent);
            for (int i = 0;; i++) {
                Path dir = parent.resolve(i == 0 ? base : base + "-" + i);
                try {
                    Files.createDirectory(dir);
                    return new RunFolder(dir);
                } catch (FileAlreadyExistsException e) {
                    // another run started in the same second: take the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Exactly {@code dir} as a new run folder ({@code hqcm run --run-dir}, a sweep's trial attempts): created, or
     * taken when it exists and is empty; refused when it holds anything.
     */
    public static RunFolder createAt(Path dir) {
        try {
            Files.createDirectories(dir);
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(dir + ": not empty; expected a new or empty folder for the run "
                            + "(continue an existing run with --resume)");
                }
            }
            return new RunFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** An existing run folder (for --resume): it must hold a run record. */
    public static RunFolder open(Path dir) {
        RunFolder f = new RunFolder(dir);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such run folder");
        }
        if (!Files.isRegularFile(f.record())) {
            throw new BadInputException(dir + ": not a run folder (expected " + HqcmResources.RUN_RECORD_FILE + " in it)");
        }
        return f;
    }

    static String safeName(String name) {
        String s = name == null || name.isBlank() ? "experiment" : name.trim();
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    public Path experiment() {
        return dir.resolve("experiment.hqcm");
    }

    public Path record() {
        return dir.resolve(HqcmResources.RUN_RECORD_FILE);
    }

    public Path events() {
        return dir.resolve("events.jsonl");
    }

    public Path log() {
        return dir.resolve("run.log");
    }

    public Path checkpoint() {
        return dir.resolve("checkpoint.zip");
    }

    public Path model() {
        return dir.resolve("model.zip");
    }

    public Path artefacts() {
        return dir.resolve("artefacts");
    }
}
