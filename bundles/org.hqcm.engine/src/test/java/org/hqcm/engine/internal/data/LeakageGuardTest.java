package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.folder.GreyImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leakage guard on two image-folder sources written as real PNG and JPEG files: an exact copy (the same PNG in
 * both) and a near copy (the slice downscaled and saved as JPEG, as the Kaggle set re-encodes figshare's).
 */
class LeakageGuardTest {
    private static final int N = 96;

    @TempDir
    Path dir;

    /** A distinct test slice: a seeded sum of Gaussian blobs of either sign (smooth, like tissue, and unlike another). */
    private static float[] slice(int k, int n) {
        float[] v = new float[n * n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1000 + k);
        for (int b = 0; b < 8; b++) {
            double cx = n * r.nextDouble();
            double cy = n * r.nextDouble();
            double w = n * (0.08 + 0.15 * r.nextDouble());
            double a = r.nextDouble() * 2 - 1;
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    v[y * n + x] += (float) (a * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * w * w)));
                }
            }
        }
        Preprocessing.minMaxScaleInPlace(v);
        return v;
    }

    private static void writeJpeg(Path file, float[] v, int n) throws IOException {
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                img.getRaster().setSample(x, y, 0, Math.round(255 * v[y * n + x]));
            }
        }
        ImageIO.write(img, "jpeg", file.toFile());
    }

    /** Source a: 8 slices per class; source b: 4 others per class, an exact copy of a's glioma 2 and a JPEG of its 5. */
    private List<SourceSpec> twoSources() throws IOException {
        String[] classes = {"notumor", "meningioma", "glioma", "pituitary"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (int c = 0; c < 4; c++) {
            Files.createDirectories(a.resolve(classes[c]));
            Files.createDirectories(b.resolve(classes[c]));
            for (int i = 0; i < 8; i++) {
                GreyImages.writePng(a.resolve(classes[c] + "/a" + i + ".png"), slice(100 * c + i, N), N, N);
            }
            for (int i = 0; i < 4; i++) {
                GreyImages.writePng(b.resolve(classes[c] + "/b" + i + ".png"), slice(5000 + 100 * c + i, N), N, N);
            }
        }
        Files.copy(a.resolve("glioma/a2.png"), b.resolve("glioma/copy-of-a2.png"));
        float[] small = Preprocessing.resize(slice(205, N), N, N, 64, 64);
        writeJpeg(b.resolve("glioma/kaggle-a5.jpg"), small, 64);
        return List.of(SourceSpec.files(SourceFormat.IMAGE_FOLDER, a), SourceSpec.files(SourceFormat.IMAGE_FOLDER, b));
    }

    private static LoadedDataset load(List<SourceSpec> s) {
        return DatasetLoader.load(s, 32, 1, LoadOptions.defaults().withThreads(2));
    }

    private static int index(LoadedDataset ds, String name) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.samples().get(i).source().getFileName().toString().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    private static int splitOf(Split s, int i) {
        for (int k = 0; k < 3; k++) {
            for (int j : s.part(k)) {
                if (j == i) {
                    return k;
                }
            }
        }
        throw new AssertionError(i);
    }

    @Test
    void exactAndNearCopiesAcrossSourcesAreFoundAndAlwaysShareASplit() throws IOException {
        LoadedDataset ds = load(twoSources());
        assertEquals(50, ds.size());
        LeakageGuard.Result r = LeakageGuard.apply(ds, DuplicateHandling.GROUP, 4, true);
        assertEquals(2, r.groups().size(), () -> r.groups().stream().map(g -> LeakageGuard.describe(ds, g)).toList()
                .toString());
        DuplicateGroup exact = r.groups().get(0);
        assertArrayEquals(new int[] {index(ds, "a2.png"), index(ds, "copy-of-a2.png")}, exact.members());
        assertTrue(exact.exact() && exact.acrossSources() && !exact.mixedLabels());
        DuplicateGroup near = r.groups().get(1);
        assertArrayEquals(new int[] {index(ds, "a5.png"), index(ds, "kaggle-a5.jpg")}, near.members());
        assertFalse(near.exact());
        assertEquals(2, r.copies());
        assertSame(ds, r.dataset());
        for (long seed = 0; seed < 20; seed++) {
            Split s = Splitter.split(ds.samples(), 0.6, 0.2, 0.2, seed, true, true, r.linked());
            for (DuplicateGroup g : r.groups()) {
                assertEquals(splitOf(s, g.members()[0]), splitOf(s, g.members()[1]), "seed " + seed);
            }
        }
        // without the guard some seed separates a copy from its original: the leak the guard closes
        boolean leaked = false;
        for (long seed = 0; seed < 20 && !leaked; seed++) {
            Split s = Splitter.split(ds.samples(), 0.6, 0.2, 0.2, seed, true, true);
            leaked = splitOf(s, exact.members()[0]) != splitOf(s, exact.members()[1]);
        }
        assertTrue(leaked);
        assertTrue(r.warnings().contains("IMAGE_FOLDER " + dir.resolve("a") + ": 32 of 32 images have no patient id,"
                + " so one patient's slices may land in different splits"), r.warnings().toString());
        assertTrue(r.warnings().contains("2 groups of copies span more than one source (merged sources share images)"));
        assertTrue(r.summary(DuplicateHandling.GROUP).equals("duplicates: 2 groups (1 exact, 1 near), 2 copies; kept,"
                + " each group in one split"), r.summary(DuplicateHandling.GROUP));
        // exact only: the JPEG copy is not exact
        assertEquals(1, LeakageGuard.apply(ds, DuplicateHandling.GROUP, -1, true).groups().size());
    }

    @Test
    void dropKeepsTheFirstOfEachGroupAndFailNamesTheCopies() throws IOException {
        LoadedDataset ds = load(twoSources());
        LeakageGuard.Result r = LeakageGuard.apply(ds, DuplicateHandling.DROP, 4, true);
        assertEquals(2, r.dropped());
        assertEquals(48, r.dataset().size());
        List<String> kept = new ArrayList<>();
        r.dataset().samples().forEach(s -> kept.add(s.source().getFileName().toString()));
        assertTrue(kept.contains("a2.png") && kept.contains("a5.png"));
        assertFalse(kept.contains("copy-of-a2.png") || kept.contains("kaggle-a5.jpg"));
        assertTrue(r.linked().isEmpty());

        BadInputException e = assertThrows(BadInputException.class,
                () -> LeakageGuard.apply(ds, DuplicateHandling.FAIL, 4, true));
        assertTrue(e.getMessage().startsWith("dataset.duplicatePolicy is FAIL and 2 groups of copies (2 copies) were"
                + " found; first:"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("a/glioma/a2.png") + " = " + dir.resolve("b/glioma/copy-of-a2.png")
                + " (exact, across sources)"), e.getMessage());
    }

    @Test
    void withoutCopiesNothingChangesAndGeneratedImagesAreNotSearched() {
        // phantom images look alike (dozens of near groups among 7,576): they are generated, not copies of a scan
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.synthetic(20, 0.3)), 32, 7, LoadOptions.defaults());
        LeakageGuard.Result r = LeakageGuard.apply(ds, DuplicateHandling.FAIL, 64, true);
        assertSame(ds, r.dataset());
        assertTrue(r.groups().isEmpty() && r.linked().isEmpty() && r.warnings().isEmpty());
        Split plain = Splitter.split(ds.samples(), 0.7, 0.15, 0.15, 42, true, true);
        Split guarded = Splitter.split(ds.samples(), 0.7, 0.15, 0.15, 42, true, true, r.linked());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(plain.part(k), guarded.part(k));
        }
        assertEquals("duplicates: none found", r.summary(DuplicateHandling.GROUP));
    }

    @Test
    void thePerceptualHashIsNearForAResizedCopyAndFarForAnotherSlice() {
        float[] a = slice(7, 128);
        Sample s = Sample.of(128, a, null, TumourClass.GLIOMA, null, null, GivenSplit.NONE, 128, 128);
        float[] resized = Preprocessing.resize(Preprocessing.resize(a, 128, 128, 80, 80), 80, 80, 128, 128);
        Preprocessing.minMaxScaleInPlace(resized);
        Sample copy = Sample.of(128, resized, null, TumourClass.GLIOMA, null, null, GivenSplit.NONE, 128, 128);
        Sample other = Sample.of(128, slice(8, 128), null, TumourClass.GLIOMA, null, null, GivenSplit.NONE, 128, 128);
        int near = Long.bitCount(DuplicateFinder.perceptualHash(s) ^ DuplicateFinder.perceptualHash(copy));
        int far = Long.bitCount(DuplicateFinder.perceptualHash(s) ^ DuplicateFinder.perceptualHash(other));
        assertTrue(near <= 4, "resized copy differs in " + near + " bits");
        assertTrue(far > 10, "another slice differs in only " + far + " bits");
        assertEquals(Set.of(), Set.copyOf(DuplicateFinder.find(List.of(s, other), new int[2], 4, true)));
    }

    @Test
    void nearSlicesOfOnePatientInOneSourceAreNotCopiesWhenPatientsStayTogetherButExactOnesAndOtherPatientsAre() {
        float[] a = slice(7, 128);
        float[] resized = Preprocessing.resize(Preprocessing.resize(a, 128, 128, 80, 80), 80, 80, 128, 128);
        Preprocessing.minMaxScaleInPlace(resized);
        // neighbouring slices of one volume: near (a few bits apart), same patient, same source
        Sample s1 = Sample.of(128, a, null, TumourClass.GLIOMA, "BraTS-001", null, GivenSplit.NONE, 128, 128);
        Sample s2 = Sample.of(128, resized, null, TumourClass.GLIOMA, "BraTS-001", null, GivenSplit.NONE, 128, 128);
        assertEquals(List.of(), DuplicateFinder.find(List.of(s1, s2), new int[] {0, 0}, 8, true));
        // the same patient id in another source is another case (ids are per source): a near copy
        assertEquals(1, DuplicateFinder.find(List.of(s1, s2), new int[] {0, 1}, 8, true).size());
        // another patient's near-identical slice: a copy (a scan filed twice under two ids)
        Sample other = Sample.of(128, resized, null, TumourClass.GLIOMA, "BraTS-002", null, GivenSplit.NONE, 128, 128);
        assertEquals(1, DuplicateFinder.find(List.of(s1, other), new int[] {0, 0}, 8, true).size());
        // without a split by patient, near slices of one patient could land in train and test: copies
        assertEquals(1, DuplicateFinder.find(List.of(s1, s2), new int[] {0, 0}, 8, false).size());
        // an exact copy within one patient is still a copy
        Sample twice = Sample.of(128, a, null, TumourClass.GLIOMA, "BraTS-001", null, GivenSplit.NONE, 128, 128);
        List<DuplicateGroup> exact = DuplicateFinder.find(List.of(s1, twice), new int[] {0, 0}, 8, true);
        assertEquals(1, exact.size());
        assertTrue(exact.get(0).exact());
    }
}
