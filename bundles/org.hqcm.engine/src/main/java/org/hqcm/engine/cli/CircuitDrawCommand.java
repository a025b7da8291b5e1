package org.hqcm.engine.cli;

import java.io.PrintWriter;

import org.hqcm.engine.quantum.CircuitDiagram;
import org.hqcm.engine.quantum.CircuitSpec;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hqcm circuit draw}: the circuit as text, one line per wire. */
@Command(name = "draw", defaultValueProvider = ModelDefaults.class, mixinStandardHelpOptions = true,
        description = "Print the circuit as text (@ is a CNOT's control, X its target) and what it costs on a device: "
                + "depth, gate and CNOT counts with the state preparation decomposed.")
public final class CircuitDrawCommand implements Runnable {

    @Mixin
    CircuitOptions circuit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        PrintWriter pw = command.commandLine().getOut();
        CircuitSpec spec = circuit.spec(0);
        pw.print(CircuitDiagram.text(spec));
        pw.println("resources " + spec.resources().summary());
        pw.println("(gates in the basis RY, RZ, CNOT with the amplitude embedding as Mottonen state preparation; "
                + "hqcm circuit export writes them as OpenQASM)");
        pw.flush();
    }
}
