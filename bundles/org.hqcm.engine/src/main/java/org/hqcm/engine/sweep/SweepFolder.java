package org.hqcm.engine.sweep;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.resource.HqcmResources;

/** The files of one sweep folder (layout in this package's documentation). */
public record SweepFolder(Path dir) {

    public SweepFolder {
        dir = dir.toAbsolutePath().normalize();
    }

    /** An existing sweep folder (for --resume and report): it must hold a sweep and its record. */
    public static SweepFolder open(Path dir) {
        SweepFolder f = new SweepFolder(dir);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such sweep folder");
        }
        if (!Files.isRegularFile(f.record()) || !Files.isRegularFile(f.sweep())) {
            throw new BadInputException(dir + ": not a sweep folder (expected " + HqcmResources.SWEEP_RECORD_FILE + " and "
                    + SWEEP_FILE + " in it)");
        }
        return f;
    }

    /** The sweep as run. */
    public static final String SWEEP_FILE = "sweep." + HqcmResources.SWEEP_EXTENSION;
    /** The folder of the trials' attempts: runs in progress, published into runs/ by a rename when they complete. */
    public static final String ATTEMPTS = "attempts";

    public Path sweep() {
        return dir.resolve(SWEEP_FILE);
    }

    public Path record() {
        return dir.resolve(HqcmResources.SWEEP_RECORD_FILE);
    }

    public Path events() {
        return dir.resolve("events.jsonl");
    }

    public Path log() {
        return dir.resolve("sweep.log");
    }

    public Path trialFile(String id) {
        return dir.resolve("trials").resolve(id + "." + HqcmResources.EXPERIMENT_EXTENSION);
    }

    public Path runs() {
        return dir.resolve("runs");
    }

    /** The published run of a trial. */
    public Path run(String id) {
        return runs().resolve(id);
    }

    /** The attempts at a trial. */
    public Path attempts(String id) {
        return dir.resolve(ATTEMPTS).resolve(id);
    }

    public Path probe(String token) {
        return dir.resolve("probe").resolve(token);
    }

    public Path report() {
        return dir.resolve("report");
    }

    /** True when trial {@code id} is published (complete). */
    public boolean isPublished(String id) {
        return Files.isRegularFile(run(id).resolve(HqcmResources.RUN_RECORD_FILE));
    }
}
