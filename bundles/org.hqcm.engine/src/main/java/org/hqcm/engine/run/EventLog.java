package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's event stream, {@code events.jsonl}: one JSON object per line, flushed at once so that the IDE can follow
 * a run live. Every event has {@code "type"} and {@code "time"} (ISO-8601); the types are
 * <ul>
 * <li>{@code start}: run, experiment, epochs, batches (per epoch), resumedFrom (epoch or 0)</li>
 * <li>{@code phase}: name (loading, training, evaluating), message</li>
 * <li>{@code batch}: epoch, batch, batches, loss, accuracy (running means of the epoch)</li>
 * <li>{@code epoch}: epoch, epochs, trainLoss, trainAccuracy, validationLoss, validationAccuracy, learningRate, seconds</li>
 * <li>{@code warning}: message</li>
 * <li>{@code end}: status (COMPLETED, FAILED, CANCELLED), message, testAccuracy (when evaluated)</li>
 * </ul>
 * Resumed runs append to the same file.
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

    /** Appends one event; {@code fields} are alternating names and values. */
    public synchronized void emit(String type, Object... fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("time", Instant.now().toString());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            m.put((String) fields[i], fields[i + 1]);
        }
        try {
            out.write(Json.object(m));
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
