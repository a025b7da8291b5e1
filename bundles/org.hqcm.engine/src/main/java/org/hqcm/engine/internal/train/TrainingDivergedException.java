package org.hqcm.engine.internal.train;

/** The loss or the gradients became NaN or infinite; the message says where and what was kept. */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
