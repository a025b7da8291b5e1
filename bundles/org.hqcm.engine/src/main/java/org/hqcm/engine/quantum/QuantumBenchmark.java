package org.hqcm.engine.quantum;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the quantum layer with {@link Simulator#STATEVECTOR} (forward, forward + backward, whole batch) and, in the
 * same run, Strange's forward of single circuits, the density-matrix simulator with noise channels, and parameter-shift
 * gradients (exact and with shots), so that every ratio compares like with like on the same machine. Figures are
 * medians of many repetitions after a warm-up; the slow variants repeat until {@code slowSeconds} have passed (at least
 * three times).
 */
public final class QuantumBenchmark {

    /** What to measure. */
    public record Setup(int batch, int circuits, CircuitSpec spec, int repeats, double warmupSeconds,
            int strangeCircuits, NoiseModel noise, int shiftShots, double slowSeconds) {

        /** Without the density-matrix and parameter-shift timings. */
        public Setup(int batch, int circuits, CircuitSpec spec, int repeats, double warmupSeconds, int strangeCircuits) {
            this(batch, circuits, spec, repeats, warmupSeconds, strangeCircuits, null, 0, 0);
        }
    }

    /**
     * A slow variant's figures: time per batch and its ratio to the state vector's (forward to forward, forward +
     * backward to the adjoint forward + backward).
     */
    public record Variant(String name, double ms, int samples, double ratio) {
    }

    /** The figures, in milliseconds. */
    public record Result(Setup setup, int threads, double forwardMs, double forwardBackwardMs,
            double strangeForwardMsPerCircuit, int strangeSamples, java.util.List<Variant> variants) {

        /** State-vector forward time per circuit evaluation (one row of one circuit). */
        public double forwardMsPerCircuit() {
            return forwardMs / (setup.batch() * setup.circuits());
        }

        /** How many times faster the state-vector forward is than Strange's, per circuit. */
        public double ratio() {
            return strangeForwardMsPerCircuit / forwardMsPerCircuit();
        }
    }

    private QuantumBenchmark() {
    }

    public static Result run(Setup setup) {
        CircuitSpec spec = setup.spec();
        QuantumLayer layer = new QuantumLayer(spec, setup.circuits(), Simulator.STATEVECTOR, 42);
        SplittableRandom random = new SplittableRandom(7);
        float[] input = new float[setup.batch() * layer.inputWidth()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextDouble(-1, 1);
        }
        float[] gradOut = new float[setup.batch() * layer.outputWidth()];
        for (int i = 0; i < gradOut.length; i++) {
            gradOut[i] = (float) random.nextDouble(-1, 1);
        }
        double[] gradParams = new double[layer.parameters().length];

        long warmEnd = System.nanoTime() + (long) (setup.warmupSeconds() * 1e9);
        while (System.nanoTime() < warmEnd) {
            layer.forward(input, setup.batch());
            layer.backward(gradOut, gradParams);
        }
        double[] fwd = new double[setup.repeats()];
        double[] fwdBwd = new double[setup.repeats()];
        for (int r = 0; r < setup.repeats(); r++) {
            long t0 = System.nanoTime();
            layer.forward(input, setup.batch());
            long t1 = System.nanoTime();
            layer.forward(input, setup.batch());
            layer.backward(gradOut, gradParams);
            long t2 = System.nanoTime();
            fwd[r] = (t1 - t0) / 1e6;
            fwdBwd[r] = (t2 - t1) / 1e6;
        }

        // Strange: one circuit at a time, as its evaluator runs them; warm up its code first
        double[] weights = Arrays.copyOf(layer.parameters(), spec.weightCount());
        int width = spec.inputWidth();
        double[] row = new double[width];
        int n = Math.max(1, setup.strangeCircuits());
        for (int i = 0; i < Math.max(20, n / 4); i++) {
            strangeOnce(spec, weights, input, (i % setup.batch()) * layer.inputWidth(), width, row);
        }
        double[] strange = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            strangeOnce(spec, weights, input, (i % setup.batch()) * layer.inputWidth(), width, row);
            strange[i] = (System.nanoTime() - t0) / 1e6;
        }
        double reference = median(fwdBwd);
        java.util.List<Variant> variants = new java.util.ArrayList<>();
        if (setup.noise() != null) {
            CircuitSpec noisy = spec.withNoise(setup.noise());
            variants.add(variant("DENSITY_MATRIX forward", new QuantumLayer(noisy, setup.circuits(),
                    Simulator.DENSITY_MATRIX, 42), input, gradOut, setup, median(fwd), false));
            variants.add(variant("DENSITY_MATRIX forward+backward", new QuantumLayer(noisy, setup.circuits(),
                    Simulator.DENSITY_MATRIX, 42), input, gradOut, setup, reference, true));
            CircuitSpec shift = spec.withGradient(GradientMethod.PARAMETER_SHIFT);
            variants.add(variant("PARAMETER_SHIFT exact forward+backward", new QuantumLayer(shift, setup.circuits(),
                    Simulator.STATEVECTOR, 42), input, gradOut, setup, reference, true));
            if (setup.shiftShots() > 0) {
                variants.add(variant("PARAMETER_SHIFT " + setup.shiftShots() + " shots forward+backward",
                        new QuantumLayer(shift.withShots(setup.shiftShots()), setup.circuits(), Simulator.STATEVECTOR, 42),
                        input, gradOut, setup, reference, true));
            }
        }
        return new Result(setup, Parallel.THREADS, median(fwd), reference, median(strange), n, List.copyOf(variants));
    }

    /** Times a slow layer: one warm-up pass, then repeats until the time budget is spent (at least three). */
    private static Variant variant(String name, QuantumLayer layer, float[] input, float[] gradOut, Setup setup,
            double referenceMs, boolean backward) {
        double[] gradParams = new double[layer.parameters().length];
        layer.forward(input, setup.batch());
        if (backward) {
            layer.backward(gradOut, gradParams);
        }
        java.util.List<Double> times = new java.util.ArrayList<>();
        long end = System.nanoTime() + (long) (setup.slowSeconds() * 1e9);
        while (times.size() < 3 || System.nanoTime() < end && times.size() < setup.repeats()) {
            long t0 = System.nanoTime();
            layer.forward(input, setup.batch());
            if (backward) {
                layer.backward(gradOut, gradParams);
            }
            times.add((System.nanoTime() - t0) / 1e6);
        }
        double ms = median(times.stream().mapToDouble(Double::doubleValue).toArray());
        return new Variant(name, ms, times.size(), ms / referenceMs);
    }

    /** Circuit 0 of the row starting at {@code off}. */
    private static void strangeOnce(CircuitSpec spec, double[] weights, float[] input, int off, int width, double[] row) {
        for (int i = 0; i < width; i++) {
            row[i] = input[off + i];
        }
        StrangeCircuits.expectations(spec, spec.program(weights, row));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
