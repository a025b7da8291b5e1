package org.hqcm.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.hqcm.engine.run.RunReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hqcm report RUN_DIR}: (re)writes a completed run's HTML report from its folder's files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)write report.html of a completed run from its folder alone (run.hqcmrun, predictions.csv,",
            "jaccard.csv and the figures in artefacts/); nothing is retrained. The page is self-contained and reads",
            "offline. Exit codes: 0 written, 2 not a completed run folder."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
    Path run;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> skipped = new ArrayList<>();
        Path written = RunReport.write(run, skipped);
        for (String s : skipped) {
            spec.commandLine().getErr().println("warning: skipped " + s);
        }
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().println("written: " + written);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
