package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hqcm.engine.eval.MeanSd;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SourceKind;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.sweep.FeaturePath;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shrunken reproduce: both presets, two seeds each, one epoch on 16 px synthetic images. */
class ReproduceCommandTest {

    @TempDir
    Path dir;

    @Test
    void reproduceTrainsBothPresetsPerSeedAndWritesTablesAndFigures() throws Exception {
        Path out = dir.resolve("repro");
        CliRun r = CliRun.of("reproduce", "--seeds", "2", "--data", "synthetic:8", "--epochs", "1", "--image-size",
                "16", "--widths", "4,4,2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Table 1"), r.out());

        Experiment quantum = HqcmResources.loadExperiment(out.resolve("experiments/hqcm-ebtc.hqcm"));
        Experiment classical = HqcmResources.loadExperiment(out.resolve("experiments/classical.hqcm"));
        assertTrue(quantum.getArchitecture().getHead() instanceof QuantumHead);
        assertTrue(classical.getArchitecture().getHead() instanceof ClassicalHead);
        assertEquals(8, quantum.getDataset().getSources().get(0).getImagesPerClass());
        assertEquals(1, classical.getTraining().getMaxEpochs());

        List<Path> runs;
        try (var s = Files.list(out.resolve("runs"))) {
            runs = s.sorted().toList();
        }
        assertEquals(4, runs.size(), runs.toString());
        // a thin front of the paper sweep: runs/<trial id>, the sweep record says which is which
        SweepRecord record = HqcmResources.loadSweepRecord(out);
        assertEquals(RunStatus.COMPLETED, record.getState());
        assertEquals(List.of(FeaturePath.HEAD), record.getAxes());
        double[] quantumAccuracy = record.getTrials().stream().filter(t -> t.getAxisValues().get(0).equals("quantum"))
                .mapToDouble(t -> RunResults.read(out.resolve(t.getRunFolder())).report().accuracy()).toArray();
        assertEquals(2, quantumAccuracy.length);
        assertTrue(Files.isRegularFile(out.resolve("report/report.md")), "the sweep's seed-grouped report");

        String md = Files.readString(out.resolve("comparison.md"));
        assertTrue(md.contains("Table 1") && md.contains("Table 2") && md.contains("averaged over the seeds")
                && md.contains("SciPy"), md);
        String json = Files.readString(out.resolve("comparison.json"));
        MeanSd expected = MeanSd.of(quantumAccuracy);
        assertEquals(expected.mean(), CliRun.jsonNumber(json, "model.hqcm-ebtc.accuracy.mean"), 1e-12);
        assertEquals(expected.sd(), CliRun.jsonNumber(json, "model.hqcm-ebtc.accuracy.sd"), 1e-12);
        assertTrue(Files.readString(out.resolve("table1.csv")).contains(" ± "));
        for (String f : List.of("fig7-loss.png", "fig7-accuracy.png", "fig8-tsne-hqcm-ebtc.png", "fig8-tsne-classical.png",
                "fig9-confusion-hqcm-ebtc.png", "fig9-confusion-classical.png", "fig10-attention.png")) {
            assertTrue(Files.size(out.resolve("figures").resolve(f)) > 1000, f);
        }
        String html = Files.readString(out.resolve("comparison.html"));
        assertEquals(7, html.split("data:image/png;base64,", -1).length - 1, "seven figures embedded");
    }

    @Test
    void aDataFolderReplacesThePresetsSourceWithItsKindInferred() {
        Path images = dir.resolve("images");
        assertEquals(0, CliRun.of("data", "synth", "--out", images.toString(), "--per-class", "8", "--size", "32").exit());
        Path out = dir.resolve("from-folder");
        CliRun r = CliRun.of("reproduce", "--seeds", "1", "--data", images.toString(), "--epochs", "1", "--image-size",
                "16", "--widths", "4,4,2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        for (String model : List.of("hqcm-ebtc", "classical")) {
            var sources = HqcmResources.loadExperiment(out.resolve("experiments/" + model + ".hqcm")).getDataset()
                    .getSources();
            assertEquals(1, sources.size());
            assertEquals(SourceKind.IMAGE_FOLDER, sources.get(0).getKind());
            assertEquals(images.toAbsolutePath().normalize().toString(), sources.get(0).getPath());
        }
        assertTrue(Files.isRegularFile(out.resolve("comparison.html")));
    }

    @Test
    void aMissingDataFolderIsBadInput() {
        CliRun r = CliRun.of("reproduce", "--data", dir.resolve("nowhere").toString(), "--out", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("nowhere"), r.err());
    }
}
