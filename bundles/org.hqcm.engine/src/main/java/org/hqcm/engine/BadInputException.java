package org.hqcm.engine;

/**
 * Input a user can fix: a file, field or value that is not what was expected.
 * The CLI maps it to exit code 2; the message must name the thing and what was expected.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
