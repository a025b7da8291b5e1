package org.hqcm.launch.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a file that another writer appends to, line by line, with lines cut in the middle. */
class EventTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsCompletedLinesOnlyOnce() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventTail tail = new EventTail(file);
        assertTrue(tail.poll().isEmpty(), "no file yet");

        append(file, "{\"type\":\"start\",\"epochs\":2,\"batches\":4}\n{\"type\":\"batch\",\"ba");
        List<EngineEvent> first = tail.poll();
        assertEquals(1, first.size());
        assertEquals(4, first.get(0).integer("batches", 0));

        assertTrue(tail.poll().isEmpty(), "a half-written line waits");
        append(file, "tch\":1}\n{\"type\":\"end\",\"status\":\"COMPLETED\"}\n");
        List<EngineEvent> rest = tail.poll();
        assertEquals(List.of("batch", "end"), rest.stream().map(EngineEvent::type).toList());
        assertEquals(1, rest.get(0).integer("batch", 0));
        assertEquals("COMPLETED", rest.get(1).text("status"));
        assertTrue(tail.poll().isEmpty());
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
