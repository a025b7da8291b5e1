package org.hqcm.engine.cli;

import java.io.PrintWriter;

import org.hqcm.engine.quantum.CircuitDiagram;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hqcm circuit draw}: the circuit as text, one line per wire. */
@Command(name = "draw", defaultValueProvider = ModelDefaults.class, mixinStandardHelpOptions = true,
        description = "Print the circuit as text: @ is a CNOT's control, X its target.")
public final class CircuitDrawCommand implements Runnable {

    @Mixin
    CircuitOptions circuit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        PrintWriter pw = command.commandLine().getOut();
        pw.print(CircuitDiagram.text(circuit.spec(0)));
        pw.flush();
    }
}
