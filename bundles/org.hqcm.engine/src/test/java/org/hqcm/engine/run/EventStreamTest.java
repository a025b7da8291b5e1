package org.hqcm.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.hqcm.engine.internal.run.EventLog;
import org.hqcm.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event stream: one record per event, written and read by the same code, readable for old run folders. */
class EventStreamTest {

    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-11-24T08:15:41.290Z");

    @Test
    void everyEventReadsBackAsItWasWritten() {
        List<RunEvent> events = List.of(new RunEvent.Start("q-1", "quickstart", 40, 30, 3),
                new RunEvent.Phase("training", "training \"quoted\"\nnext line é"),
                new RunEvent.Batch(4, 7, 30, 0.8125, 0.625),
                new RunEvent.Epoch(4, 40, 0.7, 0.71, 0.75, 0.69, 0.011, 3.25, 0.042, true),
                new RunEvent.Warning("skipped x.png: not an image"),
                new RunEvent.End(RunStatus.COMPLETED, "completed", 0.9375),
                new RunEvent.End(RunStatus.CANCELLED, "cancelled during epoch 5", null));
        for (RunEvent e : events) {
            String line = EventStream.write(e, T);
            assertTrue(line.startsWith("{\"type\":\"" + e.type() + "\",\"time\":\"2026-11-24T08:15:41.290Z\""), line);
            assertTrue(!line.contains("\n"), "one line: " + line);
            EventStream.Line back = EventStream.read(line);
            assertEquals(e, back.event());
            assertEquals(T, back.time());
        }
    }

    @Test
    void aNonFiniteNumberIsWrittenAsNullAndReadAsNaN() {
        String line = EventStream.write(new RunEvent.Batch(1, 2, 3, Double.NaN, Double.POSITIVE_INFINITY), T);
        assertTrue(line.contains("\"loss\":null,\"accuracy\":null"), line);
        RunEvent.Batch b = (RunEvent.Batch) EventStream.read(line).event();
        assertTrue(Double.isNaN(b.loss()) && Double.isNaN(b.accuracy()));
    }

    @Test
    void readsTheLinesOfEarlierEnginesAndSkipsUnknownTypesAndFields() {
        // written by the hand-made writer before the Gson records (a run folder of 2026-11-24)
        EventStream.Line end = EventStream.read("{\"type\":\"end\",\"time\":\"2026-11-24T08:15:49.027Z\","
                + "\"status\":\"FAILED\",\"message\":\"backend could not start\"}");
        assertEquals(new RunEvent.End(RunStatus.FAILED, "backend could not start", null), end.event());
        EventStream.Line epoch = EventStream.read("{\"type\":\"epoch\",\"time\":\"2026-11-24T08:15:41.29Z\",\"epoch\":2,"
                + "\"epochs\":3,\"trainLoss\":1.5,\"trainAccuracy\":0.5,\"validationLoss\":null,\"validationAccuracy\":0.25,"
                + "\"learningRate\":0.011,\"seconds\":2.5,\"improved\":false,\"gradientNorm\":0.3}");
        RunEvent.Epoch e = (RunEvent.Epoch) epoch.event();
        assertEquals(2, e.epoch());
        assertTrue(Double.isNaN(e.validationLoss()));
        assertEquals(0.0, e.quantumGradientNorm(), "a line from before the gradient norm reads as 0 (no quantum norm)");
        EventStream.Line future = EventStream.read("{\"type\":\"trial\",\"time\":\"x\",\"id\":3}");
        assertEquals("trial", future.type());
        assertNull(future.event(), "a newer engine's event type is passed over");
        assertNull(future.time(), "an unreadable time is left out, not fatal");
    }

    @Test
    void rejectsWhatIsNotAnEventNamingTheLine() {
        for (String bad : List.of("{\"type\":\"batch\",\"loss\":", "{\"loss\":1}", "[1,2]", "{\"type\":3}",
                "{\"type\":\"batch\",\"epoch\":\"one\"}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventStream.read(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void theLogAppendsAndTheTailFollowsLineByLine() throws Exception {
        RunFolder folder = RunFolder.chosen(dir.resolve("run"));
        EventTail tail = EventTail.of(folder);
        assertTrue(tail.poll().isEmpty(), "no file yet");
        try (EventLog log = new EventLog(folder.events())) {
            log.emit(new RunEvent.Start("run", "tiny", 2, 4, 0));
            log.emit(new RunEvent.Batch(1, 1, 4, 1.25, 0.25));
        }
        assertEquals(List.of("start", "batch"), tail.poll().stream().map(EventStream.Line::type).toList());
        assertTrue(tail.poll().isEmpty(), "each line once");

        append(folder.events(), "{\"type\":\"batch\",\"epoch\":1,\"ba");
        assertTrue(tail.poll().isEmpty(), "a half-written (or torn) line waits");
        append(folder.events(), "tch\":2,\"batches\":4}\nnot json\n{\"type\":\"end\",\"status\":\"CANCELLED\"}\n");
        List<EventStream.Line> rest = tail.poll();
        assertEquals(List.of("batch", "end"), rest.stream().map(EventStream.Line::type).toList());
        assertEquals(2, ((RunEvent.Batch) rest.get(0).event()).batch());
        assertEquals(RunStatus.CANCELLED, ((RunEvent.End) rest.get(1).event()).status());
        assertEquals(1, tail.skipped(), "the bad line is counted, not fatal");
        assertTrue(tail.lastProblem().contains("not json"), tail.lastProblem());
    }

    @Test
    void aChosenRunFolderMustBeNewOrEmpty() throws Exception {
        Path fresh = dir.resolve("a").resolve("new");
        assertEquals(fresh, RunFolder.chosen(fresh).dir());
        assertTrue(Files.isDirectory(fresh));
        assertEquals(fresh, RunFolder.chosen(fresh).dir(), "an empty folder (a launcher made it) is taken");
        Files.writeString(fresh.resolve("x"), "x");
        org.hqcm.engine.BadInputException e = assertThrows(org.hqcm.engine.BadInputException.class,
                () -> RunFolder.chosen(fresh));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, dir.resolve("a"));
        assertTrue(assertThrows(org.hqcm.engine.BadInputException.class, () -> RunFolder.chosen(link)).getMessage()
                .contains("symbolic link"));
        RunFolder one = RunFolder.create(dir.resolve("runs"), "same second");
        RunFolder two = RunFolder.create(dir.resolve("runs"), "same second");
        assertTrue(!one.equals(two) && one.dir().getFileName().toString().startsWith("same_second-"));
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
