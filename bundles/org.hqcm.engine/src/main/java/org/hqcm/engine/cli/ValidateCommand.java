package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hqcm validate FILE...}: every problem of every experiment file, as {@code FILE: feature: message}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check experiment files (.hqcm) and sweep files (.hqcmsweep: every axis value and every expanded trial) and print each problem as FILE: feature: message.",
            "Relative source paths resolve against the file's folder. Exit 2 when any file has an error",
            "or cannot be read, 0 otherwise (warnings do not fail)."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Experiment or sweep files.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (Path file : files) {
            CheckedExperiment checked = CheckedExperiment.of(file);
            checked.print(out, err);
            if (checked.ok()) {
                out.println(file + ": ok" + (checked.warnings() > 0 ? " (" + checked.warnings() + " warning(s))" : ""));
            } else if (checked.loadFailure() == null) {
                out.println(file + ": " + checked.errors() + " error(s)"
                        + (checked.warnings() > 0 ? ", " + checked.warnings() + " warning(s)" : ""));
            }
            failed |= !checked.ok();
        }
        out.flush();
        return failed ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
