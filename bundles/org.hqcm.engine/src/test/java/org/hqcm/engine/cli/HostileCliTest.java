package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hqcm.engine.internal.data.folder.GreyImages;
import org.hqcm.model.Entangler;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line misused: each case exits 2 with one line that names the file, field or value, before anything
 * large is allocated; {@code validate} says what {@code run} would refuse at the start.
 */
class HostileCliTest {

    @TempDir
    Path dir;

    private Path save(Experiment e, String name) {
        Path file = dir.resolve(name + ".hqcm");
        HqcmResources.save(e, file);
        return file;
    }

    private static void assertOneLineError(CliRun r, String expectedStart) {
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: " + expectedStart), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void aHugeSyntheticSourceForDataInfoIsRefused() {
        CliRun r = CliRun.of("data", "info", "synthetic:2000000000", "--no-chart");
        assertOneLineError(r, "source 'synthetic:2000000000': 2000000000 images per class are not allowed; expected at "
                + "most 100000");
    }

    @Test
    void aNearDuplicateDistanceOutOfRangeIsRefusedBeforeAnyImageIsRead() {
        // 100000 images per class would take minutes to describe: the refusal comes first, with the model's rule
        CliRun r = CliRun.of("data", "info", "synthetic:100000", "--no-chart", "--near-duplicate-distance", "65");
        assertOneLineError(r, "--near-duplicate-distance is 65, expected -1 (exact duplicates only) or a Hamming "
                + "distance 0..64 between 64-bit perceptual hashes");
        assertFalse(r.err().contains("loading"), "nothing was read: " + r.err());
    }

    @Test
    void dataInfoDoesNotOverwriteAnExistingChartWithoutForce() throws IOException {
        Path chart = Files.writeString(dir.resolve("notes.png"), "my notes");
        CliRun r = CliRun.of("data", "info", "synthetic:2", "--size", "16", "--chart", chart.toString());
        assertOneLineError(r, "--chart " + chart + ": the file exists and is not overwritten; pass --force to replace it");
        assertEquals("my notes", Files.readString(chart));
        CliRun forced = CliRun.of("data", "info", "synthetic:2", "--size", "16", "--chart", chart.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertFalse(Files.readString(chart, java.nio.charset.StandardCharsets.ISO_8859_1).equals("my notes"));
        CliRun folder = CliRun.of("data", "info", "synthetic:2", "--chart", dir.toString(), "--force");
        assertOneLineError(folder, "--chart " + dir + ": it exists and is not a regular file");
    }

    @Test
    void drawingAHundredMillionLayersIsRefused() {
        assertOneLineError(CliRun.of("circuit", "draw", "--qubits", "3", "--layers", "100000000"),
                "--layers 100000000 is not allowed; expected 1..1000");
    }

    @Test
    void aCorruptRunRecordIsBadInputWithoutParserClassNames() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.write(run.resolve("run.hqcmrun"), new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFE, 0x41, 0x42});
        assertOneLineError(CliRun.of("run", "--resume", run.toString()), run.resolve("run.hqcmrun") + ":1:1: ");
        Files.writeString(run.resolve("run.hqcmrun"), "<?xml version=\"1.0\"?>\n<hqcm:RunRecord xmlns:hqcm="
                + "\"http://hqcm.org/hqcm/1.0\" id=\"x\"><experiment href=\"other.hqcm#/\"/></hqcm:RunRecord>\n");
        CliRun href = CliRun.of("run", "--resume", run.toString());
        assertOneLineError(href, run.resolve("run.hqcmrun") + ": 'experiment' of RunRecord refers to other.hqcm#/: HQCM"
                + " files are self-contained");
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsNamedWithTheReason() throws IOException {
        Path file = save(org.hqcm.engine.internal.run.TinyExperiments.tiny(1), "tiny");
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        CliRun r = CliRun.of("run", file.toString(), "--out", blocker.resolve("runs").toString());
        assertOneLineError(r, "cannot create a run folder in " + blocker.resolve("runs") + " (--out): ");
        assertTrue(r.err().strip().endsWith(": not a folder") || r.err().contains("Not a directory"), r.err());
    }

