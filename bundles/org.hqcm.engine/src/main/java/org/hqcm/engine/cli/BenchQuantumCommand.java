package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.NoiseModel;
import org.hqcm.engine.quantum.QuantumBenchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm bench quantum}: the quantum layer's forward and forward + backward time for a batch with the
 * state-vector simulator, and in the same run Strange's forward time per circuit, the density-matrix simulator with
 * noise channels and parameter-shift gradients (exact and with shots), each as a ratio to the state vector's.
 */
@Command(name = "quantum", defaultValueProvider = ModelDefaults.class, mixinStandardHelpOptions = true,
        description = "Time the quantum layer (STATEVECTOR forward, forward+backward) against STRANGE per circuit.")
public final class BenchQuantumCommand implements Runnable {

    @ModelDefault("Training.batchSize")
    @Option(names = "--batch", description = "Rows per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @ModelDefault("QuantumHead.circuits")
    @Option(names = "--circuits", description = "Parallel circuits (default: ${DEFAULT-VALUE}).")
    int circuits;

    @ModelDefault("QuantumHead.qubits")
    @Option(names = "--qubits", description = "Qubits per circuit (default: ${DEFAULT-VALUE}).")
    int qubits;

    @ModelDefault("QuantumHead.layers")
    @Option(names = "--layers", description = "Entangling layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--repeats", defaultValue = "2000", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "SECONDS",
            description = "Warm-up before timing (default: ${DEFAULT-VALUE} s).")
    double warmup;

    @Option(names = "--strange-circuits", defaultValue = "200",
            description = "Strange circuits timed (default: ${DEFAULT-VALUE}).")
    int strangeCircuits;

    @Option(names = "--noise", defaultValue = "0.01", paramLabel = "P",
            description = "Depolarizing, amplitude- and phase-damping strength of the DENSITY_MATRIX timing "
                    + "(default: ${DEFAULT-VALUE}; the cost does not depend on it, only on the channels being on).")
    double noise;

    @Option(names = "--shift-shots", defaultValue = "1000", paramLabel = "N",
            description = "Shots of the parameter-shift timing with sampling; 0 skips it (default: ${DEFAULT-VALUE}).")
    int shiftShots;

    @Option(names = "--slow-seconds", defaultValue = "10", paramLabel = "SECONDS",
            description = "Time budget of each slow timing (at least 3 repeats; default: ${DEFAULT-VALUE} s).")
    double slowSeconds;

    @Option(names = "--fast", description = "Only the state-vector and Strange timings (no density matrix, no "
            + "parameter shift).")
    boolean fast;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        CircuitSpec spec = CircuitSpec.paper(qubits, layers);
        if (batch < 1 || circuits < 1 || repeats < 1) {
            throw new org.hqcm.engine.BadInputException("--batch, --circuits and --repeats must be at least 1");
        }
        QuantumBenchmark.Result r = QuantumBenchmark.run(new QuantumBenchmark.Setup(batch, circuits, spec, repeats, warmup,
                strangeCircuits, fast ? null : NoiseModel.gates(noise, noise, noise), shiftShots, slowSeconds));
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "quantum layer: batch %d x %d circuits x %d qubits x %d layers, measure %s, %d threads%n",
                batch, circuits, qubits, layers, spec.measurement(), r.threads());
        out.printf(Locale.ROOT, "STATEVECTOR forward:          %8.3f ms per batch (median of %d)%n", r.forwardMs(),
                repeats);
        out.printf(Locale.ROOT, "STATEVECTOR forward+backward: %8.3f ms per batch (median of %d; target <= 1 ms: %s)%n",
                r.forwardBackwardMs(), repeats, r.forwardBackwardMs() <= 1 ? "met" : "NOT met");
        out.printf(Locale.ROOT, "STATEVECTOR forward:          %8.3f us per circuit%n", 1000 * r.forwardMsPerCircuit());
        out.printf(Locale.ROOT, "STRANGE forward:              %8.3f us per circuit (median of %d, one thread)%n",
                1000 * r.strangeForwardMsPerCircuit(), r.strangeSamples());
        out.printf(Locale.ROOT, "ratio STRANGE / STATEVECTOR per circuit: %.0fx (target >= 100x: %s)%n", r.ratio(),
                r.ratio() >= 100 ? "met" : "NOT met");
        out.printf(Locale.ROOT, "a training step with STRANGE spends about %.1f ms per batch in the quantum forward "
                + "(STATEVECTOR: %.3f ms; its backward is the exact adjoint either way)%n",
                r.strangeForwardMsPerCircuit() * batch * circuits, r.forwardMs());
        for (QuantumBenchmark.Variant v : r.variants()) {
            out.printf(Locale.ROOT, "%-45s %9.3f ms per batch (median of %d) = %.1fx STATEVECTOR's%s%n", v.name() + ":",
                    v.ms(), v.samples(), v.ratio(), v.name().contains("forward+backward") ? " adjoint forward+backward" : " forward");
        }
        if (!r.variants().isEmpty()) {
            int q = spec.qubits();
            out.printf(Locale.ROOT, "(DENSITY_MATRIX with depolarizing, amplitude and phase damping %s after every gate; "
                    + "PARAMETER_SHIFT runs 2 x (3 x %d x %d + 2^%d - 1) = %d shifted circuits per row and circuit)%n",
                    noise, q, layers, q, 2 * (3 * q * layers + (1 << q) - 1));
        }
        out.flush();
    }
}
