package org.hqcm.model.validation;

/**
 * One finding of validation. {@code featurePath} locates the value from the experiment root, e.g.
 * {@code training.learningRate} or {@code dataset.sources[1].path}; {@code message} says what the value is and
 * what is allowed, e.g. {@code -0.1 is not allowed; expected > 0}.
 */
public record Problem(Severity severity, String featurePath, String message) {

    /** How bad a problem is; only errors stop a run. */
    public enum Severity {
        WARNING, ERROR
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code featurePath: message}, prefixed with {@code warning: } for warnings. */
    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "") + featurePath + ": " + message;
    }
}