    @Test
    void validateReportsWhatRunWouldRefuseAtTheStart() throws IOException {
        Experiment longName = Presets.create(Presets.QUICKSTART);
        longName.setName("x".repeat(300));
        Experiment device = Presets.create(Presets.QUICKSTART);
        device.getDataset().getSources().get(0).setKind(SourceKind.FIGSHARE_MAT);
        device.getDataset().getSources().get(0).setPath("/dev/zero");
        Experiment entangler = Presets.create(Presets.QUICKSTART);
        ((QuantumHead) entangler.getArchitecture().getHead()).setEntangler(Entangler.BASIC_ENTANGLING);
        Experiment memory = Presets.create(Presets.HQCM_EBTC);
        memory.getArchitecture().getBackboneWidths().set(0, 4096);
        memory.getTraining().setBatchSize(4096);
        Experiment noClasses = Presets.create(Presets.QUICKSTART);
        noClasses.getDataset().getSources().get(0).setKind(SourceKind.IMAGE_FOLDER);
        noClasses.getDataset().getSources().get(0).setPath(Files.createDirectories(dir.resolve("empty")).toString());
        List<Path> files = List.of(save(longName, "long"), save(device, "device"), save(entangler, "entangler"),
                save(memory, "memory"), save(noClasses, "empty"));
        for (Path f : files) {
            CliRun validate = CliRun.of("validate", f.toString());
            assertEquals(2, validate.exit(), f + ": " + validate.out());
            CliRun run = CliRun.of("run", f.toString(), "--out", dir.resolve("runs").toString());
            assertEquals(2, run.exit(), f + ": " + run.out() + run.err());
            // the same problem (at the same field; the machine's free memory may move between the two), from both
            String problem = validate.out().lines().findFirst().orElseThrow();
            String field = problem.substring(0, problem.indexOf(':', f.toString().length() + 2) + 1);
            assertTrue(run.out().contains(field), field + " in " + run.out());
        }
        assertFalse(Files.exists(dir.resolve("runs")), "no run folder was made");
        String all = String.join("\n", files.stream().map(f -> CliRun.of("validate", f.toString()).out()).toList());
        assertTrue(all.contains(": name: \"xxxxxxxxxxxxxxxxxxxx...\" (300 characters) is not allowed; expected at most 200"
                + " characters"), all);
        assertTrue(all.contains(": dataset.sources[0].path: \"/dev/zero\" is not allowed; expected an existing .mat file "
                + "or folder of .mat files; /dev/zero is neither a regular file nor a folder"), all);
        assertTrue(all.contains(": architecture.head.entangler: BASIC_ENTANGLING is not implemented by the engine; "
                + "expected STRONGLY_ENTANGLING"), all);
        assertTrue(all.contains(": training.batchSize: the run needs about "), all);
        assertTrue(all.contains(": dataset.sources[0].path: no class folders under "), all);
    }

    @Test
    void aLinkedClassFolderIsAWarningNamingIt() throws IOException {
        Path root = dir.resolve("images");
        for (String c : List.of("healthy", "meningioma", "glioma")) {
            Files.createDirectories(root.resolve(c));
            GreyImages.writePng(root.resolve(c + "/" + c + ".png"), new float[16 * 16], 16, 16);
        }
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/pituitary"));
        GreyImages.writePng(elsewhere.resolve("p.png"), new float[16 * 16], 16, 16);
        Files.createSymbolicLink(root.resolve("pituitary"), elsewhere);
        Experiment e = Presets.create(Presets.QUICKSTART);
        e.getDataset().getSources().get(0).setKind(SourceKind.IMAGE_FOLDER);
        e.getDataset().getSources().get(0).setPath(root.toString());
        CliRun r = CliRun.of("validate", save(e, "linked").toString());
        assertTrue(r.out().contains("warning: dataset.sources[0].path: 1 files or folders are not read (first: "
                + root.resolve("pituitary") + ": a link to a folder (" + elsewhere + "): class folders are not followed"),
                r.out());
        CliRun info = CliRun.of("data", "info", root.toString(), "--no-chart", "--size", "16", "--max-bad-share", "0.5");
        assertTrue(info.out().contains(root.resolve("pituitary") + ": a link to a folder"), info.out());
    }
}
