package org.hqcm.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hqcm.engine.sweep.TrialAttempt;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep (2 configurations x 2 seeds, one thread per trial) run three ways on real Spark: embedded local mode
 * (the reference), a standalone Master and Worker on 127.0.0.1 started from the Spark jars with the executor JVM
 * killed by {@code kill -9} during a trial, and a driver killed by {@code kill -9} then resumed. Every way ends with
 * the same four run folders, each trained exactly once, and the same report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepOnSparkTest {

    /** Epochs of a tiny trial: long enough to be killed after its first checkpoint. */
    static final int EPOCHS = 5;

    @TempDir
    static Path dir;

    Path sweepFile;
    Path reference;
    final List<Process> daemons = new ArrayList<>();

    @BeforeAll
    void referenceSweepInLocalMode() throws Exception {
        // executors reach the driver on loopback only (machines of this project may use nothing else)
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        sweepFile = TinySweep.write(dir, EPOCHS);
        reference = dir.resolve("local");
        TinySweep.Result r = TinySweep.run(sweepFile.toString(), "--master", "local[2]", "--out", reference.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @AfterAll
    void stopDaemons() {
        for (Process p : daemons) {
            p.destroyForcibly();
        }
    }

    @Test
    void localModeEndsWithFourRunFoldersAndAReport() throws Exception {
        List<Path> runs = TinySweep.runs(reference);
        assertEquals(4, runs.size(), runs.toString());
        SweepRecord record = HqcmResources.loadSweepRecord(reference);
        assertEquals(RunStatus.COMPLETED, record.getState());
        assertEquals("local[2]", record.getMaster());
        assertEquals(2, record.getConfigurations().size());
        for (TrialRecord t : record.getTrials()) {
            assertEquals(RunStatus.COMPLETED, t.getState(), t.getId());
            assertEquals(1, t.getAttempts(), t.getId());
            RunRecord run = HqcmResources.loadRunRecord(reference.resolve(t.getRunFolder()));
            assertEquals(RunStatus.COMPLETED, run.getStatus());
            assertEquals(t.getId(), run.getId(), "an ordinary run folder named by the trial id");
            assertEquals(t.getSeed(), run.getProvenance().getSeed());
            assertEquals(EPOCHS, run.getEpochs().size());
            assertEquals(run.getTestMetrics().getAccuracy(), t.getAccuracy());
        }
        for (String f : List.of("report.md", "report.html", "report.json", "figures/validation-accuracy.png",
                "figures/parallel-coordinates.png")) {
            assertTrue(Files.size(reference.resolve("report").resolve(f)) > 100, f);
        }
        String md = Files.readString(reference.resolve("report/report.md"));
        assertTrue(md.contains("architecture.head=quantum") && md.contains("Wilcoxon"), md);
        assertFalse(Files.exists(reference.resolve("attempts")) && TinySweep.attemptsWithCheckpoint(reference).size() > 0,
                "no attempt is left behind");
        // the trials ran in their own JVMs with one thread each, two at a time
        assertTrue(Files.readString(reference.resolve("sweep.log")).contains("COMPLETED"));
        assertEquals(0, TinySweep.run("report", reference.toString()).exit());
    }

    @Test
    void standaloneClusterSurvivesAKilledExecutor() throws Exception {
        Path sparkHome = sparkHome();
        int masterPort = freePort();
        Path work = Files.createDirectories(dir.resolve("worker"));
        daemons.add(daemon(sparkHome, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host",
                "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
        daemons.add(daemon(sparkHome, dir.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker", "--host",
                "127.0.0.1", "--cores", "2", "--memory", "3g", "--work-dir", work.toString(), "--webui-port",
                String.valueOf(freePort()), "spark://127.0.0.1:" + masterPort));
        // the executors get the classes of this build that are folders (jars are in SPARK_HOME/jars)
        String folders = String.join(java.io.File.pathSeparator, TinySweep.testClasspath().stream()
                .filter(e -> Files.isDirectory(Path.of(e))).toList());
        System.setProperty(SparkExecutor.EXECUTOR_CLASSPATH, folders);
        Path out = dir.resolve("cluster");
        long[] killed = {0};
        Thread killer = new Thread(() -> killExecutorDuringATrial(out, killed));
        killer.setDaemon(true);
        killer.start();
        TinySweep.Result r;
        try {
            r = TinySweep.run(sweepFile.toString(), "--master", "spark://127.0.0.1:" + masterPort, "--out", out.toString());
        } finally {
            System.clearProperty(SparkExecutor.EXECUTOR_CLASSPATH);
        }
        killer.join(10_000);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertNotEquals(0, killed[0], "an executor was killed during a trial");
        assertNotEquals(ProcessHandle.current().pid(), killed[0]);
        SweepRecord record = HqcmResources.loadSweepRecord(out);
        assertEquals(RunStatus.COMPLETED, record.getState());
        assertEquals(4, TinySweep.runs(out).size());
        boolean resumed = false;
        for (TrialRecord t : record.getTrials()) {
            String log = Files.readString(out.resolve(t.getRunFolder()).resolve("run.log"));
            assertEquals(1, count(log, "training ended"), "trained to completion exactly once: " + t.getId());
            assertEquals(1, count(log, "COMPLETED: test accuracy"), "evaluated once: " + t.getId());
            resumed |= log.contains("resuming from");
        }
        assertTrue(resumed, "the killed trial resumed from its checkpoint");
        assertSameResults(reference, out);
    }

    @Test
    void aKilledDriverResumesWithoutRetrainingAndTheSameReport() throws Exception {
        Path out = dir.resolve("resumed");
        List<String> cmd = new ArrayList<>(List.of(TinySweep.java()));
        cmd.addAll(TinySweep.opens());
        cmd.addAll(List.of("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1", "-cp",
                String.join(java.io.File.pathSeparator, TinySweep.testClasspath()), SweepMain.class.getName(),
                sweepFile.toString(), "--master", "local[2]", "--out", out.toString()));
        Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile())
                .start();
        Map<String, byte[]> before = new HashMap<>();
        try {
            // kill when one trial is published and another has a checkpoint
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (System.nanoTime() < deadline && driver.isAlive()
                    && (TinySweep.runs(out).isEmpty() || TinySweep.attemptsWithCheckpoint(out).isEmpty())) {
                Thread.sleep(50);
            }
            driver.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        } finally {
            driver.destroyForcibly();
        }
        // the trials' JVMs see their parent gone (end of their standard input) and halt: no orphan trains on
        long orphansGone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < orphansGone && trialProcessesOf(out) > 0) {
            Thread.sleep(100);
        }
        assertEquals(0, trialProcessesOf(out), "trial JVMs of the killed driver");
        List<Path> published = TinySweep.runs(out);
        assertFalse(published.isEmpty(), "a trial was published before the kill");
        assertTrue(published.size() < 4, "the driver was killed mid-sweep");
        for (Path p : published) {
            before.put(p.getFileName().toString(), Files.readAllBytes(p.resolve(HqcmResources.RUN_RECORD_FILE)));
        }
        TinySweep.Result r = TinySweep.run("--resume", out.toString(), "--master", "local[2]");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(published.size() + " complete"), r.out());
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            Path run = out.resolve("runs").resolve(e.getKey());
            assertEquals(new String(e.getValue()), Files.readString(run.resolve(HqcmResources.RUN_RECORD_FILE)),
                    "a completed trial is not trained again: " + e.getKey());
            assertEquals(1, count(Files.readString(run.resolve("run.log")), "training ended"));
        }
        assertEquals(Files.readString(reference.resolve("report/report.md")), Files.readString(out.resolve("report/report.md")));
        assertEquals(Files.readString(reference.resolve("report/report.json")),
                Files.readString(out.resolve("report/report.json")));
        assertSameResults(reference, out);
    }

    /** Same trial ids and, per trial, the same metrics and predictions as the reference. */
    private static void assertSameResults(Path expected, Path actual) throws IOException {
        SweepRecord a = HqcmResources.loadSweepRecord(expected);
        SweepRecord b = HqcmResources.loadSweepRecord(actual);
        assertEquals(a.getTrials().stream().map(TrialRecord::getId).toList(),
                b.getTrials().stream().map(TrialRecord::getId).toList());
        for (int i = 0; i < a.getTrials().size(); i++) {
            TrialRecord x = a.getTrials().get(i);
            TrialRecord y = b.getTrials().get(i);
            assertEquals(x.getAccuracy(), y.getAccuracy(), x.getId());
            assertEquals(x.getMacroF1(), y.getMacroF1(), x.getId());
            assertEquals(Files.readString(expected.resolve(x.getRunFolder()).resolve("predictions.csv")),
                    Files.readString(actual.resolve(y.getRunFolder()).resolve("predictions.csv")), x.getId());
        }
    }

    /** Waits for an attempt with a checkpoint and kills its executor (the pid in the attempt's name) with SIGKILL. */
    private static void killExecutorDuringATrial(Path out, long[] killed) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        try {
            while (System.nanoTime() < deadline) {
                for (Path attempt : TinySweep.attemptsWithCheckpoint(out)) {
                    String name = attempt.getFileName().toString();
                    String[] parts = name.split("-");
                    long pid = Long.parseLong(parts[parts.length - 2]);
                    var handle = ProcessHandle.of(pid);
                    if (handle.isPresent() && pid != ProcessHandle.current().pid() && TrialAttempt.class != null) {
                        handle.get().destroyForcibly(); // SIGKILL on Unix
                        killed[0] = pid;
                        return;
                    }
                }
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            // the assertion on killed reports it
        }
    }

    /** Live trial JVMs working in a sweep folder. */
    private static long trialProcessesOf(Path sweepDir) {
        String dirName = sweepDir.toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("TrialProcess")
                && c.contains(dirName)).orElse(false)).count();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    /** SPARK_HOME as Spark's launcher wants it: a RELEASE file and jars/ (links to this build's jars). */
    private static Path sparkHome() throws IOException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.writeString(home.resolve("RELEASE"), "");
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String e : TinySweep.testClasspath()) {
            Path p = Path.of(e);
            if (Files.isRegularFile(p) && e.endsWith(".jar") && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
            }
        }
        return home;
    }

    private Process daemon(Path sparkHome, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(TinySweep.java()));
        cmd.addAll(TinySweep.opens());
        cmd.addAll(List.of("-Xmx512m", "-cp", sparkHome.resolve("jars") + "/*", main));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
