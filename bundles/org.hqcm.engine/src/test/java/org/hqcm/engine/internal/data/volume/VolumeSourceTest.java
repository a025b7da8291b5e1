package org.hqcm.engine.internal.data.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.DatasetLoader;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.SourceFormat;
import org.hqcm.engine.internal.data.SourceFormats;
import org.hqcm.engine.internal.data.SourceSpec;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.data.Splitter;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.data.VolumeOptions;
import org.hqcm.engine.internal.data.nifti.NiftiType;
import org.hqcm.engine.internal.data.nifti.NiftiWriter;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.model.DataSource;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.VolumeModality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BraTS and MSD Task01 folders written here, read as a dataset source. */
class VolumeSourceTest {
    private static final int[] N = {40, 36, 30};
    private static final List<String> CLASSES = List.of("healthy", "meningioma", "glioma", "pituitary");

    @TempDir
    Path tmp;

    /** The model's defaults with small limits for small volumes. */
    private static DataSource source(int minTumour, int cap, boolean healthy) {
        DataSource s = HqcmFactory.eINSTANCE.createDataSource();
        s.setMinTumourArea(minTumour);
        s.setMaxSlicesPerCase(cap);
        s.setHealthySlices(healthy);
        s.setMinBrainArea(200);
        return s;
    }

    private static VolumeOptions options(DataSource s) {
        return ExperimentMapping.volumeOptions(s, CLASSES);
    }

    /** Axial slices (z) whose tumour area reaches {@code min}, and label-free slices with brain >= {@code brain}. */
    private static int[] expected(int min, int brain) {
        int tumour = 0;
        int healthy = 0;
        for (int z = 0; z < N[2]; z++) {
            int t = 0;
            int l = 0;
            int b = 0;
            for (int y = 0; y < N[1]; y++) {
                for (int x = 0; x < N[0]; x++) {
                    int label = SyntheticCases.label(x, y, z, N);
                    l += label != 0 ? 1 : 0;
                    t += label != 0 ? 1 : 0;
                    b += SyntheticCases.value(1, x, y, z, N) != 0 ? 1 : 0;
                }
            }
            if (t >= min) {
                tumour++;
            } else if (l == 0 && b >= brain) {
                healthy++;
            }
        }
        return new int[] {tumour, healthy};
    }

