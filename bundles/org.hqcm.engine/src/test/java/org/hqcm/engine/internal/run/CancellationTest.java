package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation takes effect wherever the run is, not only between batches: inside the first batch (between
 * layers), and during the test evaluation after training; both end CANCELLED and resume to the uninterrupted result.
 */
class CancellationTest {

    @TempDir
    Path dir;

    private static long events(RunFolder folder, String type) throws Exception {
        List<String> lines = Files.readAllLines(folder.events());
        return lines.stream().filter(l -> l.startsWith("{\"type\":\"" + type + "\"")).count();
    }

    @Test
    void aCancelInsideTheFirstBatchStopsBeforeTheBatchEnds() throws Exception {
        Path file = TinyExperiments.write(TinyExperiments.tiny(2), dir);
        // the first look at the flag (before batch 1) sees it down, every later one up: before cancellation was
        // checked inside batches, batch 1 ran to its end and the run stopped before batch 2
        AtomicInteger looks = new AtomicInteger();
        RunFolder folder = new ExperimentRunner(RunObserver.NONE, () -> looks.incrementAndGet() > 1)
                .start(file, 3L, dir.resolve("runs"));
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        assertEquals(RunStatus.CANCELLED, record.getStatus());
        assertEquals(0, events(folder, "batch"), "no batch completed");
        assertEquals(0, record.getEpochs().size());
        assertTrue(record.getFailureMessage().contains("--resume " + folder.dir()), record.getFailureMessage());

        new ExperimentRunner(RunObserver.NONE, () -> false).resume(folder.dir());
        assertEquals(RunStatus.COMPLETED, HqcmResources.loadRunRecord(folder.record()).getStatus());
    }

    @Test
    void aCancelDuringTheTestEvaluationKeepsTheFinishedCheckpointAndResumesToTheSamePredictions() throws Exception {
        Experiment e = TinyExperiments.tiny(2);
        Path file = TinyExperiments.write(e, dir);
        RunFolder whole = new ExperimentRunner(RunObserver.NONE, () -> false).start(file, 5L, dir.resolve("a"));

        AtomicBoolean evaluating = new AtomicBoolean();
        RunObserver observer = new RunObserver() {
            @Override
            public void phase(String name, String message) {
                evaluating.compareAndSet(false, name.equals("evaluating"));
            }
        };
        RunFolder cut = new ExperimentRunner(observer, evaluating::get).start(file, 5L, dir.resolve("b"));
        RunRecord cancelled = HqcmResources.loadRunRecord(cut.record());
        assertEquals(RunStatus.CANCELLED, cancelled.getStatus(), cancelled.getFailureMessage());
        assertEquals("cancelled while evaluating on the test split; the checkpoint of epoch 2 is kept: continue with "
                + "./hqcm run --resume " + cut.dir(), cancelled.getFailureMessage());
        assertEquals(2, cancelled.getEpochs().size());

        new ExperimentRunner(RunObserver.NONE, () -> false).resume(cut.dir());
        assertEquals(RunStatus.COMPLETED, HqcmResources.loadRunRecord(cut.record()).getStatus());
        assertEquals(Files.readString(whole.dir().resolve(TestEvaluation.PREDICTIONS_FILE)),
                Files.readString(cut.dir().resolve(TestEvaluation.PREDICTIONS_FILE)));
    }
}
