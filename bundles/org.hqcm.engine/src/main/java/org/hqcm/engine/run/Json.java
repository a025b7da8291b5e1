package org.hqcm.engine.run;

import java.util.Locale;
import java.util.Map;

/** Writes flat JSON objects (strings, numbers, booleans, null, and number arrays): all the event stream needs. */
public final class Json {

    private Json() {
    }

    /** One JSON object with the entries in map order. */
    public static String object(Map<String, ?> fields) {
        StringBuilder b = new StringBuilder(128).append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            value(b, e.getValue());
        }
        return b.append('}').toString();
    }

    private static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            // JSON has no NaN or infinity: they are written as null, and the event says why elsewhere
            b.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number) {
            b.append(v);
        } else if (v instanceof double[] arr) {
            b.append('[');
            for (int i = 0; i < arr.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                value(b, arr[i]);
            }
            b.append(']');
        } else {
            string(b, v.toString());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
