package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.io.ArrayArchive;
import org.hqcm.engine.internal.train.EpochResult;
import org.hqcm.engine.internal.train.TrainingDivergedException;
import org.hqcm.engine.internal.train.TrainingState;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real runs of a tiny experiment: a real ND4J network, real synthetic data, real files. */
class ExperimentRunnerTest {

    @TempDir
    Path dir;

    /** A front end's view of a run: what each call of the run's one observer said, in order. */
    private static final class Heard implements RunObserver {
        final List<String> calls = new ArrayList<>();

        @Override
        public void started(String run, String experiment, int epochs, int batches, int resumedFrom) {
            calls.add("started " + experiment + " " + epochs + " " + resumedFrom);
        }

        @Override
        public void phase(String name, String message) {
            calls.add("phase " + name);
        }

        @Override
        public void epoch(EpochResult result, boolean improved, TrainingState state) {
            calls.add("epoch " + result.epoch());
        }

        @Override
        public void ended(RunStatus status, String message, double testAccuracy) {
            calls.add("ended " + status + " " + testAccuracy);
        }
    }

    @Test
    void completedRunWritesEveryFileOfTheFolder() throws Exception {
        Path file = TinyExperiments.write(TinyExperiments.tiny(2), dir);
        Heard heard = new Heard();
        RunFolder folder = new ExperimentRunner(heard, () -> false).start(file, null, dir.resolve("runs"));

        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        assertEquals(RunStatus.COMPLETED, record.getStatus());
        assertEquals(2, record.getEpochs().size());
        double accuracy = record.getTestMetrics().getAccuracy();
        assertTrue(accuracy >= 0 && accuracy <= 1);
        assertEquals(4, record.getTestMetrics().getClasses().size());
        assertEquals(16, record.getConfusionMatrix().getCounts().size());
        assertEquals(3, record.getJaccard().size());
        assertEquals(64, record.getProvenance().getDatasetFingerprint().length());
        for (Path p : List.of(folder.experiment(), folder.events(), folder.log(), folder.checkpoint(), folder.model(),
                folder.artefacts().resolve("loss.png"), folder.artefacts().resolve("confusion.png"))) {
            assertTrue(Files.size(p) > 0, p + " written");
        }
        List<String> events = Files.readAllLines(folder.events());
        assertTrue(events.get(events.size() - 1).contains("\"status\":\"COMPLETED\""), events.get(events.size() - 1));
        assertEquals(2, events.stream().filter(l -> l.startsWith("{\"type\":\"epoch\"")).count());
        // the front end, the event stream and the log heard the same run
        assertEquals(List.of("phase loading", "started tiny 2 0", "phase training", "epoch 1", "epoch 2",
                "phase evaluating", "phase explaining", "ended COMPLETED " + accuracy), heard.calls);
        assertTrue(events.stream().anyMatch(l -> l.contains("\"type\":\"start\"") && l.contains("\"epochs\":2")));
        List<String> log = Files.readAllLines(folder.log());
        assertTrue(log.get(log.size() - 1).endsWith("COMPLETED: test accuracy " + String.format(java.util.Locale.ROOT,
                "%.4f", accuracy)), log.get(log.size() - 1));
        assertEquals(2, log.stream().filter(l -> l.contains("  epoch ")).count());
        // the model holds the best weights: an array archive that reads back
        assertTrue(ArrayArchive.read(folder.model()).keySet().stream().anyMatch(k -> k.contains("block1")));
    }

    @Test
    void cancelledRunResumesToTheSameResultAsAnUninterruptedOne() {
        Experiment e = TinyExperiments.tiny(3);
        Path file = TinyExperiments.write(e, dir);
        RunFolder whole = new ExperimentRunner(RunObserver.NONE, () -> false).start(file, 7L, dir.resolve("a"));

        // cancel once the second batch of epoch 2 has started (3 batches per epoch)
        AtomicBoolean stop = new AtomicBoolean();
        RunObserver observer = new RunObserver() {
            @Override
            public void batch(int epoch, int batch, int batches, double loss, double accuracy) {
                stop.compareAndSet(false, epoch == 2 && batch == 1);
            }
        };
        RunFolder cut = new ExperimentRunner(observer, stop::get).start(file, 7L, dir.resolve("b"));
        RunRecord cancelled = HqcmResources.loadRunRecord(cut.record());
        assertEquals(RunStatus.CANCELLED, cancelled.getStatus());
        assertEquals(1, cancelled.getEpochs().size());
        assertTrue(cancelled.getFailureMessage().contains("--resume"), cancelled.getFailureMessage());

        new ExperimentRunner(RunObserver.NONE, () -> false).resume(cut.dir());
        RunRecord a = HqcmResources.loadRunRecord(whole.record());
        RunRecord b = HqcmResources.loadRunRecord(cut.record());
        assertEquals(RunStatus.COMPLETED, b.getStatus());
        assertArrayEquals(losses(a), losses(b), 1e-6, "validation losses per epoch");
        assertEquals(a.getTestMetrics().getAccuracy(), b.getTestMetrics().getAccuracy(), 1e-12);
    }

    private static double[] losses(RunRecord r) {
        return r.getEpochs().stream().mapToDouble(EpochRecord::getValidationLoss).toArray();
    }

    @Test
    void divergenceFailsTheRunWithAClearMessage() {
        Experiment e = TinyExperiments.tiny(3);
        e.getTraining().setLearningRate(1e30);
        e.getTraining().setGradientClipNorm(0);
        Path file = TinyExperiments.write(e, dir);
        TrainingDivergedException ex = assertThrows(TrainingDivergedException.class,
                () -> new ExperimentRunner(RunObserver.NONE, () -> false).start(file, null, dir.resolve("runs")));
        assertTrue(ex.getMessage().contains("checkpoint"), ex.getMessage());
        Path run = onlyRun(dir.resolve("runs"));
        RunRecord record = HqcmResources.loadRunRecord(run);
        assertEquals(RunStatus.FAILED, record.getStatus());
        assertEquals(ex.getMessage(), record.getFailureMessage());
    }

    @Test
    void invalidExperimentIsRefusedBeforeAnyFolderIsMade() {
        Experiment e = TinyExperiments.tiny(1);
        e.getTraining().setBatchSize(0);
        e.getDataset().setImageSize(20);
        Path file = TinyExperiments.write(e, dir);
        BadInputException ex = assertThrows(BadInputException.class,
                () -> new ExperimentRunner(RunObserver.NONE, () -> false).start(file, null, dir.resolve("runs")));
        assertTrue(ex.getMessage().contains("batchSize") && ex.getMessage().contains("imageSize"), ex.getMessage());
        assertTrue(Files.notExists(dir.resolve("runs")));
    }

    private static Path onlyRun(Path runs) {
        try (var s = Files.list(runs)) {
            return s.findFirst().orElseThrow();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
