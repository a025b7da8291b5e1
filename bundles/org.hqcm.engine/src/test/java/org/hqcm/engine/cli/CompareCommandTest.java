package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.internal.run.ExperimentRunner;
import org.hqcm.engine.internal.run.RunObserver;
import org.hqcm.engine.internal.run.RunReport;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare and report on real tiny runs: two seeds of one experiment, and a run on other data. */
class CompareCommandTest {

    @TempDir
    static Path dir;

    static RunFolder seed1;
    static RunFolder seed2;
    static RunFolder otherData;

    @BeforeAll
    static void runs() {
        Path file = TinyExperiments.write(TinyExperiments.tiny(2), dir);
        ExperimentRunner runner = new ExperimentRunner(RunObserver.NONE, () -> false);
        seed1 = runner.start(file, 1L, dir.resolve("runs"));
        seed2 = runner.start(file, 2L, dir.resolve("runs"));
        Experiment other = TinyExperiments.tiny(1);
        other.setName("tiny-other");
        other.getDataset().getSources().get(0).setImagesPerClass(10);
        otherData = runner.start(TinyExperiments.write(other, dir), 1L, dir.resolve("runs"));
    }

    @Test
    void twoSeedsOfOneExperimentCompareWithNumbersFromTheirRecords() throws Exception {
        Path out = dir.resolve("cmp");
        CliRun r = CliRun.of("compare", seed1.dir().toString(), seed2.dir().toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        for (String s : List.of("Table 1", "Table 2", "Wilcoxon statistic", "SciPy's default conventions", "McNemar",
                "bootstrap CI", "Calibration and out-of-distribution flags", "ECE", "Brier",
                "Explanations against the tumour masks, per method", ": Grad-CAM", ": occlusion", "pointing game")) {
            assertTrue(r.out().contains(s), "output says " + s + ":\n" + r.out());
        }
        String json = Files.readString(out.resolve("comparison.json"));
        for (RunFolder f : List.of(seed1, seed2)) {
            RunRecord rec = HqcmResources.loadRunRecord(f.dir());
            String name = f.dir().getFileName().toString();
            assertEquals(rec.getTestMetrics().getAccuracy(), CliRun.jsonNumber(json, "run." + name + ".accuracy"), 1e-9);
            assertEquals(rec.getTestMetrics().getMacroF1(), CliRun.jsonNumber(json, "run." + name + ".macroF1"), 1e-9);
            assertEquals(rec.getCalibration().getEce(), CliRun.jsonNumber(json, "run." + name + ".ece"), 1e-12);
            assertEquals(rec.getCalibration().getBrier(), CliRun.jsonNumber(json, "run." + name + ".brier"), 1e-12);
            assertEquals(rec.getOutOfDistribution().getTestFlagged(), CliRun.jsonNumber(json, "run." + name + ".oodFlagged"),
                    1e-12);
        }
        // Table 2's means are the records' (jaccard.csv rounds to 6 decimals)
        RunRecord a = HqcmResources.loadRunRecord(seed1.dir());
        RunRecord b = HqcmResources.loadRunRecord(seed2.dir());
        String pair = "pair." + seed1.dir().getFileName() + "_vs_" + seed2.dir().getFileName() + ".";
        for (int t = 0; t < a.getJaccard().size(); t++) {
            String k = pair + String.format(Locale.ROOT, "jaccard@%.2f.", a.getJaccard().get(t).getThreshold());
            assertEquals(a.getJaccard().get(t).getMean(), CliRun.jsonNumber(json, k + "meanA"), 1e-6);
            assertEquals(b.getJaccard().get(t).getMean(), CliRun.jsonNumber(json, k + "meanB"), 1e-6);
            double p = CliRun.jsonNumber(json, k + "wilcoxon.p");
            assertTrue(p >= 0 && p <= 1, "p " + p);
        }
        // explanation scores between the runs, per method, paired on the images both explained (the same ones)
        String grad = pair + "explanation.Grad-CAM.pointing game.";
        assertEquals(a.getExplanations().get(1).getPointingGame(), CliRun.jsonNumber(json, grad + "meanA"), 1e-6);
        assertEquals(b.getExplanations().get(1).getPointingGame(), CliRun.jsonNumber(json, grad + "meanB"), 1e-6);
        assertEquals(a.getExplanations().get(1).getImages(), CliRun.jsonNumber(json, grad + "images"), 0);
        assertEquals(a.getTestMetrics().getAccuracy() - b.getTestMetrics().getAccuracy(),
                CliRun.jsonNumber(json, pair + "accuracyDiff.estimate"), 1e-9);
        assertEquals(Files.readString(out.resolve("comparison.md")).strip(), r.out().substring(0,
                r.out().indexOf("written: ")).strip());
        String html = Files.readString(out.resolve("comparison.html"));
        assertTrue(html.contains("<table>") && html.contains("data:image/png;base64,"));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary folder left");
        }
    }

