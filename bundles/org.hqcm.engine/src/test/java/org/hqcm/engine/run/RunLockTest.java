package org.hqcm.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.run.ExperimentRunner;
import org.hqcm.engine.internal.run.RunObserver;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per run folder: a second run or resume is refused naming the holder (in this JVM and from another
 * process), and the lock a killed process leaves is taken over.
 */
class RunLockTest {

    @TempDir
    Path dir;

    private static final String ME = "pid=" + ProcessHandle.current().pid() + ", host=";

    @Test
    void aSecondHolderInThisJvmIsRefusedNamingTheFirst() throws IOException {
        RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
        try (RunLock first = RunLock.acquire(folder)) {
            assertEquals("", first.previousHolder());
            assertTrue(Files.readString(dir.resolve("run/run.lock")).startsWith(ME));
            BadInputException ex = assertThrows(BadInputException.class, () -> RunLock.acquire(folder));
            assertTrue(ex.getMessage().startsWith(folder.dir() + " is in use by another run: " + ME), ex.getMessage());
            assertTrue(ex.getMessage().contains("started="), ex.getMessage());
        }
        // released in order: the file is emptied and the next holder takes nothing over
        assertEquals("", Files.readString(dir.resolve("run/run.lock")));
        try (RunLock again = RunLock.acquire(folder)) {
            assertEquals("", again.previousHolder());
        }
    }

    @Test
    void aLockFileLeftByAKilledProcessIsTakenOverAndSaidSo() throws IOException {
        RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
        Files.writeString(dir.resolve("run/run.lock"), "pid=999999, host=elsewhere, started=2026-01-01T00:00:00Z\n");
        try (RunLock lock = RunLock.acquire(folder)) {
            assertEquals("pid=999999, host=elsewhere, started=2026-01-01T00:00:00Z", lock.previousHolder());
        }
    }

    @Test
    void aLinkedLockFileIsNotFollowed() throws IOException {
        RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
        Path elsewhere = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(dir.resolve("run/run.lock"), elsewhere);
        assertThrows(RuntimeException.class, () -> RunLock.acquire(folder));
        assertEquals("keep me", Files.readString(elsewhere));
    }

    /** A cancelled tiny run with many epochs left: a resume of it runs long enough to be caught holding the lock. */
    private RunFolder longCancelledRun() {
        Experiment e = TinyExperiments.tiny(500);
        e.getTraining().setEarlyStoppingPatience(0);
        Path file = TinyExperiments.write(e, dir);
        AtomicBoolean stop = new AtomicBoolean();
        RunObserver observer = new RunObserver() {
            @Override
            public void epoch(org.hqcm.engine.internal.train.EpochResult r, boolean improved,
                    org.hqcm.engine.internal.train.TrainingState state) {
                stop.set(true);
            }
        };
        RunFolder folder = new ExperimentRunner(observer, stop::get).start(file, 1L, dir.resolve("runs"));
        assertEquals(RunStatus.CANCELLED, HqcmResources.loadRunRecord(folder.record()).getStatus());
        return folder;
    }

    private static Process engine(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path")));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            command.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        command.add("org.hqcm.engine.cli.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void twoProcessesResumingOneRunAreOneWriterAndAKilledHolderIsTakenOver() throws Exception {
        RunFolder folder = longCancelledRun();
        Path lockFile = folder.dir().resolve(RunLock.FILE);
        Process first = engine(dir.resolve("first.log"), "run", "--resume", folder.dir().toString());
        String holder = "pid=" + first.pid() + ", host=";
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(Files.readString(lockFile).startsWith(holder)) && first.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(first.isAlive() && Files.readString(lockFile).startsWith(holder),
                    () -> "the first resume holds the lock: " + read(dir.resolve("first.log")));

            // in this JVM
            BadInputException ex = assertThrows(BadInputException.class,
                    () -> new ExperimentRunner(RunObserver.NONE, () -> false).resume(folder.dir()));
            assertTrue(ex.getMessage().contains(" is in use by another run: " + holder), ex.getMessage());

            // from a second process: exit 2, one line naming the holder, no stack trace
            Process second = engine(dir.resolve("second.log"), "run", "--resume", folder.dir().toString());
            assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the second resume ends");
            String out = read(dir.resolve("second.log"));
            assertEquals(2, second.exitValue(), out);
            assertTrue(out.contains("error: " + folder.dir() + " is in use by another run: " + holder), out);
            assertFalse(out.contains("\tat "), out);
            assertTrue(first.isAlive(), "the first resume goes on");
        } finally {
            first.destroyForcibly(); // kill -9
            first.waitFor(60, TimeUnit.SECONDS);
        }
        // the killed holder's lock is free; its file still names it: taken over
        try (RunLock lock = RunLock.acquire(folder)) {
            assertTrue(lock.previousHolder().startsWith(holder), lock.previousHolder());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
