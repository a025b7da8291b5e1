package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.hqcm.engine.BackendFailure;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.IoMessages;
import org.hqcm.model.resource.ModelFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code ./hqcm}. Subcommands are listed here and live in classes of their own.
 */
@Command(name = "hqcm", mixinStandardHelpOptions = true, versionProvider = EngineVersion.class,
        description = "HQCM Studio engine: hybrid quantum-classical brain-MRI classification.%n"
                + "Sweeps on Apache Spark: ./hqcm sweep FILE, ./hqcm sweep --resume DIR, ./hqcm sweep report DIR, "
                + "./hqcm bench sweep (bundles/org.hqcm.sweep).%n"
                + "Exit codes: 0 ok, 1 run failed, 2 bad input.",
        subcommands = {CommandLine.HelpCommand.class, CircuitCommand.class, BenchCommand.class, DataCommand.class,
                ValidateCommand.class, NewCommand.class, RunCommand.class, ReportCommand.class, CompareCommand.class,
                ReproduceCommand.class, PredictCommand.class, NoiseCommand.class})
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
            // a model file that cannot be read (not XML, not a run record, a reference to another file) is input
            if (ex instanceof BadInputException || ex instanceof ModelFileException m && !m.isWriting()) {
                err.println("error: " + ex.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            // Java's file-system exceptions carry only the path as their message: say why it failed
            String message = ex instanceof IOException io ? IoMessages.describe(io)
                    : ex.getMessage() == null ? ex.toString() : ex.getMessage();
            err.println("failed: " + message);
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
        } catch (OutOfMemoryError | StackOverflowError e) {
            // the checks before a run (limits, memory estimate, declared sizes) should leave none; should one come,
            // it is one line, not a stack trace
            System.err.println("failed: " + (e instanceof OutOfMemoryError
                    ? "out of memory (" + e.getMessage() + "); give the engine more with HQCM_JAVA_OPTS=-Xmx... or "
                            + "lower the experiment's batch size, image size or widths"
                    : "the input is nested too deeply to process (StackOverflowError)"));
            code = ExitCodes.FAILED;
        }
        System.exit(code);
    }
}
