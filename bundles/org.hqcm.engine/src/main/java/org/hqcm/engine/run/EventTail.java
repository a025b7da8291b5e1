package org.hqcm.engine.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows a run's {@value RunFolder#EVENTS} while another process appends to it: each {@link #poll()} returns the
 * events of the lines completed since the last one. A line without its newline yet (being written, or torn by a
 * kill) waits for the next poll; a complete line that is not an event is counted and skipped, so one bad line never
 * hides the rest of a run. At most {@value #MAX_READ} bytes are read per poll, and a line longer than that is
 * dropped (events are a few hundred bytes), so memory stays bounded whatever the file holds.
 */
public final class EventTail {

    /** Bytes read per poll at most; the rest follows on the next polls. */
    public static final int MAX_READ = 1 << 20;

    private final Path file;
    private long offset;
    private byte[] pending = new byte[0];
    private int skipped;
    private String lastProblem;

    public EventTail(Path file) {
        this.file = file;
    }

    /** Follows the event stream of a run folder. */
    public static EventTail of(RunFolder folder) {
        return new EventTail(folder.events());
    }

    /** The events appended since the last poll (none when the file does not exist yet). */
    public List<EventStream.Line> poll() throws IOException {
        List<EventStream.Line> events = new ArrayList<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return events;
        }
        byte[] fresh;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) {
                // the file was replaced by a shorter one: start again
                offset = 0;
                pending = new byte[0];
            }
            if (length <= offset) {
                return events;
            }
            fresh = new byte[(int) Math.min(length - offset, MAX_READ)];
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
                    try {
                        events.add(EventStream.read(line));
                    } catch (IllegalArgumentException e) {
                        skipped++;
                        lastProblem = e.getMessage();
                    }
                }
                start = k + 1;
            }
        }
        pending = Arrays.copyOfRange(data, start, data.length);
        if (pending.length >= MAX_READ) {
            skipped++;
            lastProblem = "an event line longer than " + MAX_READ + " bytes";
            pending = new byte[0];
        }
        return events;
    }

    /** Complete lines that were not events. */
    public int skipped() {
        return skipped;
    }

    /** What was wrong with the last skipped line, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    public Path file() {
        return file;
    }
}
