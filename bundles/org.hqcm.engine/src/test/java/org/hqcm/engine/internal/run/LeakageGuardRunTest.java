package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hqcm.engine.internal.data.folder.GreyImages;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.DataSource;
import org.hqcm.model.DuplicatePolicy;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SourceKind;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run over merged sources holding a copy: the record, the log and the report say what the guard did. */
class LeakageGuardRunTest {

    @TempDir
    Path dir;

    @Test
    void aDroppedCopyIsInTheRecordTheLogAndTheReport() throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("glioma"));
        float[] v = new float[24 * 24];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((i % 24) * (i / 24)) / (23f * 23f);
        }
        GreyImages.writePng(images.resolve("glioma/slice.png"), v, 24, 24);
        Files.copy(images.resolve("glioma/slice.png"), images.resolve("glioma/slice-again.png"));
        Experiment e = TinyExperiments.tiny(1);
        DataSource folder = HqcmFactory.eINSTANCE.createDataSource();
        folder.setKind(SourceKind.IMAGE_FOLDER);
        folder.setPath(images.toString());
        e.getDataset().getSources().add(folder);
        e.getDataset().setDuplicatePolicy(DuplicatePolicy.DROP);
        Path file = TinyExperiments.write(e, dir);
        RunFolder run = new ExperimentRunner(RunObserver.NONE, () -> false).start(file, null, dir.resolve("runs"));

        RunRecord record = HqcmResources.loadRunRecord(run.record());
        assertEquals(RunStatus.COMPLETED, record.getStatus());
        assertEquals(1, record.getDuplicateGroups());
        assertEquals(1, record.getDuplicateImages());
        assertEquals(1, record.getDroppedDuplicates());
        assertEquals(List.of("IMAGE_FOLDER " + images + ": 2 of 2 images have no patient id, so one patient's slices"
                + " may land in different splits"), record.getDataWarnings());
        String log = Files.readString(run.log());
        assertTrue(log.contains("duplicates: 1 groups (1 exact, 0 near), 1 copies; 1 copies dropped, the first of each"
                + " group kept"), log);
        String html = Files.readString(run.dir().resolve(RunReport.FILE));
        assertTrue(html.contains("Leakage guard: 1 groups of copies (1 images beyond the first of each) found among the"
                + " dataset&#39;s files") || html.contains("Leakage guard: 1 groups of copies (1 images beyond the first"
                + " of each) found among the dataset's files"), html);
        assertTrue(html.contains("policy DROP: 1 copies were dropped, the first of each group kept."), html);
        assertTrue(html.contains("have no patient id"), html);
    }
}
