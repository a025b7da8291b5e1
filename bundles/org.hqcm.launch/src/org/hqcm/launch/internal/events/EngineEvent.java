package org.hqcm.launch.internal.events;

import java.util.Map;

/**
 * One line of a run's {@code events.jsonl}: its type (start, phase, batch, epoch, warning, end) and its fields as
 * parsed (String, Double, Boolean, null, or a List of Double).
 */
public record EngineEvent(String type, Map<String, Object> fields) {

    public EngineEvent {
        fields = Map.copyOf(fields.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** A numeric field as an int, or {@code fallback} when absent or not a number. */
    public int integer(String name, int fallback) {
        return fields.get(name) instanceof Double d ? (int) Math.round(d) : fallback;
    }

    /** A numeric field, or NaN. */
    public double number(String name) {
        return fields.get(name) instanceof Double d ? d : Double.NaN;
    }

    /** A text field, or "" when absent. */
    public String text(String name) {
        Object v = fields.get(name);
        return v == null ? "" : v.toString();
    }

    public boolean is(String eventType) {
        return eventType.equals(type);
    }
}
