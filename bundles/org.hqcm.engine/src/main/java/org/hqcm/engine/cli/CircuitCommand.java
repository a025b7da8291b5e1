package org.hqcm.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hqcm circuit}: evaluate or draw one circuit of the quantum layer. */
@Command(name = "circuit", mixinStandardHelpOptions = true,
        description = "Evaluate or draw one quantum circuit (amplitude embedding, StronglyEntanglingLayers, "
                + "a Pauli measurement on every wire).",
        subcommands = {CircuitEvalCommand.class, CircuitDrawCommand.class})
public final class CircuitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
