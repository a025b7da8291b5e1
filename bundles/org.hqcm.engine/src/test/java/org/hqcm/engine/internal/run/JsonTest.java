package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** comparison.json's writer: map order, NaN as null, arrays, and names written as they are. */
class JsonTest {

    @Test
    void writesFlatObjectsThatParseBackWithNaNAsNullAndNamesUnescaped() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", "architecture.head=quantum <vs> \"classical\"\n");
        m.put("accuracy", 0.925);
        m.put("p", Double.NaN);
        m.put("n", 40);
        m.put("exact", true);
        m.put("diffs", new double[] {0.5, Double.POSITIVE_INFINITY, -1e-5});
        m.put("none", null);
        String json = Json.object(m);
        assertEquals("{\"a\":\"architecture.head=quantum <vs> \\\"classical\\\"\\n\",\"accuracy\":0.925,\"p\":null,"
                + "\"n\":40,\"exact\":true,\"diffs\":[0.5,null,-1.0E-5],\"none\":null}", json);
        JsonObject back = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(m.get("a"), back.get("a").getAsString());
        assertEquals(0.925, back.get("accuracy").getAsDouble());
        assertEquals(3, back.getAsJsonArray("diffs").size());
    }
}
