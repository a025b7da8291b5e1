package org.hqcm.engine.cli;

import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.Pauli;
import org.hqcm.model.validation.HqcmConstraints;

import picocli.CommandLine.Option;

/** The options that define one circuit, shared by {@code circuit eval} and {@code circuit draw}. */
final class CircuitOptions {

    @Option(names = "--qubits", required = true, paramLabel = "Q", description = "Number of qubits (wires).")
    int qubits;

    @Option(names = "--layers", required = true, paramLabel = "L", description = "Number of StronglyEntanglingLayers.")
    int layers;

    @ModelDefault(value = "QuantumHead.measurement", dropPrefix = "PAULI_")
    @Option(names = "--measure", paramLabel = "X|Y|Z",
            description = "Pauli observable measured on every wire (default: ${DEFAULT-VALUE}).")
    String measure;

    @ModelDefault(value = "QuantumHead.embedding", lowerCase = true)
    @Option(names = "--embedding", paramLabel = "amplitude|angle",
            description = "amplitude: 2^Q values per input, L2-normalised; angle: Q values, RY(x_j) on wire j "
                    + "(default: ${DEFAULT-VALUE}).")
    String embedding;

    CircuitSpec spec(int shots) {
        if (layers > HqcmConstraints.MAX_LAYERS) {
            throw new BadInputException("--layers " + layers + " is not allowed; expected 1.." + HqcmConstraints.MAX_LAYERS
                    + " (as an experiment's architecture.head.layers: each layer is a pass over 2^qubits amplitudes)");
        }
        if (shots > HqcmConstraints.MAX_SHOTS) {
            throw new BadInputException("--shots " + shots + " is not allowed; expected 0.." + HqcmConstraints.MAX_SHOTS
                    + " (as an experiment's architecture.head.shots; 0 gives exact values)");
        }
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
