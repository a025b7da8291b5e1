package org.hqcm.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hqcm data}: the synthetic phantom and what is in a dataset. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Datasets: write the synthetic brain-MRI phantom, or describe sources.",
        subcommands = {DataSynthCommand.class, DataInfoCommand.class, DataBenchCommand.class})
public final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
