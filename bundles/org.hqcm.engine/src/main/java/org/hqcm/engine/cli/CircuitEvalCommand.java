package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.quantum.CircuitEvaluator;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.ShotNoise;
import org.hqcm.engine.quantum.Simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hqcm circuit eval}: the expectation values of one circuit for each input row, in double precision,
 * one output line per input with the Q values of wires 0..Q-1 to 12 decimals; with {@code --noise}, under the noise
 * channels (density matrix) and readout error.
 */
@Command(name = "eval", defaultValueProvider = ModelDefaults.class, mixinStandardHelpOptions = true,
        description = "Print the expectation value on every wire (wire 0 first, 12 decimals) for each input row.")
public final class CircuitEvalCommand implements Runnable {

    @Mixin
    CircuitOptions circuit;

    @Option(names = "--weights", required = true, paramLabel = "W.csv",
            description = "L*Q rows phi,theta,omega: layer-major, then wire.")
    Path weights;

    @Option(names = "--inputs", required = true, paramLabel = "X.csv",
            description = "One input per row: 2^Q values (amplitude embedding, need not be normalised) or Q angles.")
    Path inputs;

    // no model default: statevector, or densitymatrix when --noise has gate noise (decided in call())
    @Option(names = "--simulator", paramLabel = "statevector|strange|densitymatrix",
            description = "Simulator (default: statevector, or densitymatrix when --noise has gate noise).")
    String simulator;

    @Mixin
    NoiseOptions noise;

    @ModelDefault("QuantumHead.shots")
    @Option(names = "--shots", paramLabel = "N",
            description = "0 for exact expectations, else sample N shots per wire (default: ${DEFAULT-VALUE}).")
    int shots;

    @ModelDefault("Experiment.seed")
    @Option(names = "--seed", description = "Seed of the shot sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        CircuitSpec spec = circuit.spec(shots).withNoise(noise.model());
        Simulator sim = simulator != null ? Simulator.forId(simulator)
                : spec.noise().hasGateNoise() ? Simulator.DENSITY_MATRIX : Simulator.STATEVECTOR;
        int q = spec.qubits();
        double[] flatW = CircuitOptions.readWeights(weights, spec);
        double[][] x = CircuitOptions.readInputs(inputs, spec);
        int width = spec.inputWidth();
        double[] flatX = new double[x.length * width];
        for (int r = 0; r < x.length; r++) {
            System.arraycopy(x[r], 0, flatX, r * width, width);
        }
        double[] out = new double[x.length * q];
        CircuitEvaluator evaluator = sim.evaluator(spec, 1);
        evaluator.forward(flatX, x.length, flatW, out);
        if (shots > 0) {
            new ShotNoise(shots, seed).apply(out, out.length);
        }
        PrintWriter pw = command.commandLine().getOut();
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < x.length; r++) {
            line.setLength(0);
            for (int j = 0; j < q; j++) {
                if (j > 0) {
                    line.append(',');
                }
                line.append(String.format(Locale.ROOT, "%.12f", out[r * q + j] + 0.0));
            }
            pw.println(line);
        }
        pw.flush();
    }
}
