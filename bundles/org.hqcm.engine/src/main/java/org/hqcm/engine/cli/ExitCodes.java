package org.hqcm.engine.cli;

/** Exit codes of every {@code hqcm} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The run or command failed (training diverged, I/O error, bug). */
    public static final int FAILED = 1;
    /** Bad input: arguments, files or values the user has to fix. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