    @Test
    void bratsCasesBecomeTumourAndHealthySlicesWithMasksAndOnePatientPerCase() throws IOException {
        Path root = tmp.resolve("brats");
        for (int i = 1; i <= 4; i++) {
            SyntheticCases.writeBratsCase(root, String.format("BraTS2021_%05d", i), N);
        }
        assertEquals(SourceFormat.BRATS, SourceFormats.infer(root));
        int[] want = expected(20, 200);
        assertTrue(want[0] > 3 && want[1] > 3, "geometry gives both kinds: " + want[0] + ", " + want[1]);
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.volumes(SourceFormat.BRATS, root,
                options(source(20, 0, true)))), 32, 7, LoadOptions.defaults().withRequiredClasses(Set.of()));
        int[] counts = ds.classCounts();
        assertEquals(4 * want[0], counts[TumourClass.GLIOMA.label()]);
        assertEquals(4 * want[1], counts[TumourClass.HEALTHY.label()]);
        assertEquals(4 * want[0], ds.withMask());
        assertEquals(4, ds.patients());
        for (Sample s : ds.samples()) {
            assertTrue(s.patientId().startsWith("BraTS2021_"));
            assertTrue(s.source().getFileName().toString().matches("BraTS2021_\\d{5}_t1ce\\.nii\\.gz#slice=\\d+"));
            assertEquals(s.tumourClass() == TumourClass.GLIOMA, s.maskPixelCount() > 0);
        }
        Split split = Splitter.split(ds.samples(), 0.5, 0.25, 0.25, 3, true, true);
        Map<String, Integer> partOf = new HashMap<>();
        for (int k = 0; k < 3; k++) {
            for (int i : split.part(k)) {
                Integer before = partOf.put(ds.samples().get(i).patientId(), k);
                assertTrue(before == null || before == k, "a case spans two splits");
            }
        }
        // a cap keeps at most that many per kind, the step thins them, tumour labels narrow the mask
        DataSource capped = source(20, 3, true);
        capped.setSliceStep(2);
        LoadedDataset c = DatasetLoader.load(List.of(SourceSpec.volumes(SourceFormat.BRATS, root, options(capped))),
                32, 7, LoadOptions.defaults().withRequiredClasses(Set.of()));
        assertEquals(4 * 3, c.classCounts()[TumourClass.GLIOMA.label()]);
        assertEquals(4 * 3, c.classCounts()[TumourClass.HEALTHY.label()]);
        DataSource core = source(20, 0, false);
        core.getTumourLabels().add(4);
        core.setMinTumourArea(1);
        core.setTumourClass("meningioma");
        LoadedDataset m = DatasetLoader.load(List.of(SourceSpec.volumes(SourceFormat.BRATS, root, options(core))),
                32, 7, LoadOptions.defaults().withRequiredClasses(Set.of()));
        assertEquals(m.size(), m.classCounts()[TumourClass.MENINGIOMA.label()]);
        assertTrue(m.samples().get(0).maskPixelCount() < ds.samples().stream()
                .filter(s -> s.maskPixelCount() > 0).mapToInt(Sample::maskPixelCount).max().orElseThrow());
    }

    @Test
    void theChosenModalityAndItsValuesAreRead() throws IOException {
        Path root = tmp.resolve("one");
        Path dir = SyntheticCases.writeBratsCase(root, "case1", N);
        DataSource s = source(20, 0, false);
        for (VolumeModality mod : VolumeModality.VALUES) {
            s.setModality(mod);
            VolumeSourceReader r = new VolumeSourceReader(SourceSpec.volumes(SourceFormat.BRATS, root, options(s)),
                    1 << 24);
            List<VolumeCase> cases = r.cases(new java.util.ArrayList<>());
            assertEquals(dir.resolve("case1_" + SyntheticCases.BRATS_SUFFIXES[mod.getValue()] + ".nii.gz"),
                    cases.get(0).image());
            RawImage slice = r.read(cases.get(0)).get(0);
            int z = Integer.parseInt(slice.file().getFileName().toString().replaceAll(".*=", ""));
            // RAS storage, radiological display: column c is x = nx - 1 - c, row r is y = ny - 1 - r
            for (int row = 0; row < N[1]; row++) {
                for (int col = 0; col < N[0]; col++) {
                    assertEquals(SyntheticCases.value(mod.getValue(), N[0] - 1 - col, N[1] - 1 - row, z, N),
                            slice.pixels()[row * N[0] + col], 0f);
                }
            }
        }
    }

    @Test
    void aCaseStoredWithPermutedAxesGivesTheSameSlicesAsOneStoredRas() throws IOException {
        Path root = tmp.resolve("both");
        SyntheticCases.writeBratsCase(root, "ras", N);
        // voxel (a, b, c) of the permuted case is world (x = b, y = c, z = a): slices are not its third axis
        Path perm = Files.createDirectories(root.resolve("perm"));
        double[][] sform = {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 0}};
        long plane = (long) N[2] * N[0];
        new NiftiWriter().dims(N[2], N[0], N[1]).type(NiftiType.FLOAT32).sform(sform).write(
                perm.resolve("perm_t1ce.nii"), i -> SyntheticCases.value(1, (int) (i / N[2] % N[0]), (int) (i / plane),
                        (int) (i % N[2]), N));
        new NiftiWriter().dims(N[2], N[0], N[1]).type(NiftiType.INT16).sform(sform).gzip(true).write(
                perm.resolve("perm_seg.nii.gz"), i -> SyntheticCases.label((int) (i / N[2] % N[0]), (int) (i / plane),
                        (int) (i % N[2]), N));
        DataSource s = source(20, 0, true);
        VolumeSourceReader r = new VolumeSourceReader(SourceSpec.volumes(SourceFormat.BRATS, root, options(s)), 1 << 24);
        List<VolumeCase> cases = r.cases(new java.util.ArrayList<>());
        assertEquals(List.of("perm", "ras"), cases.stream().map(VolumeCase::id).toList());
        List<RawImage> permuted = r.read(cases.get(0));
        List<RawImage> ras = r.read(cases.get(1));
        assertEquals(ras.size(), permuted.size());
        assertTrue(ras.size() > 10);
        for (int i = 0; i < ras.size(); i++) {
            assertEquals(ras.get(i).width(), permuted.get(i).width());
            assertTrue(java.util.Arrays.equals(ras.get(i).pixels(), permuted.get(i).pixels()), "slice " + i);
            assertTrue(java.util.Arrays.equals(ras.get(i).mask(), permuted.get(i).mask()), "mask " + i);
            assertEquals(ras.get(i).tumourClass(), permuted.get(i).tumourClass());
        }
    }

    @Test
    void msdTask01PicksTheModalityOnTheFourthAxis() throws IOException {
        Path root = tmp.resolve("Task01_BrainTumour");
        SyntheticCases.writeMsdCase(root, "BRATS_001", N);
        SyntheticCases.writeMsdCase(root, "BRATS_002", N);
        Files.writeString(root.resolve("imagesTr").resolve("._BRATS_001.nii.gz"), "AppleDouble");
        SyntheticCases.writeMsdDatasetJson(root);
        assertEquals(SourceFormat.MSD_TASK01, SourceFormats.infer(root));
        DataSource s = source(20, 0, false);
        s.setModality(VolumeModality.FLAIR);
        VolumeSourceReader r = new VolumeSourceReader(SourceSpec.volumes(SourceFormat.MSD_TASK01, root, options(s)),
                1 << 24);
        List<BadFile> refused = new java.util.ArrayList<>();
        List<VolumeCase> cases = r.cases(refused);
        assertEquals(List.of("BRATS_001", "BRATS_002"), cases.stream().map(VolumeCase::id).toList());
        assertEquals(0, cases.get(0).volumeIndex()); // FLAIR is "0" in dataset.json
        assertTrue(refused.isEmpty(), refused.toString());
        List<RawImage> slices = r.read(cases.get(0));
        assertEquals(expected(20, 200)[0], slices.size());
        RawImage first = slices.get(0);
        int z = Integer.parseInt(first.file().getFileName().toString().replaceAll(".*=", ""));
        int col = N[0] / 2;
        int row = N[1] / 2;
        assertEquals(SyntheticCases.value(3, N[0] - 1 - col, N[1] - 1 - row, z, N), first.pixels()[row * N[0] + col],
                0f);
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.volumes(SourceFormat.MSD_TASK01, root, options(s))),
                32, 1, LoadOptions.defaults().withRequiredClasses(Set.of()));
        assertEquals(2, ds.patients());
    }

    /** The image cut near its end, after every slice the source keeps: still a bad case, named, not read silently. */
    @Test
    void anImageCutAfterTheLastSliceKeptIsTruncatedAllTheSame() throws IOException {
        Path root = tmp.resolve("brats-cut");
        for (int i = 1; i <= 4; i++) {
            SyntheticCases.writeBratsCase(root, "case" + i, N);
        }
        Path image = root.resolve("case1/case1_t1ce.nii.gz");
        byte[] all = Files.readAllBytes(image);
        Files.write(image, java.util.Arrays.copyOf(all, all.length - 64));
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.volumes(SourceFormat.BRATS, root,
                options(source(20, 0, false)))), 32, 1, LoadOptions.defaults().withRequiredClasses(Set.of())
                        .withMaxBadShare(0.3));
        assertEquals(3, ds.patients());
        List<String> bad = ds.badFiles().stream().map(BadFile::toString).toList();
        assertEquals(1, bad.size(), bad.toString());
        assertTrue(bad.get(0).contains("case1_t1ce.nii.gz: ") && (bad.get(0).contains("truncated")
                || bad.get(0).contains("end of")), bad.toString());
    }

    @Test
    void badCasesAreListedWithTheFileAndWhyAndTheRestIsRead() throws IOException {
        Path root = tmp.resolve("brats");
        for (int i = 1; i <= 12; i++) {
            SyntheticCases.writeBratsCase(root, "case" + i, N);
        }
        Files.delete(root.resolve("case2/case2_seg.nii.gz"));
        Path seg = root.resolve("case3/case3_seg.nii.gz");
        byte[] all = Files.readAllBytes(seg);
        Files.write(seg, java.util.Arrays.copyOf(all, all.length / 2));
        new NiftiWriter().dims(N[0], N[1], N[2] - 1).type(NiftiType.UINT8).gzip(true)
                .sform(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}})
                .write(root.resolve("case4/case4_seg.nii.gz"), i -> 0);
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.volumes(SourceFormat.BRATS, root,
                options(source(20, 0, false)))), 32, 1, LoadOptions.defaults().withRequiredClasses(Set.of())
                        .withMaxBadShare(0.3));
        assertEquals(9, ds.patients());
        List<String> bad = ds.badFiles().stream().map(BadFile::toString).toList();
        assertEquals(3, bad.size(), bad.toString());
        assertTrue(bad.stream().anyMatch(b -> b.contains("case2") && b.contains("no *_seg")), bad.toString());
        assertTrue(bad.stream().anyMatch(b -> b.contains("case3_seg.nii.gz: ") && (b.contains("truncated")
                || b.contains("end of"))), bad.toString());
        assertTrue(bad.stream().anyMatch(b -> b.contains("case4_seg.nii.gz: dims 40 x 36 x 29")
                && b.contains("differ from case4_t1ce.nii.gz's 40 x 36 x 30")), bad.toString());
        // limits that leave nothing: a clear message, not an empty dataset
        DataSource none = source(100000, 0, false);
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(List.of(
                SourceSpec.volumes(SourceFormat.BRATS, root, options(none))), 32, 1, LoadOptions.defaults()
                        .withRequiredClasses(Set.of()).withMaxBadShare(0.3)));
        assertTrue(e.getMessage().contains("gave no slice") && e.getMessage().contains("minTumourArea = 100000"),
                e.getMessage());
    }

    @Test
    void percentileClippingBoundsTheSliceByTheVolumesBrainVoxels() throws IOException {
        Path root = tmp.resolve("p");
        SyntheticCases.writeBratsCase(root, "c", N);
        DataSource s = source(20, 0, false);
        s.setIntensityScaling(org.hqcm.model.IntensityScaling.PERCENTILE_CLIP);
        s.setLowerPercentile(10);
        s.setUpperPercentile(90);
        VolumeSourceReader r = new VolumeSourceReader(SourceSpec.volumes(SourceFormat.BRATS, root, options(s)), 1 << 24);
        List<RawImage> slices = r.read(r.cases(new java.util.ArrayList<>()).get(0));
        float max = 0;
        for (RawImage im : slices) {
            for (float v : im.pixels()) {
                max = Math.max(max, v);
            }
        }
        int brightest = 0;
        for (int z = 0; z < N[2]; z++) {
            for (int y = 0; y < N[1]; y++) {
                for (int x = 0; x < N[0]; x++) {
                    brightest = Math.max(brightest, SyntheticCases.value(1, x, y, z, N));
                }
            }
        }
        assertTrue(max < brightest, max + " clipped below the volume's brightest voxel " + brightest);
        for (RawImage im : slices) {
            assertNull(im.tumourClass() == TumourClass.GLIOMA ? null : im, "only tumour slices without healthySlices");
        }
    }
}
