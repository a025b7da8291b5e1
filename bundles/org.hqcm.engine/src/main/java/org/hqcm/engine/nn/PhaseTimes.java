package org.hqcm.engine.nn;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per named phase, summed over calls; for the benchmark's breakdown. */
public final class PhaseTimes {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long mark;

    void start() {
        mark = System.nanoTime();
    }

    /** Adds the time since the last start or lap to {@code phase}. */
    void lap(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
    }

    public Map<String, Double> millis() {
        Map<String, Double> m = new LinkedHashMap<>();
        nanos.forEach((k, v) -> m.put(k, v / 1e6));
        return m;
    }

    public void clear() {
        nanos.clear();
    }
}
