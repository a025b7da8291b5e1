package org.hqcm.engine.internal.run;

import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Flat JSON objects (strings, numbers, booleans, null and number arrays) written by Gson, for the comparison files
 * ({@code comparison.json}): one line, the entries in map order, nulls kept, and no HTML escaping (configuration names
 * such as {@code architecture.head=quantum} stay readable).
 */
public final class Json {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }

    /** One JSON object with the entries in map order. */
    public static String object(Map<String, ?> fields) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            o.add(e.getKey(), element(e.getValue()));
        }
        return GSON.toJson(o);
    }

    private static JsonElement element(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            // JSON has no NaN or infinity: they are written as null, and the file says why elsewhere
            return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (v instanceof double[] arr) {
            JsonArray a = new JsonArray(arr.length);
            for (double d : arr) {
                a.add(element(d));
            }
            return a;
        }
        return new JsonPrimitive(v.toString());
    }
}
