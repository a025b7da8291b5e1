package org.hqcm.engine.sweep;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Runs the trials of a sweep somewhere and reports each outcome as it comes. */
public interface TrialExecutor {

    /**
     * Runs {@code trials}, calling {@code outcome} (from any thread) once per trial as it ends; returns when all have
     * ended or the sweep was cancelled ({@code cancelled} turned true: running trials stop after their current batch
     * and keep their checkpoint).
     */
    void execute(List<TrialSpec> trials, Consumer<TrialOutcome> outcome, BooleanSupplier cancelled);

    /** Where trials run, for the record: {@code local[2]}, {@code spark://host:7077}, {@code sequential}. */
    String master();

    /** Trials that can run at once (for the ETA). */
    int slots();
}
