package org.hqcm.engine.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;

/**
 * One attempt at one trial, on whatever machine runs it: the exactly-once protocol of this package's documentation.
 * A trial already published is not trained; an attempt that stopped beating is claimed and resumed from its
 * checkpoint; a live one is waited for; a completed attempt is published by one atomic rename, and the loser of a
 * race (two attempts completing) is removed and reported as a duplicate.
 */
public final class TrialAttempt {

    /** How often a live attempt rewrites its {@code alive} file. */
    public static final long HEARTBEAT_MILLIS = 1_000;
    /**
     * An attempt whose {@code alive} is older than this was cut off (its executor died). Six missed beats: a loaded
     * machine (this one under four builds) delayed a 1 s beat by 1.4 s at most.
     */
    public static final long STALE_MILLIS = 6_000;
    /** How long a cancelled trial's JVM may take to stop after its current batch before it is killed. */
    static final long STOP_GRACE_SECONDS = 60;

    static final String ALIVE = "alive";
    static final String CONSOLE = "trial.out";

    private static final AtomicLong COUNTER = new AtomicLong();

    private TrialAttempt() {
    }

    /** This machine's name, for attempts and messages. */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Runs the attempt and reports how it ended; never throws for a trial's own failure. */
    public static TrialOutcome run(TrialSpec spec, TrialLauncher launcher, BooleanSupplier cancelled) {
        SweepFolder folder = new SweepFolder(Path.of(spec.sweepDir()));
        String host = host();
        String attempt = host + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        try {
            SharedStorageProbe.check(folder, spec.probeToken(), host);
        } catch (SharedStorageProbe.NotSharedException e) {
            return TrialOutcome.failed(spec.id(), "FAILED", e.getMessage(), attempt, host, true);
        }
        long start = System.nanoTime();
        try {
            Path mine = claim(folder, spec.id(), attempt, cancelled);
            if (mine == null) {
                return folder.isPublished(spec.id()) ? published(folder, spec.id(), attempt, host, start, 0, true, false)
                        : TrialOutcome.failed(spec.id(), "CANCELLED", "cancelled before it started", attempt, host, false);
            }
            return train(folder, spec, launcher, cancelled, mine, attempt, host, start);
        } catch (IOException | UncheckedIOException | ModelFileException e) {
            return TrialOutcome.failed(spec.id(), "FAILED", "attempt " + attempt + " at trial " + spec.id() + ": "
                    + e.getMessage(), attempt, host, false);
        }
    }

    /**
     * The attempt folder this attempt owns: a cut-off attempt's, renamed to {@code attempt}, or a new one; null when
     * the trial is published meanwhile or the sweep is cancelled.
     */
    static Path claim(SweepFolder folder, String id, String attempt, BooleanSupplier cancelled) throws IOException {
        Path attempts = folder.attempts(id);
        Path mine = attempts.resolve(attempt);
        while (true) {
            if (folder.isPublished(id)) {
                return null;
            }
            if (cancelled.getAsBoolean()) {
                return null;
            }
            boolean live = false;
            for (Path other : list(attempts)) {
                if (isLive(other)) {
                    live = true;
                    continue;
                }
                try {
                    Files.move(other, mine, StandardCopyOption.ATOMIC_MOVE);
                    beat(mine, attempt, "claimed " + other.getFileName());
                    return mine;
                } catch (NoSuchFileException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // another attempt claimed it first
                }
            }
            if (!live) {
                Files.createDirectories(mine);
                beat(mine, attempt, "new");
                return mine;
            }
            sleep(HEARTBEAT_MILLIS);
        }
    }

    public static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** True while an attempt's heart beats. */
    public static boolean isLive(Path attemptDir) {
        try {
            FileTime t = Files.getLastModifiedTime(attemptDir.resolve(ALIVE));
            return System.currentTimeMillis() - t.toMillis() < STALE_MILLIS;
        } catch (IOException e) {
            // a folder without a heart yet was created less than a beat ago, or its owner died before the first
            try {
                return System.currentTimeMillis() - Files.getLastModifiedTime(attemptDir).toMillis() < STALE_MILLIS;
            } catch (IOException gone) {
                return false;
            }
        }
    }

    private static void beat(Path attemptDir, String attempt, String note) throws IOException {
        Files.writeString(attemptDir.resolve(ALIVE), attempt + " " + note + " " + System.currentTimeMillis() + "\n",
                StandardCharsets.UTF_8);
    }

