package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class DataCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void synthWritesAnImageFolderThatInfoReadsBackWithAChart() {
        Path data = dir.resolve("phantom");
        Result synth = run("data", "synth", "--out", data.toString(), "--per-class", "3", "--size", "20", "--seed", "4");
        assertEquals(0, synth.code(), synth.err());
        assertTrue(Files.exists(data.resolve("pituitary/pituitary_00003.png")));
        assertTrue(Files.exists(data.resolve("pituitary/pituitary_00003_mask.png")));

        Path chart = dir.resolve("dist.png");
        Result info = run("data", "info", data.toString(), "synthetic:2", "--size", "16", "--chart", chart.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("IMAGE_FOLDER"), info.out());
        assertTrue(info.out().contains("images: 20"), info.out());
        assertTrue(info.out().matches("(?s).*meningioma\\s+\\d+\\s+\\d+\\s+\\d+\\s+5.*"), info.out());
        assertTrue(info.out().contains("original sizes: 16x16 (8), 20x20 (12)"), info.out());
        assertTrue(Files.exists(chart));
    }

    @Test
    void infoPrintsCountsAndBadFilesEvenWhenTooManyAreBadThenExitsWithTheReason() throws Exception {
        Path root = dir.resolve("dicom");
        Path glioma = Files.createDirectories(root.resolve("glioma"));
        // one good file of three frames, three broken ones: 75% bad files, more than the 10% allowed
        Files.write(glioma.resolve("multi.dcm"), org.hqcm.engine.internal.data.dicom.DicomFiles.multiFrame16(3, 8, 8));
        for (int i = 0; i < 3; i++) {
            Files.write(glioma.resolve("broken" + i + ".dcm"), new byte[200 + i]);
        }
        Result info = run("data", "info", root.toString(), "--no-chart", "--size", "8");
        assertEquals(ExitCodes.BAD_INPUT, info.code(), info.out() + info.err());
        assertTrue(info.out().contains("images: 3, resized to 8x8"), info.out());
        assertTrue(info.out().contains("bad files: 3"), info.out());
        assertTrue(info.out().contains("broken2.dcm: not a DICOM Part-10 file"), info.out());
        assertTrue(info.err().contains("error: 3 of 4 files in DICOM " + root + " could not be read (75.0%, more than"
                + " the allowed 10.0%); first:"), info.err());
        // every file bad: still described
        Files.delete(glioma.resolve("multi.dcm"));
        Result none = run("data", "info", root.toString(), "--no-chart", "--size", "8");
        assertEquals(ExitCodes.BAD_INPUT, none.code());
        assertTrue(none.out().contains("images: 0") && none.out().contains("bad files: 3"), none.out());
        assertTrue(none.err().contains("could not be read (100.0%: none could)"), none.err());
    }

    @Test
    void infoListsCopiesAcrossMergedSourcesAndFailRefusesThemAfterTheDescription() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (String c : new String[] {"notumor", "glioma"}) {
            Files.createDirectories(a.resolve(c));
            Files.createDirectories(b.resolve(c));
        }
        float[] img = new float[32 * 32];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) Math.abs(Math.sin(i * 0.37) * Math.cos(i / 32 * 0.21));
        }
        org.hqcm.engine.internal.data.folder.GreyImages.writePng(a.resolve("glioma/g.png"), img, 32, 32);
        org.hqcm.engine.internal.data.folder.GreyImages.writePng(a.resolve("notumor/h.png"), new float[32 * 32], 32, 32);
        Files.copy(a.resolve("glioma/g.png"), b.resolve("glioma/same.png"));
        float[] other = img.clone();
        for (int i = 0; i < other.length; i++) {
            other[i] = 1 - other[(i * 7) % other.length];
        }
        org.hqcm.engine.internal.data.folder.GreyImages.writePng(b.resolve("notumor/o.png"), other, 32, 32);
        Result info = run("data", "info", a.toString(), b.toString(), "--no-chart", "--size", "16");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("duplicates: 1 groups (1 exact, 0 near), 1 copies; kept, each group in one split"
                + " (exact, and near within 4 bits of 64)"), info.out());
        assertTrue(info.out().contains("  " + a.resolve("glioma/g.png") + " = " + b.resolve("glioma/same.png")
                + " (exact, across sources)"), info.out());
        assertTrue(info.out().contains("warning: IMAGE_FOLDER " + a + ": 2 of 2 images have no patient id"), info.out());
        Result fail = run("data", "info", a.toString(), b.toString(), "--no-chart", "--size", "16",
                "--duplicate-policy", "FAIL");
        assertEquals(ExitCodes.BAD_INPUT, fail.code());
        assertTrue(fail.out().contains("images: 4") && fail.out().contains("(exact, across sources)"), fail.out());
        assertTrue(fail.err().contains("error: --duplicate-policy FAIL: 1 groups of copies (1 copies) were found"),
                fail.err());
        Result drop = run("data", "info", a.toString(), b.toString(), "--no-chart", "--size", "16",
                "--duplicate-policy", "DROP");
        assertTrue(drop.out().contains("images: 3,") && drop.out().contains("1 copies dropped"), drop.out());
    }

    @Test
    void infoOfABratsFolderPrintsCasesAndSlicesAndWritesAPreview() throws Exception {
        Path brats = dir.resolve("brats");
        int[] n = {48, 44, 30};
        for (int i = 1; i <= 3; i++) {
            org.hqcm.engine.internal.data.volume.SyntheticCases.writeBratsCase(brats, "BraTS_00" + i, n);
        }
        Path chart = dir.resolve("dist.png");
        Path preview = dir.resolve("preview.png");
        Result info = run("data", "info", brats.toString(), "--size", "32", "--chart", chart.toString(), "--preview",
                preview.toString(), "--set", "minTumourArea=30", "--set", "healthySlices=true", "--set",
                "minBrainArea=300", "--set", "maxSlicesPerCase=4", "--set", "modality=FLAIR");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("BRATS: 3 cases (a case is one patient: its slices share a split), healthy 12,"
                + " glioma 12 slices; 12 with a tumour mask; FLAIR, at most 4 slices of each kind per case"), info.out());
        assertTrue(info.out().contains("patients known: 3"), info.out());
        assertTrue(Files.size(preview) > 1000, "preview written");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(preview.toFile());
        assertTrue(img.getWidth() > 400 && img.getHeight() > 200, img.getWidth() + "x" + img.getHeight());
        java.nio.file.Files.copy(preview, Path.of("target").resolve("data-info-slice-preview.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Result badField = run("data", "info", brats.toString(), "--no-chart", "--set", "sliceStep=0");
        assertEquals(ExitCodes.BAD_INPUT, badField.code());
        assertTrue(badField.err().contains("sliceStep: 0 is not allowed; expected >= 1"), badField.err());
        Result unknown = run("data", "info", brats.toString(), "--no-chart", "--set", "colour=red");
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("FIELD one of modality, tumourClass, tumourLabels"), unknown.err());
        Result badEnum = run("data", "info", brats.toString(), "--no-chart", "--set", "modality=PET");
        assertEquals(ExitCodes.BAD_INPUT, badEnum.code());
        assertTrue(badEnum.err().contains("(one of T1, T1CE, T2, FLAIR)"), badEnum.err());
    }

    @Test
    void badSourcesExitWithCodeTwoAndAMessage() {
        Result missing = run("data", "info", dir.resolve("nothing-here").toString(), "--no-chart");
        assertEquals(ExitCodes.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("nothing-here"), missing.err());
        Result badSynth = run("data", "info", "synthetic:0", "--no-chart");
        assertEquals(ExitCodes.BAD_INPUT, badSynth.code());
        assertTrue(badSynth.err().contains("synthetic:N"), badSynth.err());
        Result badDifficulty = run("data", "synth", "--out", dir.toString(), "--difficulty", "2");
        assertEquals(ExitCodes.BAD_INPUT, badDifficulty.code());
    }
}
