package org.hqcm.engine;

import java.util.concurrent.CancellationException;

/**
 * Thrown by {@link Cancellation#check()} where a cancelled run stops. The epoch loop and the run turn it into a
 * CANCELLED status that keeps the last checkpoint; it is never an error shown to the user.
 */
public class RunCancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    public RunCancelledException() {
        super("the run was cancelled");
    }

    public RunCancelledException(String message) {
        super(message);
    }
}
