package org.hqcm.engine.cli;

import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.Pauli;

import picocli.CommandLine.Option;

/** The options that define one circuit, shared by {@code circuit eval} and {@code circuit draw}. */
final class CircuitOptions {

    @Option(names = "--qubits", required = true, paramLabel = "Q", description = "Number of qubits (wires).")
    int qubits;

    @Option(names = "--layers", required = true, paramLabel = "L", description = "Number of StronglyEntanglingLayers.")
    int layers;

    @Option(names = "--measure", defaultValue = "Y", paramLabel = "X|Y|Z",
            description = "Pauli observable measured on every wire (default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--embedding", defaultValue = "amplitude", paramLabel = "amplitude|angle",
            description = "amplitude: 2^Q values per input, L2-normalised; angle: Q values, RY(x_j) on wire j "
                    + "(default: ${DEFAULT-VALUE}).")
    String embedding;

    CircuitSpec spec(int shots) {
        return spec(qubits, layers, measure, embedding, shots);
    }

    /** A circuit from option values, with messages naming the options. */
    static CircuitSpec spec(int qubits, int layers, String measure, String embedding, int shots) {
        Pauli pauli;
        try {
            pauli = Pauli.valueOf(measure.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--measure '" + measure + "': expected X, Y or Z");
        }
        Embedding emb;
        try {
            emb = Embedding.valueOf(embedding.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--embedding '" + embedding + "': expected amplitude or angle");
        }
        return new CircuitSpec(qubits, layers, emb, pauli, shots);
    }
}
