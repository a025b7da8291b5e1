package org.hqcm.engine.run;

import org.hqcm.engine.data.LoadProgress;
import org.hqcm.engine.train.NetworkTrainer;

/**
 * What a front end (the command line's progress bar, a test) hears of a run besides the event file:
 * phases, loading progress, batches and epochs.
 */
public interface RunObserver extends NetworkTrainer.Listener, LoadProgress {

    /** A new phase: loading, training, evaluating. */
    default void phase(String name, String message) {
    }

    @Override
    default void update(int done, int total) {
    }

    /** Hears nothing. */
    RunObserver NONE = new RunObserver() {
    };
}
