package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.hqcm.engine.run.EventStream;
import org.hqcm.engine.run.StreamEvent;

/**
 * Writes an event stream, {@value org.hqcm.engine.run.RunFolder#EVENTS}: one event record per line (a run's {@link org.hqcm.engine.run.RunEvent}, a sweep's
 * events; format in {@link EventStream}), flushed at once so that the IDE can follow a run live. Resumed runs append
 * to the same file.
 */
public final class EventLog implements AutoCloseable {

    private final Writer out;

    public EventLog(Path file) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends one event, stamped with the time now. */
    public synchronized void emit(StreamEvent event) {
        try {
            out.write(EventStream.write(event, Instant.now()));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an event: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
