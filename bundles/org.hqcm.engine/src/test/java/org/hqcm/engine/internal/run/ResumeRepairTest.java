package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.train.EpochResult;
import org.hqcm.engine.internal.train.TrainingState;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves behind, and what a resume makes of it: cleaned up, said, or refused. */
class ResumeRepairTest {

    @TempDir
    Path dir;

    RunFolder folder;

    /** A tiny run of 2 epochs cancelled after its first. */
    @BeforeEach
    void cancelAfterTheFirstEpoch() {
        Path file = TinyExperiments.write(TinyExperiments.tiny(2), dir);
        AtomicBoolean stop = new AtomicBoolean();
        RunObserver observer = new RunObserver() {
            @Override
            public void epoch(EpochResult r, boolean improved, TrainingState state) {
                stop.set(true);
            }
        };
        folder = new ExperimentRunner(observer, stop::get).start(file, 2L, dir.resolve("runs"));
        assertEquals(RunStatus.CANCELLED, HqcmResources.loadRunRecord(folder.record()).getStatus());
    }

    @Test
    void leftoverTempFilesAndATornLastEventAreCleanedUpBeforeResuming() throws Exception {
        Path partialModel = Files.write(folder.dir().resolve(".model.zip.1234567.tmp"), new byte[65_000]);
        Files.createDirectories(folder.artefacts());
        Path partialFigure = Files.write(folder.artefacts().resolve(".loss.png.99.tmp"), new byte[10]);
        Path notOurs = Files.writeString(folder.dir().resolve("notes.tmp"), "a user's file");
        String torn = "{\"type\":\"batch\",\"epoch\":2,\"bat";
        Files.writeString(folder.events(), torn, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        new ExperimentRunner(RunObserver.NONE, () -> false).resume(folder.dir());

        assertFalse(Files.exists(partialModel));
        assertFalse(Files.exists(partialFigure));
        assertTrue(Files.exists(notOurs), "only .NAME.*.tmp files of atomic writes are removed");
        for (String line : Files.readAllLines(folder.events())) {
            assertTrue(line.startsWith("{\"type\":\"") && line.endsWith("}"), "a whole JSON object per line: " + line);
        }
        String log = Files.readString(folder.log());
        assertTrue(log.contains("removed .model.zip.1234567.tmp, left by an interrupted write"), log);
        assertTrue(log.contains("removed artefacts/.loss.png.99.tmp, left by an interrupted write"), log);
        assertTrue(log.contains("dropped the torn last line of events.jsonl (" + torn.length()
                + " bytes written when the run was killed)"), log);
        assertEquals(RunStatus.COMPLETED, HqcmResources.loadRunRecord(folder.record()).getStatus());
    }

    @Test
    void aMissingCheckpointIsSaidAndTrainingStartsAgain() throws Exception {
        Files.delete(folder.checkpoint());
        new ExperimentRunner(RunObserver.NONE, () -> false).resume(folder.dir());
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        assertEquals(RunStatus.COMPLETED, record.getStatus());
        assertEquals(List.of(1, 2), record.getEpochs().stream().map(EpochRecord::getEpoch).toList());
        String expected = folder.checkpoint() + " is missing: the 1 epochs in run.hqcmrun cannot be continued, so "
                + "training starts again at epoch 1";
        assertTrue(Files.readString(folder.log()).contains("warning: " + expected), Files.readString(folder.log()));
        assertTrue(Files.readString(folder.events()).contains("\"type\":\"warning\""));
        assertTrue(Files.readString(folder.events()).contains(expected.replace("\\", "\\\\")));
    }

    @Test
    void aLinkedCheckpointIsRefused() throws Exception {
        Path moved = Files.move(folder.checkpoint(), dir.resolve("elsewhere.zip"));
        Files.createSymbolicLink(folder.checkpoint(), moved);
        BadInputException ex = assertThrows(BadInputException.class,
                () -> new ExperimentRunner(RunObserver.NONE, () -> false).resume(folder.dir()));
        assertTrue(ex.getMessage().startsWith(folder.checkpoint() + " is a symbolic link (to " + moved + ")"),
                ex.getMessage());
    }

    @Test
    void aCheckpointZipBombIsRefusedNamingItsEntry() throws Exception {
        try (OutputStream out = Files.newOutputStream(folder.checkpoint()); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("FORMAT"));
            z.write("hqcm-arrays 1".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("net.block1.conv.weight.f64"));
            z.write(new byte[64 << 20]);
            z.closeEntry();
        }
        assertTrue(Files.size(folder.checkpoint()) < 1 << 20);
        BadInputException ex = assertThrows(BadInputException.class,
                () -> new ExperimentRunner(RunObserver.NONE, () -> false).resume(folder.dir()));
        assertEquals(folder.checkpoint() + ": entry net.block1.conv.weight.f64 declares 67108864 bytes; at most 288 are"
                + " expected (36 values for the network's shape); not read", ex.getMessage());
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        assertEquals(RunStatus.FAILED, record.getStatus());
        assertEquals(ex.getMessage(), record.getFailureMessage());
    }
}