    private static TrialOutcome train(SweepFolder folder, TrialSpec spec, TrialLauncher launcher, BooleanSupplier cancelled,
            Path mine, String attempt, String host, long start) throws IOException {
        Path runDir = mine.resolve(spec.id());
        RunRecord before = Files.isRegularFile(runDir.resolve(HqcmResources.RUN_RECORD_FILE))
                ? HqcmResources.loadRunRecord(runDir) : null;
        int resumedAfter = before == null ? 0 : before.getEpochs().size();
        Thread heart = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Files.setLastModifiedTime(mine.resolve(ALIVE), FileTime.fromMillis(System.currentTimeMillis()));
                    Thread.sleep(HEARTBEAT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // the folder was claimed away from under us (we were taken for dead): stop beating
                    return;
                }
            }
        }, "hqcm-heartbeat-" + spec.id());
        heart.setDaemon(true);
        heart.start();
        int exit;
        try {
            if (before != null && before.getStatus() == RunStatus.COMPLETED) {
                exit = 0; // cut off between completing and publishing
            } else {
                List<String> args = new ArrayList<>(List.of("run"));
                if (before != null) {
                    args.addAll(List.of("--resume", runDir.toString()));
                } else {
                    if (Files.exists(runDir)) {
                        deleteTree(runDir); // cut off before its first record: nothing to keep
                    }
                    args.addAll(List.of(folder.trialFile(spec.id()).toString(), "--seed", String.valueOf(spec.seed()),
                            "--run-dir", runDir.toString()));
                }
                exit = launch(launcher, spec, args, mine.resolve(CONSOLE), cancelled);
            }
        } finally {
            heart.interrupt();
        }
        RunRecord after = Files.isRegularFile(runDir.resolve(HqcmResources.RUN_RECORD_FILE))
                ? HqcmResources.loadRunRecord(runDir) : null;
        if (after == null || after.getStatus() != RunStatus.COMPLETED) {
            String state = cancelled.getAsBoolean() || after != null && after.getStatus() == RunStatus.CANCELLED
                    ? "CANCELLED" : "FAILED";
            String message = after != null && after.getFailureMessage() != null ? after.getFailureMessage()
                    : "the trial's JVM exited with " + exit + ": " + tail(mine.resolve(CONSOLE));
            return TrialOutcome.failed(spec.id(), state, message, attempt, host, false);
        }
        return publish(folder, spec.id(), mine, attempt, host, start, resumedAfter);
    }

    /** Renames a completed attempt's run folder to runs/ID; the loser of a race is removed. */
    static TrialOutcome publish(SweepFolder folder, String id, Path mine, String attempt, String host, long start,
            int resumedAfter) throws IOException {
        Files.createDirectories(folder.runs());
        boolean duplicate = false;
        try {
            try {
                Files.move(mine.resolve(id), folder.run(id), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the sweep folder's file system cannot rename atomically (" + folder.runs()
                        + "); exactly-once publication needs it", e);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            duplicate = true;
        } catch (FileSystemException e) {
            if (!folder.isPublished(id)) {
                throw e;
            }
            duplicate = true;
        }
        deleteTree(mine);
        try {
            Files.deleteIfExists(folder.attempts(id));
        } catch (DirectoryNotEmptyException e) {
            // another attempt is still there: it will find the trial published
        }
        return published(folder, id, attempt, host, start, resumedAfter, false, duplicate);
    }

    private static TrialOutcome published(SweepFolder folder, String id, String attempt, String host, long start,
            int resumedAfter, boolean already, boolean duplicate) {
        RunRecord r = HqcmResources.loadRunRecord(folder.run(id));
        String message = already ? "already complete: not trained again"
                : duplicate ? "duplicate attempt " + attempt + " completed after the published one; removed" : "completed";
        return new TrialOutcome(id, "COMPLETED", message, (System.nanoTime() - start) / 1e9,
                r.getTestMetrics().getAccuracy(), r.getTestMetrics().getMacroF1(), attempt, host, resumedAfter, already,
                duplicate, false);
    }

    private static int launch(TrialLauncher launcher, TrialSpec spec, List<String> args, Path console,
            BooleanSupplier cancelled) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher.command(spec, args));
        TrialLauncher.environment(pb.environment(), spec.threads());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        // stdin stays a pipe we never write: its end of file tells the trial we are gone (TrialProcess)
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        try {
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    stop(p);
                    break;
                }
            }
        } catch (InterruptedException e) {
            // Spark interrupts a task it cancels (Ctrl-C, a speculative copy that lost): stop the trial cleanly
            stop(p);
            Thread.currentThread().interrupt();
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM: the run stops after its current batch and keeps its checkpoint; SIGKILL if it takes too long. */
    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of a console file, for failure messages. */
    static String tail(Path console) {
        try {
            List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return String.join(" | ", last).strip();
        } catch (IOException e) {
            return "(no console output)";
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        // walk without following links: never leave the folder we were given
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while waiting for a live attempt"));
        }
    }
}
