package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.train.TrainStepBenchmark;
import org.hqcm.model.Experiment;
import org.hqcm.model.presets.Presets;
import org.nd4j.nativeblas.NativeOpsHolder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm bench train}: training steps of the paper's full network (the {@code hqcm-ebtc} preset: widths
 * 128/64/32, attention, quantum head q=5 d=2 c=5; or the {@code classical} preset's counterpart; mask loss) on random
 * images, against ND4J's FP32 GEMM peak measured in the same run.
 */
@Command(name = "train", defaultValueProvider = ModelDefaults.class, mixinStandardHelpOptions = true,
        description = "Time training steps of the paper's network and compare with the same-run GEMM peak.")
public final class BenchTrainCommand implements Runnable {

    @Option(names = "--size", split = ",", defaultValue = "64,128", description = "Image sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @ModelDefault("Training.batchSize")
    @Option(names = "--batch", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", defaultValue = "7", description = "Timed steps per size (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--head", defaultValue = "quantum", description = "quantum or classical (default: ${DEFAULT-VALUE}).")
    String head;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    /**
     * The experiment whose training steps are timed: the paper's ({@code hqcm-ebtc} preset, or {@code classical} for
     * the classical head) at image size {@code size}. Its network, loss and optimizer reach the steps through the
     * mapping a run uses.
     */
    static Experiment paperExperiment(int size, String head) {
        String preset = switch (head.toLowerCase(Locale.ROOT)) {
            case "quantum" -> Presets.HQCM_EBTC;
            case "classical" -> Presets.CLASSICAL;
            default -> throw new BadInputException("--head " + head + ": expected quantum or classical");
        };
        Experiment e = Presets.create(preset);
        e.getDataset().setImageSize(size);
        return e;
    }

    @Override
    public void run() {
        if (batch < 1 || steps < 1 || warmup < 0) {
            throw new BadInputException("--batch and --steps must be at least 1 and --warmup at least 0, got "
                    + batch + ", " + steps + ", " + warmup);
        }
        PrintWriter out = command.commandLine().getOut();
        // NativeOpsHolder only works once the backend is loaded: touch Nd4j first
        java.util.Properties env = org.nd4j.linalg.factory.Nd4j.getExecutioner().getEnvironmentInformation();
        String build = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
        out.printf(Locale.ROOT, "ND4J backend: %s; oneDNN %s; threads %s%n",
                env.get("backend"),
                build.contains("HAVE_ONEDNN") ? "yes" : "no",
                env.get("omp.threads"));
        for (int size : sizes) {
            TrainStepBenchmark.Result r = TrainStepBenchmark.run(new TrainStepBenchmark.Setup(
                    paperExperiment(size, head), batch, warmup, steps));
            out.printf(Locale.ROOT, "%dx%d, batch %d, %s head: %.0f ms/step (median of %d after %d warm-up; min %.0f, max %.0f)%n",
                    size, size, batch, head, r.medianMs(), steps, warmup, r.stepMs()[0], r.stepMs()[steps - 1]);
            out.printf(Locale.ROOT, "  %.1f images/s; %.1f GFLOP per step (convs and GEMMs, analytic) = %.1f GFLOP/s%n",
                    r.imagesPerSecond(), r.flopsPerStep() / 1e9, r.achievedFlops() / 1e9);
            out.printf(Locale.ROOT, "  ND4J FP32 GEMM peak this run (2048^3, best of %d): %.1f GFLOP/s; share %.0f%% (target >= 50%%)%n",
                    5 + warmup + steps, r.gemmPeakFlops() / 1e9, 100 * r.shareOfPeak());
            out.printf(Locale.ROOT, "  median GEMM between the timed steps: %.1f GFLOP/s (share %.0f%%; differs from the peak when the machine is shared)%n",
                    r.gemmMedianFlops() / 1e9, 100 * r.achievedFlops() / r.gemmMedianFlops());
            out.printf(Locale.ROOT, "  copy bandwidth this run (ND4J assign, 2 x %d MiB, best of 5): %.1f GB/s%n",
                    TrainStepBenchmark.COPY_FLOATS * Float.BYTES >> 20, r.copyBytesPerSecond() / 1e9);
            printPhases(out, r);
            out.printf(Locale.ROOT, "  peak resident memory so far (VmHWM): %.2f GB%n", TrainStepBenchmark.peakResidentBytes() / 1e9);
            out.flush();
        }
    }

    /**
     * One line per phase: its time, its least operations and bytes, the time those take at the same run's GEMM peak
     * and copy bandwidth, the larger of the two (the limit, and which bounds it) and how many times the limit it took.
     */
    static void printPhases(PrintWriter out, TrainStepBenchmark.Result r) {
        out.printf(Locale.ROOT, "  %-28s %8s %9s %9s %8s %8s %8s %8s%n", "phase", "ms/step", "GFLOP", "MB",
                "FLOP ms", "mem ms", "limit", "x limit");
        double total = 0;
        double totalLimit = 0;
        for (var e : r.phaseMsPerStep().entrySet()) {
            double ms = e.getValue();
            total += ms;
            TrainStepBenchmark.PhaseLimit l = r.phaseLimits().get(e.getKey());
            if (l == null) {
                out.printf(Locale.ROOT, "  %-28s %8.1f %9s %9s %8s %8s %8s %8s%n", e.getKey(), ms, "-", "-", "-", "-",
                        "-", "-");
                continue;
            }
            totalLimit += l.limitMs();
            out.printf(Locale.ROOT, "  %-28s %8.1f %9.2f %9.1f %8.1f %8.1f %8s %8.1f%n", e.getKey(), ms, l.flops() / 1e9,
                    l.bytes() / 1e6, l.flopMs(), l.memoryMs(), l.boundBy(), ms / l.limitMs());
        }
        out.printf(Locale.ROOT, "  %-28s %8.1f %9s %9s %8s %8s %8.1f %8.1f%n", "all phases", total, "", "", "", "",
                totalLimit, total / totalLimit);
    }
}
