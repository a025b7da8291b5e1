package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.model.Experiment;
import org.hqcm.model.SourceKind;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** validate, new and run on real files in a temporary folder. */
class ExperimentCommandsTest {

    @TempDir
    Path dir;

    @Test
    void newWritesEachPresetThatThenValidatesAndLoadsAsThePreset() {
        for (String preset : Presets.names()) {
            Path file = dir.resolve(preset + ".hqcm");
            CliRun r = CliRun.of("new", "--preset", preset, file.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("wrote " + file), r.out());
            assertTrue(EcoreUtil.equals(Presets.create(preset), HqcmResources.loadExperiment(file)), preset);
            CliRun v = CliRun.of("validate", file.toString());
            assertEquals(0, v.exit(), v.out() + v.err());
            assertEquals(file + ": ok", v.out().strip());
        }
    }

    @Test
    void newNamesTheExperimentAfterTheFile() {
        Path file = dir.resolve("glioma-trial.hqcm");
        assertEquals(0, CliRun.of("new", file.toString()).exit());
        Experiment e = HqcmResources.loadExperiment(file);
        assertEquals("glioma-trial", e.getName());
        assertEquals(Presets.create(Presets.QUICKSTART).getTraining().getMaxEpochs(), e.getTraining().getMaxEpochs());
    }

    @Test
    void newRefusesToOverwrite() throws IOException {
        Path file = dir.resolve("mine.hqcm");
        Files.writeString(file, "precious");
        CliRun r = CliRun.of("new", "--preset", "hqcm-ebtc", file.toString());
        assertEquals(2, r.exit());
        assertEquals("error: " + file + ": already exists; expected a new file (hqcm new never overwrites)", r.err().strip());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void newListsThePresetsForAnUnknownName() {
        Path file = dir.resolve("x.hqcm");
        CliRun r = CliRun.of("new", "--preset", "paper", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: --preset: 'paper' is not a preset; expected one of quickstart, quickstart-classical, hqcm-ebtc, classical"),
                r.err());
        assertTrue(r.err().contains("classical: the paper's classical counterpart"), r.err());
        assertFalse(Files.exists(file));
        CliRun help = CliRun.of("new", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("quickstart, quickstart-classical, hqcm-ebtc, classical"), help.out());
        // every field of an experiment with the quickstart's value and its documentation
        String fields = help.out().replaceAll("\\s+", " ");
        assertTrue(fields.contains("loss.zeta = 0.3 zeta, the weight of the pixel-wise binary cross-entropy"), help.out());
        assertTrue(fields.contains("dataset.sources[0].kind = SYNTHETIC"), help.out());
    }

    @Test
    void validatePrintsEveryProblemAsFileFeatureMessageAndExits2() throws IOException {
        Path good = dir.resolve("good.hqcm");
        HqcmResources.save(Presets.create(Presets.QUICKSTART), good);
        Experiment e = Presets.create(Presets.QUICKSTART);
        e.getTraining().setLearningRate(-0.1);
        e.getTraining().setBatchSize(0);
        Path bad = dir.resolve("bad.hqcm");
        HqcmResources.save(e, bad);
        CliRun r = CliRun.of("validate", good.toString(), bad.toString());
        assertEquals(2, r.exit());
        String[] lines = r.out().strip().split("\\R");
        assertEquals(good + ": ok", lines[0]);
        assertEquals(bad + ": training.learningRate: -0.1 is not allowed; expected > 0", lines[1]);
        // each field's first problem is followed by what the field is, from the model's documentation
        assertTrue(lines[2].startsWith("    note: Step size of the optimizer"), lines[2]);
        assertEquals(bad + ": training.batchSize: 0 is not allowed; expected >= 1", lines[3]);
        assertEquals("    note: Training images per optimizer step (paper: 64).", lines[4]);
        assertEquals(bad + ": 2 error(s)", lines[5]);
        assertEquals(0, CliRun.of("validate", good.toString()).exit());
    }

    @Test
    void validateResolvesRelativeSourcePathsAgainstTheFilesFolder() throws IOException {
        Experiment e = Presets.create(Presets.QUICKSTART);
        e.getDataset().getSources().get(0).setKind(SourceKind.IMAGE_FOLDER);
        e.getDataset().getSources().get(0).setPath("images");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path file = sub.resolve("e.hqcm");
        HqcmResources.save(e, file);
        CliRun missing = CliRun.of("validate", file.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.out().contains(sub.resolve("images").toAbsolutePath().normalize() + " does not exist"), missing.out());
        Files.createDirectories(sub.resolve("images"));
        // an empty folder is what a run refuses at its start, so validate does too
        CliRun empty = CliRun.of("validate", file.toString());
        assertEquals(2, empty.exit());
        assertTrue(empty.out().contains("dataset.sources[0].path: no class folders under "), empty.out());
        for (String c : java.util.List.of("healthy", "meningioma", "glioma", "pituitary")) {
            Files.createDirectories(sub.resolve("images/" + c));
            org.hqcm.engine.internal.data.folder.GreyImages.writePng(sub.resolve("images/" + c + "/a.png"), new float[64], 8, 8);
        }
        assertEquals(0, CliRun.of("validate", file.toString()).exit());
    }

    @Test
    void validateReportsUnreadableFilesAndExits2() throws IOException {
        Path broken = dir.resolve("broken.hqcm");
        Files.writeString(broken, "<?xml version=\"1.0\"?>\n<hqcm:Experiment xmlns:hqcm=\"http://hqcm.org/hqcm/1.0\">\n");
        Path xxe = dir.resolve("xxe.hqcm");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<hqcm:Experiment xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:hqcm=\"http://hqcm.org/hqcm/1.0\" name=\"&e;\"/>\n");
        Path absent = dir.resolve("absent.hqcm");
        CliRun r = CliRun.of("validate", broken.toString(), xxe.toString(), absent.toString());
        assertEquals(2, r.exit());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(3, lines.length, r.err());
        assertTrue(lines[0].startsWith(broken + ":3:"), lines[0]);
        assertTrue(lines[1].startsWith(xxe + ":2:") && lines[1].contains("DOCTYPE"), lines[1]);
        assertFalse(r.err().contains("root:"), r.err());
        assertEquals(absent + ": no such file", lines[2]);
    }

