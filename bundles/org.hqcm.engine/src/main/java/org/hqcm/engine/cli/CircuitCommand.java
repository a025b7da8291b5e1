package org.hqcm.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hqcm circuit}: evaluate, draw, export (OpenQASM) or diagnose (barren plateaus) circuits of the layer. */
@Command(name = "circuit", mixinStandardHelpOptions = true,
        description = "Evaluate, draw, export or diagnose quantum circuits (amplitude embedding, "
                + "StronglyEntanglingLayers, a Pauli measurement on every wire).",
        subcommands = {CircuitEvalCommand.class, CircuitDrawCommand.class, CircuitExportCommand.class,
            CircuitDiagnoseCommand.class})
public final class CircuitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
