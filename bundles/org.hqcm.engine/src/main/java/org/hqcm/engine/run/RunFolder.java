package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
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

/**
 * The layout of one run folder, defined here once: the engine writes it, the launch and the IDE read it (the
 * files and what they hold are listed in this package's documentation). Every file name of a run folder is a
 * constant of this class; nothing else spells them.
 */
public record RunFolder(Path dir) {

    /** The experiment as run (relative data paths made absolute, so that the folder stands alone). */
    public static final String EXPERIMENT = "experiment.hqcm";
    /** The run record (EMF XMI), rewritten atomically. */
    public static final String RECORD = HqcmResources.RUN_RECORD_FILE;
    /** The event stream ({@link RunEvent}, one JSON object per line, appended and flushed). */
    public static final String EVENTS = "events.jsonl";
    /** The human-readable log. */
    public static final String LOG = "run.log";
    /** The last completed epoch (resume). */
    public static final String CHECKPOINT = "checkpoint.zip";
    /** The trained network, best weights (predict). */
    public static final String MODEL = "model.zip";
    /** Test images in evaluation order with label, prediction and probabilities. */
    public static final String PREDICTIONS = "predictions.csv";
    /** Attention Jaccard per tumour test image and threshold. */
    public static final String JACCARD = "jaccard.csv";
    /** Scores of each explanation method per tumour test image (issue 17). */
    public static final String EXPLANATIONS = "explanations.csv";
    /** Every test image with its mask and T_s, 8 bits each ({@link TestImages}: the IDE's error drill-down). */
    public static final String TEST_IMAGES = "test-images.zip";
    /** A few tumour test images with mask, T_s and Jaccard. */
    public static final String ATTENTION_EXAMPLES = "attention-examples.zip";
    /** Tribuo's provenance of the trained model, as text. */
    public static final String PROVENANCE = "provenance.txt";
    /** The self-contained HTML report. */
    public static final String REPORT = "report.html";
    /** The figures (PNG). */
    public static final String ARTEFACTS = "artefacts";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /**
     * Creates {@code parent/<experiment>-<yyyyMMdd-HHmmss>} (with a counter if that exists already). The creation is
     * atomic, so two runs started in the same second (two launches, two shells) never share a folder; a launcher
     * creates the folder this way and hands it to the engine ({@code hqcm run --run-dir}).
     */
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
     * The folder a launcher chose ({@code hqcm run --run-dir}: an IDE launch, a sweep's trial attempt): created when
     * it does not exist; an existing one must be an empty directory (the launcher made it with {@link #create}), never
     * a link, so that no run writes over another.
     */
    public static RunFolder chosen(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        try {
            if (Files.isSymbolicLink(d)) {
                throw new BadInputException("--run-dir " + dir + ": is a symbolic link; expected a new or empty folder");
            }
            if (Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                    throw new BadInputException("--run-dir " + dir + ": is a file; expected a new or empty folder");
                }
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                    if (entries.iterator().hasNext()) {
                        throw new BadInputException("--run-dir " + dir
                                + ": is not empty; expected a new or empty folder (continue a run with --resume)");
                    }
                }
                return new RunFolder(d);
            }
            Files.createDirectories(d);
            return new RunFolder(d);
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
        f.link(RECORD).ifPresent(link -> {
            throw linkRefused(link);
        });
        if (!Files.isRegularFile(f.record(), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(dir + ": not a run folder (expected " + RECORD + " in it)");
        }
        return f;
    }

    /** Whether a folder holds a run record (what makes it a run folder). */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(RECORD));
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
    public static String linkMessage(Path link) {
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

    public static String safeName(String name) {
        String s = name == null || name.isBlank() ? "experiment" : name.trim();
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    public Path experiment() {
        return dir.resolve(EXPERIMENT);
    }

    public Path record() {
        return dir.resolve(RECORD);
    }

    public Path events() {
        return dir.resolve(EVENTS);
    }

    public Path log() {
        return dir.resolve(LOG);
    }

    public Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    public Path model() {
        return dir.resolve(MODEL);
    }

    public Path predictions() {
        return dir.resolve(PREDICTIONS);
    }

    public Path jaccard() {
        return dir.resolve(JACCARD);
    }

    public Path attentionExamples() {
        return dir.resolve(ATTENTION_EXAMPLES);
    }

    public Path provenance() {
        return dir.resolve(PROVENANCE);
    }

    public Path report() {
        return dir.resolve(REPORT);
    }

    public Path artefacts() {
        return dir.resolve(ARTEFACTS);
    }
}