    @Test
    void runTrainsPredictsAndRefusesToResumeACompletedRun() throws Exception {
        Path file = TinyExperiments.write(TinyExperiments.tiny(1), dir);
        Path runs = dir.resolve("runs");
        CliRun r = CliRun.of("run", file.toString(), "--seed", "7", "--out", runs.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("experiment tiny"), r.out());
        assertTrue(r.out().contains("seeds:    7"), r.out());
        assertTrue(r.out().contains("test accuracy "), r.out());
        Path folder;
        try (var s = Files.list(runs)) {
            folder = s.findFirst().orElseThrow();
        }
        assertTrue(r.out().contains("run: " + folder), r.out());
        assertEquals(7, HqcmResources.loadRunRecord(folder).getProvenance().getSeed());

        Path images = dir.resolve("images");
        assertEquals(0, CliRun.of("data", "synth", "--out", images.toString(), "--per-class", "1", "--size", "24", "--seed",
                "3").exit());
        Path glioma = images.resolve("glioma").resolve("glioma_00001.png");
        Path pngs = dir.resolve("predictions");
        CliRun predicted = CliRun.of("predict", "--model", folder.toString(), "--out", pngs.toString(), glioma.toString());
        assertEquals(0, predicted.exit(), predicted.err());
        assertTrue(predicted.out().startsWith(glioma + ": "), predicted.out());
        assertTrue(predicted.out().contains("glioma 0."), predicted.out());
        assertTrue(Files.size(pngs.resolve("glioma_00001-attention.png")) > 500);
        // a folder as input, explanations, the CSV with the out-of-distribution flag, the score against the test split
        CliRun explained = CliRun.of("predict", "--model", folder.toString(), "--out", pngs.toString(), "--explain",
                images.resolve("healthy").toString());
        assertEquals(0, explained.exit(), explained.err());
        assertTrue(explained.out().contains("healthy_00001.png: "), explained.out());
        assertTrue(explained.out().contains("images unlike the training data (energy score above"), explained.out());
        assertTrue(Files.size(pngs.resolve("healthy_00001-explained.png")) > 500);
        assertTrue(Files.size(pngs.resolve("ood.png")) > 500);
        List<String> csv = Files.readAllLines(pngs.resolve("predictions.csv"));
        assertEquals("image,predicted,p_healthy,p_meningioma,p_glioma,p_pituitary,max_softmax,energy,"
                + "unlike_training_data,overlay,explanation", csv.get(0));
        assertEquals(2, csv.size(), "one image: the mask beside it is not an input");
        assertTrue(csv.get(1).matches(".*,(true|false),.*-attention.png,.*-explained.png"), csv.get(1));
        CliRun missing = CliRun.of("predict", "--model", folder.toString(), dir.resolve("none.png").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("none.png: no such image file"), missing.err());

        CliRun again = CliRun.of("run", "--resume", folder.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already completed"), again.err());
        assertEquals(2, CliRun.of("run").exit(), "neither FILE nor --resume");
    }

    @Test
    void runWritesIntoTheFolderItsCallerChose() throws Exception {
        Path file = TinyExperiments.write(TinyExperiments.tiny(1), dir);
        Path chosen = dir.resolve("runs").resolve("chosen-by-the-ide");
        CliRun r = CliRun.of("run", file.toString(), "--seed", "3", "--run-dir", chosen.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("run: " + chosen), r.out());
        assertEquals(org.hqcm.model.RunStatus.COMPLETED, HqcmResources.loadRunRecord(chosen).getStatus());
        try (var s = Files.list(chosen.getParent())) {
            assertEquals(1, s.count(), "nothing else was created next to it");
        }
        // epoch lines are normal output (stdout); without warnings stderr stays empty
        assertTrue(r.out().contains("epoch 1/1  train loss"), r.out());
        assertEquals("", r.err().strip());

        CliRun again = CliRun.of("run", file.toString(), "--run-dir", chosen.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("--run-dir " + chosen + ": is not empty"), again.err());
        CliRun both = CliRun.of("run", file.toString(), "--run-dir", chosen.toString(), "--out", dir.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("exclude each other"), both.err());
        assertEquals(2, CliRun.of("run", "--resume", chosen.toString(), "--run-dir", dir.toString()).exit());
    }

    @Test
    void runRefusesAnInvalidExperiment() {
        Experiment e = Presets.create(Presets.CLASSICAL);
        e.getDataset().setImageSize(100);
        Path file = dir.resolve("c.hqcm");
        HqcmResources.save(e, file);
        CliRun r = CliRun.of("run", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().startsWith(file + ": dataset.imageSize: 100 is not allowed; expected a multiple of 8"), r.out());
        assertTrue(r.out().contains("nothing was run"), r.out());
    }
}
