package org.hqcm.engine.cli;

import java.io.PrintWriter;

import org.hqcm.engine.BackendFailure;
import org.hqcm.engine.BadInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./hqcm}. Subcommands are listed here and live in classes of their own.
 */
@Command(name = "hqcm", mixinStandardHelpOptions = true, versionProvider = EngineVersion.class,
        description = "HQCM Studio engine: hybrid quantum-classical brain-MRI classification.%n"
                + "Exit codes: 0 ok, 1 run failed, 2 bad input.",
        subcommands = {CommandLine.HelpCommand.class, CircuitCommand.class, BenchCommand.class, DataCommand.class,
                ValidateCommand.class, NewCommand.class, RunCommand.class, ReportCommand.class, CompareCommand.class,
                ReproduceCommand.class, PredictCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every subcommand and the project's exit-code mapping. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.getSubcommands().get("new").getCommandSpec().usageMessage().footer(NewCommand.fieldsHelp());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof BadInputException) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            err.println("failed: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("HQCM_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.FAILED;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (LinkageError e) {
            // picocli passes Errors through; a backend that cannot load deserves a message, not a stack trace
            if (!BackendFailure.isBackendFailure(e)) {
                throw e;
            }
            System.err.println("failed: " + BackendFailure.describe(e));
            code = ExitCodes.FAILED;
        }
        System.exit(code);
    }
}
