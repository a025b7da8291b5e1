package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.IoMessages;
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
            throw new BadInputException("cannot create a run folder in " + parent + " (--out): " + IoMessages.describe(e),
                    e);
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
            throw new BadInputException("cannot create the run folder " + dir + ": " + IoMessages.describe(e), e);
        }
    }

    /** An existing run folder (for --resume, report, predict): it must hold a run record of its own. */
    public static RunFolder open(Path dir) {
        RunFolder f = new RunFolder(dir);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such run folder");
        }
        f.link(HqcmResources.RUN_RECORD_FILE).ifPresent(link -> {
            throw linkRefused(link);
        });
        if (!Files.isRegularFile(f.record(), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(dir + ": not a run folder (expected " + HqcmResources.RUN_RECORD_FILE + " in it)");
        }
        return f;
    }

    /**
     * The first file or folder on the way to {@code relative} (inside this folder) that is a symbolic link. Run folders
     * come from others (copied, shared, downloaded): their files are read only when they are the folder's own, so a
     * link to, say, a secret file is never embedded in a report or read as a checkpoint.
     */
    public Optional<Path> link(String relative) {
        Path p = dir;
        for (Path part : Path.of(relative)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code relative} is a regular file of this folder (no link on the way). */
    public boolean hasFile(String relative) {
        return link(relative).isEmpty() && Files.isRegularFile(dir.resolve(relative), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * {@code relative} as a file to read: refused with a message when it, or a folder on the way, is a symbolic
     * link. Whether it exists is the caller's question.
     */
    public Path file(String relative) {
        link(relative).ifPresent(link -> {
            throw linkRefused(link);
        });
        return dir.resolve(relative);
    }

    /** Why a linked file was not read, naming it and where it points. */
    static String linkMessage(Path link) {
        String target;
        try {
            target = String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException e) {
            target = "?";
        }
        return link + " is a symbolic link (to " + target + "): not read, as files of a run folder are read only when "
                + "they are its own";
    }

    private static BadInputException linkRefused(Path link) {
        return new BadInputException(linkMessage(link));
    }

    /**
     * Removes what a killed process left of atomic writes: the temporary files {@code .NAME.*.tmp} of
     * {@link org.hqcm.model.resource.AtomicFiles} in the folder and in artefacts/ (regular files only, links are not
     * followed). Call it holding the folder's {@link RunLock}: no other writer can be using them. Returns their names.
     */
    public List<String> removeLeftoverTempFiles() {
        List<String> removed = new ArrayList<>();
        for (Path folder : List.of(dir, artefacts())) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(p);
                        removed.add(dir.relativize(p).toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean up " + folder + ": " + IoMessages.describe(e), e);
            }
        }
        return removed;
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
