package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.QuantumBenchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm bench quantum}: the quantum layer's forward and forward + backward time for a batch with the
 * state-vector simulator, and Strange's forward time per circuit measured in the same run, with their ratio.
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public void run() {
        CircuitSpec spec = CircuitSpec.paper(qubits, layers);
        if (batch < 1 || circuits < 1 || repeats < 1) {
            throw new org.hqcm.engine.BadInputException("--batch, --circuits and --repeats must be at least 1");
        }
        QuantumBenchmark.Result r = QuantumBenchmark.run(
                new QuantumBenchmark.Setup(batch, circuits, spec, repeats, warmup, strangeCircuits));
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
        out.flush();
    }
}
