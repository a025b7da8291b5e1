package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.TinyExperiments;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hqcm run} in its own JVM, stopped with SIGTERM (what the IDE's Cancel and Ctrl-C send) once training is over
 * and the test split is being evaluated: the JVM is shutting down while the run writes its figures. That used to end
 * the run FAILED ("Shutdown in progress": ImageIO's file cache registers a shutdown hook); the figures are written
 * with the memory cache now, and the run finishes its evaluation (a few seconds) and completes.
 */
class RunCancelTest {

    @TempDir
    Path dir;

    @Test
    void aStopWhileTheTestSplitIsEvaluatedStillWritesTheResults() throws Exception {
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
        RunStatus status = HqcmResources.loadRunRecord(run.dir()).getStatus();
        assertEquals(RunStatus.COMPLETED, status, output);
        assertTrue(Files.isRegularFile(run.report()), "the report was written during the shutdown");
        assertTrue(output.contains("stopping after the current batch"), output);
    }

    private static boolean evaluating(RunFolder run) throws java.io.IOException {
        return Files.isRegularFile(run.events()) && Files.readString(run.events()).contains("\"name\":\"evaluating\"");
    }
}
