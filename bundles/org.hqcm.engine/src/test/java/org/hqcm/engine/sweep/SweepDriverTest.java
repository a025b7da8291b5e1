package org.hqcm.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hqcm.engine.cli.Main;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.engine.internal.sweep.SweepDriver;
import org.hqcm.model.DataSource;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SourceKind;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver with real trials (their own JVMs), one after another: a failing trial, a cancelled sweep resumed. */
class SweepDriverTest {

    @TempDir
    Path dir;

    private int run(SweepFolder f, java.util.function.BooleanSupplier cancelled, StringWriter sink) {
        return new SweepDriver(f, new SequentialExecutor(), new PrintWriter(sink), new PrintWriter(sink), "-Xmx1g", null)
                .run(cancelled);
    }

    @Test
    void aFailedTrialIsRecordedWithItsMessageAndTheSweepGoesOn() throws Exception {
        Path good = dir.resolve("good");
        Path gone = dir.resolve("gone");
        for (Path p : List.of(good, gone)) {
            assertEquals(0, Main.commandLine().execute("data", "synth", "--out", p.toString(), "--per-class", "8", "--size", "16"));
        }
        Experiment e = TinyExperiments.tiny(1);
        DataSource s = e.getDataset().getSources().get(0);
        s.setKind(SourceKind.IMAGE_FOLDER);
        s.setPath(good.toString());
        Sweep sweep = SweepPresets.newSweep("fails", e);
        sweep.getAxes().add(SweepPresets.axis("dataset.sources[0].path", good.toString(), gone.toString()));
        sweep.getSeeds().add(1L);
        SweepFolder f = SweepDriver.create(sweep, dir, "fails.hqcmsweep", dir.resolve("sweep"));
        // valid when checked; gone when its trial runs
        for (Path p : (Iterable<Path>) Files.walk(gone).sorted(java.util.Comparator.reverseOrder())::iterator) {
            Files.delete(p);
        }
        StringWriter sink = new StringWriter();
        assertEquals(SweepDriver.FAILED, run(f, () -> false, sink), sink::toString);
        SweepRecord r = HqcmResources.loadSweepRecord(f.record());
        assertEquals(RunStatus.FAILED, r.getState());
        TrialRecord ok = r.getTrials().get(0);
        TrialRecord failed = r.getTrials().get(1);
        assertEquals(RunStatus.COMPLETED, ok.getState(), "the other trial still ran");
        assertEquals(RunStatus.FAILED, failed.getState());
        assertTrue(failed.getFailureMessage().contains(gone.toString()), failed.getFailureMessage());
        assertTrue(Files.readString(f.log()).contains(failed.getFailureMessage()), "logged with its message");
        assertTrue(Files.isRegularFile(f.report().resolve("report.md")), "a report of what completed");
        assertTrue(r.getFailureMessage().contains("1 of 2 trials failed"), r.getFailureMessage());
    }

    @Test
    void aCancelledSweepResumesWithoutRetrainingWhatCompleted() throws Exception {
        Sweep sweep = SweepPresets.newSweep("cancel", TinyExperiments.tiny(1));
        sweep.getSeeds().addAll(List.of(1L, 2L));
        SweepFolder f = SweepDriver.create(sweep, dir, "cancel.hqcmsweep", dir.resolve("sweep"));
        AtomicInteger ended = new AtomicInteger();
        StringWriter sink = new StringWriter();
        // cancelled as soon as the first trial has been published
        int exit = run(f, () -> f.isPublished(HqcmResources.loadSweepRecord(f.record()).getTrials().get(0).getId())
                && ended.incrementAndGet() > 0, sink);
        assertEquals(SweepDriver.FAILED, exit, sink::toString);
        SweepRecord r = HqcmResources.loadSweepRecord(f.record());
        assertEquals(RunStatus.CANCELLED, r.getState());
        assertTrue(r.getFailureMessage().contains("continue with: hqcm sweep --resume " + f.dir()), r.getFailureMessage());
        String first = r.getTrials().get(0).getId();
        byte[] before = Files.readAllBytes(f.run(first).resolve(HqcmResources.RUN_RECORD_FILE));
        StringWriter again = new StringWriter();
        assertEquals(SweepDriver.OK, run(f, () -> false, again), again::toString);
        assertTrue(again.toString().contains("1 complete, 1 to run"), again.toString());
        assertEquals(new String(before), Files.readString(f.run(first).resolve(HqcmResources.RUN_RECORD_FILE)));
        assertEquals(RunStatus.COMPLETED, HqcmResources.loadSweepRecord(f.record()).getState());
        assertTrue(Files.readString(f.events()).contains("\"type\":\"end\",") , "events written");
    }
}
