package org.hqcm.engine.run;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * The one converter between {@link RunEvent} records and the lines of {@value RunFolder#EVENTS} (Gson). JSON has no
 * NaN or infinity: a non-finite number is written as null (a diverged loss) and a null reads back as NaN.
 */
public final class EventStream {

    private static final Map<String, Class<? extends RunEvent>> TYPES = Map.of(
            RunEvent.Start.TYPE, RunEvent.Start.class,
            RunEvent.Phase.TYPE, RunEvent.Phase.class,
            RunEvent.Batch.TYPE, RunEvent.Batch.class,
            RunEvent.Epoch.TYPE, RunEvent.Epoch.class,
            RunEvent.Warning.TYPE, RunEvent.Warning.class,
            RunEvent.End.TYPE, RunEvent.End.class);

    /** A boxed number may be absent: null stays null (and a non-finite one is written as null too). */
    private static final TypeAdapter<Double> OPTIONAL_NUMBER = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                out.nullValue();
            } else {
                out.value(value.doubleValue());
            }
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return in.nextDouble();
        }
    };

    /** A primitive number: a non-finite one is written as null, and null reads back as NaN. */
    private static final TypeAdapter<Double> NUMBER = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Double value) throws IOException {
            OPTIONAL_NUMBER.write(out, value);
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Double.NaN;
            }
            return in.nextDouble();
        }
    };

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping()
            .registerTypeAdapter(double.class, NUMBER).registerTypeAdapter(Double.class, OPTIONAL_NUMBER).create();

    private EventStream() {
    }

    /**
     * One line of the stream read back.
     *
     * @param type the event's type
     * @param time when it was written, or null when the line has no readable time
     * @param event the event, or null for a type this reader does not know (a newer engine's)
     */
    public record Line(String type, Instant time, RunEvent event) {
    }

    /** The line of an event (without the newline): a run's {@link RunEvent} or a sweep's event. */
    public static String write(StreamEvent event, Instant time) {
        JsonObject line = new JsonObject();
        line.addProperty("type", event.type());
        line.addProperty("time", time.toString());
        for (Map.Entry<String, JsonElement> e : GSON.toJsonTree(event).getAsJsonObject().entrySet()) {
            line.add(e.getKey(), e.getValue());
        }
        return GSON.toJson(line);
    }

    /** The event of a line; {@link IllegalArgumentException} naming what is wrong when it is not one. */
    public static Line read(String line) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("event line: expected a JSON object in: " + line);
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("event line: not JSON (" + e.getMessage() + ") in: " + line, e);
        }
        JsonElement type = o.get("type");
        if (type == null || !type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("event line without a \"type\": " + line);
        }
        Instant time = null;
        JsonElement t = o.get("time");
        if (t != null && t.isJsonPrimitive()) {
            try {
                time = Instant.parse(t.getAsString());
            } catch (DateTimeParseException e) {
                time = null;
            }
        }
        Class<? extends RunEvent> kind = TYPES.get(type.getAsString());
        if (kind == null) {
            return new Line(type.getAsString(), time, null);
        }
        try {
            return new Line(type.getAsString(), time, GSON.fromJson(o, kind));
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException("event line: a \"" + type.getAsString() + "\" event with a bad field ("
                    + e.getMessage() + ") in: " + line, e);
        }
    }
}
