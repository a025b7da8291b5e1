package org.hqcm.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.engine.internal.sweep.SweepDriver;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TestMetrics;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.sweep.FeaturePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exactly-once protocol on real folders and real run records (the trials themselves are the Spark module's tests). */
class TrialAttemptTest {

    @TempDir
    Path dir;

    private SweepFolder sweepFolder() {
        Sweep s = SweepPresets.newSweep("s", TinyExperiments.tiny(1));
        s.getAxes().add(SweepPresets.axis(FeaturePath.HEAD, FeaturePath.QUANTUM, FeaturePath.CLASSICAL));
        s.getSeeds().addAll(List.of(1L, 2L));
        return SweepDriver.create(s, dir, "s.hqcmsweep", dir.resolve("sweep"));
    }

    /** A completed run folder in an attempt, as the trial's JVM leaves it. */
    private static Path completedAttempt(SweepFolder f, String id, String attempt, double accuracy) throws Exception {
        Path a = f.attempts(id).resolve(attempt);
        Files.createDirectories(a.resolve(id));
        RunRecord r = HqcmFactory.eINSTANCE.createRunRecord();
        r.setId(id);
        r.setStatus(RunStatus.COMPLETED);
        TestMetrics m = HqcmFactory.eINSTANCE.createTestMetrics();
        m.setAccuracy(accuracy);
        m.setMacroF1(accuracy - 0.1);
        r.setTestMetrics(m);
        HqcmResources.save(r, a.resolve(id));
        Files.writeString(a.resolve(TrialAttempt.ALIVE), attempt);
        return a;
    }

    @Test
    void createWritesTheStandaloneSweepTrialFilesAndRecord() {
        SweepFolder f = sweepFolder();
        SweepRecord record = HqcmResources.loadSweepRecord(f.record());
        assertEquals(4, record.getTrials().size());
        assertEquals(List.of(FeaturePath.HEAD), record.getAxes());
        for (var t : record.getTrials()) {
            assertTrue(Files.isRegularFile(f.trialFile(t.getId())), t.getId());
            assertEquals(RunStatus.CREATED, t.getState());
        }
        Sweep saved = HqcmResources.loadSweep(f.sweep());
        assertNull(saved.getExperimentFile());
        assertEquals("tiny", saved.getExperiment().getName());
        var again = assertThrows(org.hqcm.engine.BadInputException.class,
                () -> SweepDriver.create(saved, dir, "x", f.dir()));
        assertTrue(again.getMessage().contains("already a sweep folder; continue it with --resume"), again.getMessage());
    }

    @Test
    void firstCompletedAttemptWinsTheLoserIsRemoved() throws Exception {
        SweepFolder f = sweepFolder();
        String id = HqcmResources.loadSweepRecord(f.record()).getTrials().get(0).getId();
        Path first = completedAttempt(f, id, "host-1-1", 0.75);
        Path second = completedAttempt(f, id, "host-2-1", 0.5);
        TrialOutcome a = TrialAttempt.publish(f, id, first, "host-1-1", "host", System.nanoTime(), 0);
        TrialOutcome b = TrialAttempt.publish(f, id, second, "host-2-1", "host", System.nanoTime(), 0);
        assertTrue(a.completed() && !a.duplicate());
        assertTrue(b.completed() && b.duplicate(), "the loser is reported as a duplicate");
        assertTrue(b.message().contains("duplicate attempt host-2-1"), b.message());
        assertEquals(0.75, HqcmResources.loadRunRecord(f.run(id)).getTestMetrics().getAccuracy(), "the winner stays");
        assertEquals(0.75, b.accuracy(), "the loser reports the published result");
        assertFalse(Files.exists(first));
        assertFalse(Files.exists(second), "the loser's attempt is removed");
        assertFalse(Files.exists(f.attempts(id)));
    }

    @Test
    void aCutOffAttemptIsClaimedALiveOneWaitedForAPublishedTrialLeftAlone() throws Exception {
        SweepFolder f = sweepFolder();
        String id = HqcmResources.loadSweepRecord(f.record()).getTrials().get(1).getId();
        Path old = completedAttempt(f, id, "dead-7-1", 0.5);
        Files.setLastModifiedTime(old.resolve(TrialAttempt.ALIVE),
                FileTime.fromMillis(System.currentTimeMillis() - 2 * TrialAttempt.STALE_MILLIS));
        Path mine = TrialAttempt.claim(f, id, "me-1-1", () -> false);
        assertEquals(f.attempts(id).resolve("me-1-1"), mine);
        assertFalse(Files.exists(old), "claimed by renaming");
        assertTrue(Files.isRegularFile(mine.resolve(id).resolve(HqcmResources.RUN_RECORD_FILE)), "its run folder comes along");
        // now mine is live: another attempt waits for it (here until it is cancelled)
        long start = System.nanoTime();
        int[] polls = {0};
        assertNull(TrialAttempt.claim(f, id, "other-2-1", () -> ++polls[0] > 2));
        assertTrue(System.nanoTime() - start >= TrialAttempt.HEARTBEAT_MILLIS * 1_000_000L, "it waited");
        assertFalse(Files.exists(f.attempts(id).resolve("other-2-1")), "and started nothing");
        TrialAttempt.publish(f, id, mine, "me-1-1", "host", System.nanoTime(), 0);
        assertNull(TrialAttempt.claim(f, id, "late-3-1", () -> false), "a published trial is not trained again");
    }

    @Test
    void anExecutorThatCannotSeeTheProbeStopsWithAClearMessage() {
        SweepFolder f = sweepFolder();
        String token = SharedStorageProbe.write(f);
        SharedStorageProbe.check(f, token, "here");
        var e = assertThrows(SharedStorageProbe.NotSharedException.class,
                () -> SharedStorageProbe.check(f, "not-" + token, "worker-3"));
        assertTrue(e.getMessage().startsWith("executor on worker-3 cannot see the sweep folder " + f.dir()), e.getMessage());
        assertTrue(e.getMessage().contains("shared mount"), e.getMessage());
        String id = HqcmResources.loadSweepRecord(f.record()).getTrials().get(0).getId();
        TrialOutcome o = TrialAttempt.run(new TrialSpec(f.dir().toString(), id, "x", 1, 1, "missing", null, null),
                TrialLauncher.fromThisJvm(), () -> false);
        assertTrue(o.probeFailed());
        assertEquals("FAILED", o.state());
        assertFalse(Files.exists(f.attempts(id)), "nothing was started");
    }

    @Test
    void aTrialJvmHasTheTrialsThreadsEverywhere() {
        TrialSpec spec = new TrialSpec(dir.toString(), "abc", "x", 3, 2, "t", "-Xmx1g", "/cache");
        List<String> cmd = new TrialLauncher("java", "a.jar").command(spec, List.of("run", "f.hqcm"));
        assertEquals(List.of("java", "-Xmx1g", "-XX:ActiveProcessorCount=2", "-Djava.awt.headless=true",
                "-Dorg.bytedeco.javacpp.cachedir=/cache", "-cp", "a.jar", TrialProcess.class.getName(), "run", "f.hqcm"), cmd);
        var env = new java.util.HashMap<String, String>();
        TrialLauncher.environment(env, 2);
        assertEquals("2", env.get("OMP_NUM_THREADS"));
        assertEquals("passive", env.get("OMP_WAIT_POLICY"));
    }
}
