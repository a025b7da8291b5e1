package org.hqcm.engine.internal.train.tribuo;

import org.hqcm.engine.internal.train.TrainingState;

/** Training was cancelled; the state is that of the last completed epoch (its checkpoint is the truth). */
public final class TrainingCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient TrainingState state;

    TrainingCancelledException(TrainingState state) {
        super("training cancelled after epoch " + state.epochsDone());
        this.state = state;
    }

    public TrainingState state() {
        return state;
    }
}