    @Test
    void runsOnDifferentTestSetsAreRefusedNamingBothAndTheirFingerprints() {
        Path out = dir.resolve("refused");
        CliRun r = CliRun.of("compare", seed1.dir().toString(), otherData.dir().toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains(seed1.dir().toString()) && r.err().contains(otherData.dir().toString())
                && r.err().contains("different test sets") && r.err().contains("fingerprint"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aRunThatDidNotCompleteIsRefused() {
        Experiment e = TinyExperiments.tiny(2);
        e.setName("tiny-diverges");
        e.getTraining().setLearningRate(1e30);
        e.getTraining().setGradientClipNorm(0);
        Path file = TinyExperiments.write(e, dir);
        try {
            new ExperimentRunner(RunObserver.NONE, () -> false).start(file, null, dir.resolve("failed"));
        } catch (RuntimeException expected) {
            // the run fails and keeps its folder
        }
        Path failed = only(dir.resolve("failed"));
        CliRun r = CliRun.of("compare", seed1.dir().toString(), failed.toString(), "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().contains(failed.toString()) && r.err().contains("FAILED"), r.err());
        CliRun rep = CliRun.of("report", failed.toString());
        assertEquals(ExitCodes.BAD_INPUT, rep.exit());
    }

    @Test
    void reportCommandRewritesTheSameReport() throws Exception {
        Path report = seed2.dir().resolve(RunReport.FILE);
        String original = Files.readString(report);
        Files.writeString(report, "stale");
        CliRun r = CliRun.of("report", seed2.dir().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(report.toString()), r.out());
        assertEquals(original, Files.readString(report));
    }

    /**
     * report --ood-source: the phantom at another size and difficulty, as image files, scored against the run's
     * threshold; the share flagged is in the record and the report; a folder without images is refused.
     */
    @Test
    void reportScoresAnotherSource() throws Exception {
        Path shifted = dir.resolve("shifted");
        assertEquals(0, CliRun.of("data", "synth", "--out", shifted.toString(), "--per-class", "2", "--size", "40",
                "--difficulty", "1", "--seed", "5").exit());
        CliRun r = CliRun.of("report", seed1.dir().toString(), "--ood-source", shifted.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(shifted + ": 8 images, "), r.out());
        RunRecord rec = HqcmResources.loadRunRecord(seed1.dir());
        var source = rec.getOutOfDistribution().getSources().get(0);
        assertEquals(shifted.toString(), source.getPath());
        assertEquals(8, source.getImages(), "the masks beside the images are not scored");
        assertTrue(Files.readString(seed1.dir().resolve(RunReport.FILE)).contains(shifted.toString()));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun none = CliRun.of("report", seed1.dir().toString(), "--ood-source", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, none.exit());
        assertTrue(none.err().contains(empty + ": no image file in the folder"), none.err());
    }

    private static Path only(Path parent) throws java.io.UncheckedIOException {
        try (var s = Files.list(parent)) {
            return s.findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
