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
import java.util.Locale;

import org.hqcm.engine.BadInputException;
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
            throw new UncheckedIOException("cannot create a run folder in " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder a launcher chose ({@code --run-dir}): created when it does not exist; an existing one must be an
     * empty directory (the launcher made it with {@link #create}), never a link, so that no run writes over another.
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
            throw new BadInputException(dir + ": not a run folder (expected " + RECORD + " in it)");
        }
        return f;
    }

    /** Whether a folder holds a run record (what makes it a run folder). */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(RECORD));
    }

    static String safeName(String name) {
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
