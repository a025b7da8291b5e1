package org.hqcm.engine.internal.run;

import org.hqcm.engine.internal.data.LoadProgress;
import org.hqcm.engine.internal.train.NetworkTrainer;
import org.hqcm.model.RunStatus;

/**
 * Everything a run tells about itself while it runs, in one interface: the run's event stream, its log and a front end
 * (the command line's progress bar, a test) each implement the part they show, and {@link CompositeRunObserver} fans
 * every call out to all of them, so {@link ExperimentRunner} says each thing once. Every method is optional.
 */
public interface RunObserver extends NetworkTrainer.Listener, LoadProgress {

    /** Training starts (or resumes after epoch {@code resumedFrom}, else 0): {@code batches} per epoch. */
    default void started(String run, String experiment, int epochs, int batches, int resumedFrom) {
    }

    /** A new phase: loading, training, evaluating. */
    default void phase(String name, String message) {
    }

    /** A dataset file that could not be read and was left out. */
    default void skipped(String file, String reason) {
    }

    /** A detail for the run's log (data summary, resume point, timings); front ends need not show it. */
    default void note(String line) {
    }

    /**
     * The run ended: COMPLETED (with {@code testAccuracy}), CANCELLED or FAILED (test accuracy NaN), with a message
     * saying what happened.
     */
    default void ended(RunStatus status, String message, double testAccuracy) {
    }

    @Override
    default void update(int done, int total) {
    }

    /** Hears nothing. */
    RunObserver NONE = new RunObserver() {
    };
}
