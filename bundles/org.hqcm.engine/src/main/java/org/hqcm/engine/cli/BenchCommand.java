package org.hqcm.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hqcm bench}: benchmarks that print figures and their ratio to a reference measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints its figures and the ratio to a reference measured in the same run.",
        subcommands = {BenchQuantumCommand.class, BenchTrainCommand.class, BenchEvalCommand.class,
            BenchVolumeCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
