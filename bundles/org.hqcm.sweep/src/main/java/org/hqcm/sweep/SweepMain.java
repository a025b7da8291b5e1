package org.hqcm.sweep;

import org.hqcm.engine.cli.Main;

import picocli.CommandLine;

/**
 * Entry point of {@code ./hqcm sweep ...} (and of {@code spark-submit --class org.hqcm.sweep.SweepMain}): the sweep
 * command with the engine's exit-code mapping (bad input: a message and 2, no stack trace).
 */
public final class SweepMain {

    private SweepMain() {
    }

    /** The sweep command line with the engine's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SweepCommand());
        cl.setExecutionExceptionHandler(Main.commandLine().getExecutionExceptionHandler());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
