package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.Optimizer;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The memory estimate: exact parameter counts, and refusals that name the field to change. */
class MemoryEstimateTest {

    /** This project's machine kind with ./hqcm's default heap. */
    private static final MemoryEstimate.Limits WORKSTATION = new MemoryEstimate.Limits(4L << 30, 22L << 30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "quickstart-classical", "hqcm-ebtc", "classical", "tiny", "no-attention",
        "kernels", "angle"})
    void parameterCountsAreThoseOfTheRealNetwork(String name) {
        Experiment e = switch (name) {
            case "tiny" -> TinyExperiments.tiny(1);
            case "no-attention" -> {
                Experiment x = Presets.create(Presets.QUICKSTART);
                x.getArchitecture().getAttention().setEnabled(false);
                yield x;
            }
            case "angle" -> {
                Experiment x = TinyExperiments.tiny(1);
                ((QuantumHead) x.getArchitecture().getHead()).setEmbedding(org.hqcm.model.Embedding.ANGLE);
                ((QuantumHead) x.getArchitecture().getHead()).setLayers(3);
                yield x;
            }
            case "kernels" -> {
                Experiment x = TinyExperiments.tiny(1);
                x.getArchitecture().getAttention().getSpatialKernels().add(9);
                x.getArchitecture().getAttention().setFuseKernel(3);
                x.getDataset().getClassNames().add("extra");
                yield x;
            }
            default -> Presets.create(name);
        };
        HybridNetwork net = HybridNetwork.create(ExperimentMapping.network(e, 1));
        long parameters = net.parameters().stream().mapToLong(p -> p.size()).sum();
        long state = net.exportState().values().stream().mapToLong(v -> v.length).sum();
        MemoryEstimate m = MemoryEstimate.of(e, 1000);
        assertEquals(parameters, m.parameters(), "parameters");
        assertEquals(state, m.stateValues(), "parameters and BatchNorm statistics");
    }

    @Test
    void thePresetsFitTheWorkstation() {
        for (String preset : Presets.names()) {
            Experiment e = Presets.create(preset);
            long images = 4L * e.getDataset().getSources().get(0).getImagesPerClass();
            Optional<Problem> p = MemoryEstimate.of(e, images).check(WORKSTATION);
            assertTrue(p.isEmpty(), preset + ": " + p);
        }
    }

    @Test
    void wideBlocksAtFullBatchAreRefusedNamingTheBatch() {
        Experiment e = Presets.create(Presets.HQCM_EBTC);
        e.getArchitecture().getBackboneWidths().set(0, 4096);
        MemoryEstimate m = MemoryEstimate.of(e, 7576);
        Problem p = m.check(WORKSTATION).orElseThrow();
        assertEquals("training.batchSize", p.featurePath());
        assertTrue(p.message().startsWith("the run needs about "), p.message());
        // the first block keeps where each window's maximum was on the heap: 64 x 64 x 64 x 4096 floats, 4.3 GB
        assertTrue(p.message().contains("of Java heap (batches and validation predictions ") && p.message().contains(
                "lower training.batchSize (batches and validation predictions: batches of 64 and 1137 validation"),
                p.message());
        // an eighth of the batch fits
        e.getTraining().setBatchSize(8);
        assertEquals(Optional.empty(), MemoryEstimate.of(e, 7576).check(WORKSTATION));
    }

    @Test
    void aLargeSyntheticDatasetIsRefusedOnTheHeapNamingItsSource() {
        Experiment e = Presets.create(Presets.HQCM_EBTC);
        e.getDataset().getSources().get(0).setImagesPerClass(100_000);
        Problem p = MemoryEstimate.of(e, 400_000).check(WORKSTATION).orElseThrow();
        assertEquals("dataset.sources[0].imagesPerClass", p.featurePath());
        assertTrue(p.message().matches("the run needs about [0-9.]+ GB of Java heap \\(dataset [0-9.]+ GB, .*\\), more "
                + "than the 3.2 GB that -Xmx 4.0 GB leaves for it; lower dataset.sources\\[0].imagesPerClass \\(dataset: "
                + "400000 images of 128 x 128\\) or give the engine a larger heap \\(HQCM_JAVA_OPTS=-Xmx...\\)"),
                p.message());
    }

    @Test
    void aLargeTestSplitIsRefusedForItsMasks() {
        Experiment e = Presets.create(Presets.QUICKSTART);
        e.getDataset().setImageSize(512);
        e.getTraining().setBatchSize(1);
        e.getDataset().setTrainFraction(0.1);
        e.getDataset().setValidationFraction(0.1);
        e.getDataset().setTestFraction(0.8);
        Problem p = MemoryEstimate.of(e, 20_000).check(WORKSTATION).orElseThrow();
        assertEquals("dataset.testFraction", p.featurePath(), p.message());
        assertTrue(p.message().contains("16000 test images with their masks for the attention Jaccard"), p.message());
    }

    @Test
    void aLargeProjectionNamesTheHeadAndSgdNeedsLessThanAdam() {
        Experiment e = Presets.create(Presets.CLASSICAL);
        ClassicalHead h = (ClassicalHead) e.getArchitecture().getHead();
        h.setProjectionWidth(4096);
        e.getDataset().setImageSize(1024);
        e.getArchitecture().getBackboneWidths().set(2, 4096);
        e.getTraining().setBatchSize(1);
        MemoryEstimate adam = MemoryEstimate.of(e, 100);
        Problem p = adam.check(WORKSTATION).orElseThrow();
        assertEquals("architecture.head.projectionWidth", p.featurePath(), p.message());
        e.getTraining().setOptimizer(Optimizer.SGD);
        assertTrue(MemoryEstimate.of(e, 100).heapBytes() < adam.heapBytes());
    }

    @Test
    void validateAndRunRefuseWhatDoesNotFitBeforeAnyFolderIsMade() throws Exception {
        Experiment e = TinyExperiments.tiny(1);
        e.getDataset().setImageSize(1024);
        e.getArchitecture().getBackboneWidths().set(0, 4096);
        e.getTraining().setBatchSize(4096);
        ((QuantumHead) e.getArchitecture().getHead()).setShots(100);
        Path file = TinyExperiments.write(e, dir);
        List<Problem> problems = RunPreflight.check(e, dir, MemoryEstimate.Limits.ofThisProcess());
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("training.batchSize", problems.get(0).featurePath());
        BadInputException ex = assertThrows(BadInputException.class,
                () -> new ExperimentRunner(RunObserver.NONE, () -> false).start(file, null, dir.resolve("runs")));
        assertTrue(ex.getMessage().startsWith(file + ": training.batchSize: the run needs about "), ex.getMessage());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void sizesPrintInGigabytesOrMegabytes() {
        assertEquals("1.5 GB", MemoryEstimate.gb(3L << 29));
        assertEquals("512 MB", MemoryEstimate.gb(1L << 29));
    }
}
