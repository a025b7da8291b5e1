package org.hqcm.launch.internal.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one event line: a flat JSON object whose values are strings, numbers, booleans, null or arrays of
 * numbers (all that the engine's writer produces). Anything else is rejected with the position and what was
 * expected, so a half-written line is never mistaken for an event.
 */
public final class EventParser {

    private final String s;
    private int i;

    private EventParser(String line) {
        this.s = line;
    }

    /** The event of a line; {@link IllegalArgumentException} when it is not one. */
    public static EngineEvent parse(String line) {
        EventParser p = new EventParser(line.strip());
        Map<String, Object> fields = p.object();
        p.space();
        if (p.i != p.s.length()) {
            throw p.error("the end of the line");
        }
        if (!(fields.get("type") instanceof String type)) {
            throw new IllegalArgumentException("event without a \"type\": " + line);
        }
        return new EngineEvent(type, fields);
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> m = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            String key = string();
            space();
            expect(':');
            space();
            m.put(key, value());
            space();
            char c = next();
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                i--;
                throw error("',' or '}'");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            return array();
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        return number();
    }

    private List<Double> array() {
        expect('[');
        List<Double> values = new ArrayList<>();
        space();
        if (peek() == ']') {
            i++;
            return values;
        }
        while (true) {
            space();
            values.add(number());
            space();
            char c = next();
            if (c == ']') {
                return values;
            }
            if (c != ',') {
                i--;
                throw error("',' or ']'");
            }
        }
    }

    private Double number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (s.startsWith("NaN", i)) {
            i += 3;
            return Double.NaN;
        }
        try {
            return Double.valueOf(s.substring(start, i));
        } catch (NumberFormatException e) {
            i = start;
            throw error("a value");
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("four hex digits");
                        }
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw error("more");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("event line, column " + (i + 1) + ": expected " + expected + " in: " + s);
    }
}
