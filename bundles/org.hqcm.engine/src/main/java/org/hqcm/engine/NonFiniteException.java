package org.hqcm.engine;

/**
 * A NaN or infinity met where a finite number is required, inside a computation (not in user input). The trainer
 * turns it into a diverged-training stop with the epoch and batch; elsewhere it is a bug report with the value.
 */
public class NonFiniteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NonFiniteException(String message) {
        super(message);
    }
}
