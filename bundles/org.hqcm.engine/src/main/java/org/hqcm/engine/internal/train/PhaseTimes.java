package org.hqcm.engine.internal.train;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hqcm.engine.internal.nn.LayerObserver;

/**
 * Wall time per named phase of a training step, summed over steps, for the benchmark's breakdown: each layer's
 * forward and backward pass (heard from the network) and the step's own phases (loss, clipping, optimizer).
 */
final class PhaseTimes implements LayerObserver, TrainingStep.Phases {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long mark;

    /** Starts the clock of a step. */
    void start() {
        mark = System.nanoTime();
    }

    /** Adds the time since the last start or lap to {@code phase}. */
    private void lap(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
    }

    @Override
    public void forwardDone(String layer) {
        lap("forward." + layer);
    }

    @Override
    public void backwardDone(String layer) {
        lap("backward." + layer);
    }

    @Override
    public void done(String phase) {
        lap(phase);
    }

    /** Milliseconds per phase divided by {@code steps}, in the order the phases first ran. */
    Map<String, Double> millisPerStep(int steps) {
        Map<String, Double> m = new LinkedHashMap<>();
        nanos.forEach((k, v) -> m.put(k, v / 1e6 / steps));
        return m;
    }

    void clear() {
        nanos.clear();
    }
}
