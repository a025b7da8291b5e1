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
        return spec(qubits, layers, measure, embedding, shots);
    }

    /** A circuit from option values, with messages naming the options. */
    static CircuitSpec spec(int qubits, int layers, String measure, String embedding, int shots) {
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

    /** The weights CSV of one circuit: L*Q rows phi,theta,omega (layer-major, then wire), flattened. */
    static double[] readWeights(java.nio.file.Path file, CircuitSpec spec) {
        int q = spec.qubits();
        double[][] w = NumericCsv.read(file, 3, "phi,theta,omega", "phi,theta,omega");
        if (w.length != spec.layers() * q) {
            throw new BadInputException(file + ": " + w.length + " rows, expected L*Q = " + spec.layers() + "*" + q
                    + " = " + spec.layers() * q + " rows phi,theta,omega (layer-major, then wire)");
        }
        double[] flat = new double[w.length * 3];
        for (int r = 0; r < w.length; r++) {
            System.arraycopy(w[r], 0, flat, 3 * r, 3);
        }
        return flat;
    }

    /** The input rows of one circuit (at least one): 2^Q amplitudes or Q angles each. */
    static double[][] readInputs(java.nio.file.Path file, CircuitSpec spec) {
        int width = spec.inputWidth();
        String what = spec.embedding() == Embedding.ANGLE ? "one angle per wire"
                : "2^" + spec.qubits() + " = " + width + " amplitudes";
        double[][] x = NumericCsv.read(file, width, what, null);
        if (x.length == 0) {
            throw new BadInputException(file + ": no rows, expected at least one row of " + width
                    + " comma-separated numbers (" + what + ")");
        }
        return x;
    }
}
