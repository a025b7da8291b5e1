package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hqcm run} in its own JVM, stopped with SIGTERM (what the IDE's Cancel and Ctrl-C send) once training is over
 * and the test split is being evaluated: the JVM is shutting down while the run evaluates and writes its figures.
 * That used to end the run FAILED ("Shutdown in progress": ImageIO's file cache registers a shutdown hook; the
 * figures are written with the memory cache now). The stop is honoured within seconds anywhere in a run
 * ({@code Cancellation}), so the run ends CANCELLED with its last checkpoint and the resume command, and
 * {@code --resume} evaluates it and completes it with its report.
 */
class RunCancelTest {

    @TempDir
    Path dir;

    @Test
    void aStopWhileTheTestSplitIsEvaluatedCancelsCleanlyAndTheResumeCompletes() throws Exception {
        Path file = TinyExperiments.write(TinyExperiments.tiny(2), dir);
        RunFolder run = new RunFolder(dir.resolve("run"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Djava.awt.headless=true"));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        // surefire's class path (a manifest-only jar naming every entry works as well)
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", file.toString(),
                "--run-dir", run.dir().toString()));
        Path log = dir.resolve("engine.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!evaluating(run) && p.isAlive() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(evaluating(run), "the run reached its test evaluation:\n" + Files.readString(log));
            p.toHandle().destroy();
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the engine ended");
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        var record = HqcmResources.loadRunRecord(run.dir());
        assertEquals(RunStatus.CANCELLED, record.getStatus(), output);
        assertTrue(record.getFailureMessage().contains("--resume " + run.dir()), record.getFailureMessage());
        assertTrue(output.contains("stopping after the current batch"), output);
        assertFalse(output.contains("Shutdown in progress"), output);
        assertEquals(2, record.getEpochs().size(), "both epochs and their checkpoint kept");

        CliRun resumed = CliRun.of("run", "--resume", run.dir().toString());
        assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
        assertEquals(RunStatus.COMPLETED, HqcmResources.loadRunRecord(run.dir()).getStatus(), resumed.out());
        assertTrue(Files.isRegularFile(run.report()), "the resumed run wrote its report");
    }

    private static boolean evaluating(RunFolder run) throws java.io.IOException {
        return Files.isRegularFile(run.events()) && Files.readString(run.events()).contains("\"name\":\"evaluating\"");
    }
}
