package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.folder.GreyImages;
import org.hqcm.engine.internal.data.mat.MatFileWriter;
import org.hqcm.engine.internal.data.synth.PhantomExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void thePhantomLoadsTheSameWhateverTheThreadsAndDiffersWithTheSeed() {
        List<SourceSpec> src = List.of(SourceSpec.synthetic(3, 0.3));
        AtomicInteger last = new AtomicInteger();
        LoadedDataset one = DatasetLoader.load(src, 16, 7, LoadOptions.defaults().withThreads(1)
                .withProgress((done, total) -> last.accumulateAndGet(done, Math::max)));
        LoadedDataset two = DatasetLoader.load(src, 16, 7, LoadOptions.defaults().withThreads(2));
        assertEquals(12, one.size());
        assertEquals(12, last.get());
        assertEquals(one.fingerprint(), two.fingerprint());
        assertNotEquals(one.fingerprint(), DatasetLoader.load(src, 16, 8, LoadOptions.defaults()).fingerprint());
        assertEquals(9, one.withMask());
        for (Sample s : one.samples()) {
            float[] img = s.image();
            float min = 1;
            float max = 0;
            for (float v : img) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals(0f, min, 1e-6f);
            assertEquals(1f, max, 1e-6f);
        }
    }

    @Test
    void phantomExportReadsBackAsAnImageFolderWithMasks() throws IOException {
        PhantomExport.writeImageFolder(dir, 2, 24, 5, 0.2, 2, LoadProgress.NONE);
        assertTrue(Files.exists(dir.resolve("glioma/glioma_00001_mask.png")));
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.files(SourceFormat.IMAGE_FOLDER, dir)), 24, 1,
                LoadOptions.defaults());
        assertEquals(8, ds.size());
        assertEquals(6, ds.withMask());
        assertEquals(SourceFormat.IMAGE_FOLDER, SourceFormats.infer(dir));
        // the same images generated in memory have the same masks
        LoadedDataset mem = DatasetLoader.load(List.of(SourceSpec.synthetic(2, 0.2)), 24, 5, LoadOptions.defaults());
        for (int i = 0; i < 8; i++) {
            Sample a = ds.samples().get(i);
            Sample b = mem.samples().stream().filter(s -> s.label() == a.label()).toList()
                    .get(a.source().getFileName().toString().contains("00001") ? 0 : 1);
            assertEquals(b.maskPixelCount(), a.maskPixelCount(), a.source().toString());
        }
    }

    @Test
    void badFilesAreListedAndTooManyOfThemFailNamingTheSource() throws IOException {
        Path mats = dir.resolve("mats");
        short[] img = new short[64];
        for (int i = 0; i < 64; i++) {
            img[i] = (short) i;
        }
        for (int i = 1; i <= 9; i++) {
            MatFileWriter.writeFigshare(mats.resolve(i + ".mat"), img, 8, 8, null, 1 + i % 3, "P" + i);
        }
        Files.write(mats.resolve("10.mat"), new byte[100]);
        LoadOptions opts = LoadOptions.defaults().withRequiredClasses(Set.of());
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.files(SourceFormat.FIGSHARE_MAT, mats)), 8, 1, opts);
        assertEquals(9, ds.size());
        assertEquals(1, ds.badFiles().size());
        assertTrue(ds.badFiles().get(0).file().endsWith("10.mat"));
        assertEquals(9, ds.patients());

        BadInputException tooMany = assertThrows(BadInputException.class, () -> DatasetLoader.load(
                List.of(SourceSpec.files(SourceFormat.FIGSHARE_MAT, mats)), 8, 1, opts.withMaxBadShare(0.05)));
        assertTrue(tooMany.getMessage().contains("1 of 10 files") && tooMany.getMessage().contains("10.mat"),
                tooMany.getMessage());
    }

    @Test
    void anEmptyClassOrAnEmptySourceIsBadInput() throws IOException {
        Path folder = dir.resolve("imgs");
        GreyImages.writePng(folder.resolve("glioma/a.png"), new float[] {0, 1, 1, 0}, 2, 2);
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetLoader.load(
                List.of(SourceSpec.files(SourceFormat.IMAGE_FOLDER, folder)), 8, 1, LoadOptions.defaults()));
        assertTrue(e.getMessage().contains("healthy") && e.getMessage().contains("no images"), e.getMessage());

        Files.createDirectories(dir.resolve("empty/healthy"));
        BadInputException none = assertThrows(BadInputException.class, () -> DatasetLoader.load(
                List.of(SourceSpec.files(SourceFormat.IMAGE_FOLDER, dir.resolve("empty"))), 8, 1, LoadOptions.defaults()));
        assertTrue(none.getMessage().contains("no images found"), none.getMessage());

        // merged with the phantom every class is there
        LoadedDataset merged = DatasetLoader.load(List.of(SourceSpec.files(SourceFormat.IMAGE_FOLDER, folder),
                SourceSpec.synthetic(1, 0)), 8, 1, LoadOptions.defaults());
        assertEquals(5, merged.size());
        assertEquals(2, merged.classCounts()[TumourClass.GLIOMA.label()]);
    }

    @Test
    void aMultiFrameDicomFileGivesOneImagePerFrameAllInOneSplit() throws IOException {
        Path root = dir.resolve("dicom");
        Path glioma = Files.createDirectories(root.resolve("glioma"));
        Files.write(glioma.resolve("volume.dcm"), org.hqcm.engine.internal.data.dicom.DicomFiles.multiFrame16(12, 8, 8));
        Files.write(glioma.resolve("other.dcm"), org.hqcm.engine.internal.data.dicom.DicomFiles.multiFrame16(1, 8, 8));
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.files(SourceFormat.DICOM, root)), 8, 1,
                LoadOptions.defaults().withRequiredClasses(Set.of()));
        assertEquals(13, ds.size());
        assertEquals(2, ds.sources().get(0).goodFiles());
        assertEquals(13, ds.sources().get(0).images());
        // the frames of a file without PatientID are one patient, named by the file
        assertEquals("file:glioma/volume.dcm", ds.samples().get(1).patientId());
        assertEquals(12, ds.sources().get(0).withPatient());
        Split split = Splitter.split(ds.samples(), 0.5, 0.25, 0.25, 3, true, true);
        int volumeSplits = 0;
        for (int k = 0; k < 3; k++) {
            for (int i : split.part(k)) {
                if (ds.samples().get(i).source().getFileName().toString().equals("volume.dcm")) {
                    volumeSplits |= 1 << k;
                    break;
                }
            }
        }
        assertEquals(1, Integer.bitCount(volumeSplits), "the 12 frames share one split");
    }
}
