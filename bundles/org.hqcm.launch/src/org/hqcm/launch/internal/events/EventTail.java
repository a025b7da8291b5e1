package org.hqcm.launch.internal.events;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows an {@code events.jsonl} that another process appends to: each {@link #poll()} returns the events of
 * the lines completed since the last one. A line without its newline yet is left for the next poll.
 */
public final class EventTail {

    private final Path file;
    private long offset;
    private byte[] pending = new byte[0];

    public EventTail(Path file) {
        this.file = file;
    }

    /** The events appended since the last poll (none when the file does not exist yet). */
    public List<EngineEvent> poll() throws IOException {
        List<EngineEvent> events = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return events;
        }
        byte[] fresh;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return events;
            }
            fresh = new byte[(int) Math.min(length - offset, 16 << 20)];
            in.seek(offset);
            in.readFully(fresh);
            offset += fresh.length;
        }
        byte[] data = new byte[pending.length + fresh.length];
        System.arraycopy(pending, 0, data, 0, pending.length);
        System.arraycopy(fresh, 0, data, pending.length, fresh.length);
        int start = 0;
        for (int k = 0; k < data.length; k++) {
            if (data[k] == '\n') {
                String line = new String(data, start, k - start, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    events.add(EventParser.parse(line));
                }
                start = k + 1;
            }
        }
        pending = java.util.Arrays.copyOfRange(data, start, data.length);
        return events;
    }

    public Path file() {
        return file;
    }
}
