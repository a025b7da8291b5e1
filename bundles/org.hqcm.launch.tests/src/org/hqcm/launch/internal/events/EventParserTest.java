package org.hqcm.launch.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Event lines as the engine's writer produces them, and lines that are not events. */
class EventParserTest {

    @Test
    void readsABatchEvent() {
        EngineEvent e = EventParser.parse("{\"type\":\"batch\",\"time\":\"2026-11-24T08:15:41.29Z\",\"epoch\":1,"
                + "\"batch\":3,\"batches\":4,\"loss\":2.0288755495513278,\"accuracy\":0.25}");
        assertTrue(e.is("batch"));
        assertEquals(3, e.integer("batch", -1));
        assertEquals(2.0288755495513278, e.number("loss"));
        assertEquals("2026-11-24T08:15:41.29Z", e.text("time"));
        assertEquals(-1, e.integer("absent", -1));
    }

    @Test
    void readsEscapesBooleansNullsAndArrays() {
        EngineEvent e = EventParser.parse(" { \"type\" : \"end\", \"message\":\"a \\\"b\\\"\\n\\u00e9\", \"ok\":true,"
                + "\"x\":null, \"v\":[1, -2.5e-1,3] } ");
        assertEquals("a \"b\"\né", e.text("message"));
        assertEquals(Boolean.TRUE, e.fields().get("ok"));
        assertEquals(List.of(1.0, -0.25, 3.0), e.fields().get("v"));
        assertTrue(Double.isNaN(e.number("x")));
    }

    @Test
    void rejectsWhatIsNotAnEvent() {
        assertThrows(IllegalArgumentException.class, () -> EventParser.parse("{\"type\":\"batch\",\"loss\":"));
        assertThrows(IllegalArgumentException.class, () -> EventParser.parse("{\"loss\":1}"));
        assertThrows(IllegalArgumentException.class, () -> EventParser.parse("{\"type\":\"end\"} trailing"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventParser.parse("{\"type\":\"end\",\"x\":wrong}"));
        assertTrue(e.getMessage().contains("column 19"), e.getMessage());
    }
}
