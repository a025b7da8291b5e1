package org.hqcm.engine.internal.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.nn.HeadConfig;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.Layer;
import org.hqcm.engine.internal.nn.LayerCost;
import org.hqcm.engine.internal.nn.NetworkConfig;
import org.hqcm.engine.internal.nn.Parameter;
import org.hqcm.engine.internal.nn.loss.CompositeLoss;
import org.hqcm.engine.internal.nn.loss.LossWeights;
import org.hqcm.engine.internal.nn.optim.Optimizer;
import org.hqcm.model.Experiment;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times the training step of {@link TrainingStep} (forward, composite loss, backward, global-norm clipping, the
 * optimizer) of an experiment's network, mapped as a run maps it, on random images, and ND4J's FP32 GEMM in the same
 * process as the reference.
 */
public final class TrainStepBenchmark {

    /** What to time: the network, loss, optimizer and clipping of {@code experiment} (seeded by its seed). */
    public record Setup(Experiment experiment, int batch, int warmupSteps, int steps) {
        /** The network the steps train. */
        public NetworkConfig network() {
            return ExperimentMapping.network(experiment, experiment.getSeed());
        }

        LossWeights loss() {
            return ExperimentMapping.loss(experiment);
        }
    }

    /**
     * Step times in ms (sorted), the analytic FLOPs per step, the same-run GEMM peak (best of all GEMMs
     * timed: five before the steps and one before each step) and the median of the GEMMs timed between
     * the measured steps (on a shared machine, the rate the steps could get at that time), in FLOP/s.
     */
    public record Result(Setup setup, double[] stepMs, double flopsPerStep, double gemmPeakFlops,
            double gemmMedianFlops, Map<String, Double> phaseMsPerStep, double copyBytesPerSecond,
            Map<String, PhaseLimit> phaseLimits) {
        public double medianMs() {
            return stepMs[stepMs.length / 2];
        }

        public double imagesPerSecond() {
            return setup.batch() * 1000.0 / medianMs();
        }

        public double achievedFlops() {
            return flopsPerStep / (medianMs() / 1000.0);
        }

        public double shareOfPeak() {
            return achievedFlops() / gemmPeakFlops;
        }
    }

    private TrainStepBenchmark() {
    }

    public static Result run(Setup setup) {
        double peak = gemmPeak(2048, 5);
        NetworkConfig cfg = setup.network();
        int n = setup.batch();
        int s = cfg.imageSize();
        SplittableRandom random = new SplittableRandom(11);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(cfg.classes());
            float[] image = new float[s * s];
            for (int p = 0; p < s * s; p++) {
                image[p] = (float) random.nextDouble();
            }
            byte[] mask = new byte[s * s];
            if (label != 0) {
                int y0 = random.nextInt(s / 2);
                int x0 = random.nextInt(s / 2);
                for (int y = y0; y < y0 + s / 4; y++) {
                    for (int x = x0; x < x0 + s / 4; x++) {
                        mask[y * s + x] = 1;
                    }
                }
            }
            samples.add(Sample.of(s, image, mask, TumourClass.ofLabel(label), null, null,
                    GivenSplit.NONE, s, s));
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        Batch batch = new Batch(n, s, s / cfg.featureSize());
        batch.fill(samples, order, 0, n, null, 0);
        double[] classWeights = new double[cfg.classes()];
        Arrays.fill(classWeights, 1.0);

        HybridNetwork net = HybridNetwork.create(cfg);
        Optimizer optimizer = ExperimentMapping.optimizer(setup.experiment());
        TrainingStep step = new TrainingStep(net, optimizer, new CompositeLoss(setup.loss()),
                setup.experiment().getTraining().getGradientClipNorm(), classWeights);
        double[] times = new double[setup.steps()];
        double[] gemmRates = new double[setup.warmupSteps() + setup.steps()];
        INDArray[] gemm = gemmOperands(2048);
        PhaseTimes phases = new PhaseTimes();
        net.observeLayers(phases);
        step.observePhases(phases);
        for (int i = 0; i < setup.warmupSteps() + setup.steps(); i++) {
            if (i == setup.warmupSteps()) {
                phases.clear();
            }
            gemmRates[Math.min(i, gemmRates.length - 1)] = gemmRate(gemm);
            phases.start();
            long t0 = System.nanoTime();
            step.run(batch, 1, i + 1);
            long t1 = System.nanoTime();
            if (i >= setup.warmupSteps()) {
                times[i - setup.warmupSteps()] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(times);
        for (double g : gemmRates) {
            peak = Math.max(peak, g);
        }
        double[] during = Arrays.copyOfRange(gemmRates, setup.warmupSteps(), gemmRates.length);
        Arrays.sort(during);
        double bandwidth = copyBandwidth(COPY_FLOATS, 5);
        return new Result(setup, times, trainingFlops(cfg, n), peak, during[during.length / 2],
                phases.millisPerStep(setup.steps()), bandwidth, phaseLimits(net, optimizer, n, peak, bandwidth));
    }

    /**
     * What a phase of the step needs at least (its operations and bytes, {@link LayerCost}) and the time that takes at
     * the same run's GEMM peak and copy bandwidth; the larger of the two is the phase's limit on this machine.
     */
    public record PhaseLimit(double flops, double bytes, double flopMs, double memoryMs) {
        public double limitMs() {
            return Math.max(flopMs, memoryMs);
        }

        /** "compute" or "memory": which of the two bounds the phase. */
        public String boundBy() {
            return flopMs >= memoryMs ? "compute" : "memory";
        }

        static PhaseLimit of(double flops, double bytes, double peakFlops, double bytesPerSecond) {
            return new PhaseLimit(flops, bytes, flops / peakFlops * 1e3, bytes / bytesPerSecond * 1e3);
        }
    }

    /** The limits of the phases PhaseTimes reports: forward.LAYER, backward.LAYER, loss, clip, optimizer. */
    static Map<String, PhaseLimit> phaseLimits(HybridNetwork net, Optimizer optimizer, int n, double peak,
            double bandwidth) {
        Map<String, PhaseLimit> limits = new LinkedHashMap<>();
        for (Layer l : net.layers()) {
            LayerCost c = l.cost(n);
            limits.put("forward." + l.name(), PhaseLimit.of(c.forwardFlops(), c.forwardBytes(), peak, bandwidth));
            limits.put("backward." + l.name(), PhaseLimit.of(c.backwardFlops(), c.backwardBytes(), peak, bandwidth));
        }
        double values = 0;
        for (Parameter p : net.parameters()) {
            values += p.value().length();
        }
        NetworkConfig cfg = net.config();
        // the loss reads the logits, T_s and the mask at T_s's size and writes the gradients of both (10 ops each)
        double lossValues = (double) n * (cfg.classes() + (double) cfg.featureSize() * cfg.featureSize());
        limits.put("loss", PhaseLimit.of(10 * lossValues, Float.BYTES * 4 * lossValues, peak, bandwidth));
        // the global norm reads every gradient once (a square and a sum each)
        limits.put("clip", PhaseLimit.of(2 * values, Float.BYTES * values, peak, bandwidth));
        double[] perValue = optimizer.stepCostPerValue();
        limits.put("optimizer", PhaseLimit.of(perValue[0] * values, perValue[1] * values, peak, bandwidth));
        return limits;
    }

    /**
     * Floats per array of the copy that measures bandwidth: 2 x 128 MiB, far beyond the caches (2 MiB L2 per core
     * and a shared L3 of tens of MiB on this machine kind), as STREAM asks (at least 4x the last-level cache).
     */
    public static final long COPY_FLOATS = 32L << 20;

    /**
     * The best rate of ND4J copying {@code floats} floats from one array into another (its multi-threaded native
     * assign), over {@code repeats} repetitions after one warm-up, counting bytes read plus bytes written as STREAM's
     * copy does, in bytes per second.
     */
    public static double copyBandwidth(long floats, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, floats);
        INDArray b = Nd4j.create(DataType.FLOAT, floats);
        b.assign(a);
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            b.assign(a);
            best = Math.max(best, 2.0 * Float.BYTES * floats / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    /**
     * Multiply-adds x 2 of the convolutions and matrix products of one training step, as executed: forward,
     * input gradient (not for the first block) and weight gradient. The spatial convolutions count once,
     * at the merged (largest) kernel size; the quantum simulation is not counted.
     */
    public static double trainingFlops(NetworkConfig cfg, int n) {
        double flops = 0;
        int size = cfg.imageSize();
        int in = 1;
        for (int i = 0; i < cfg.widths().size(); i++) {
            int out = cfg.widths().get(i);
            double forward = 2.0 * n * size * size * in * out * 9;
            flops += forward * (i == 0 ? 2 : 3);
            in = out;
            size /= 2;
        }
        int c = cfg.featureChannels();
        double cells = (double) n * size * size;
        if (cfg.attention()) {
            int hidden = Math.max(1, c / cfg.reductionRatio());
            flops += 3 * 2.0 * n * (2.0 * c * hidden);
            int k = cfg.spatialKernels().stream().mapToInt(Integer::intValue).max().orElse(1);
            flops += 3 * 2.0 * cells * c * c * k * k;
            flops += 3 * 2.0 * cells * c * cfg.fuseKernel() * cfg.fuseKernel();
        }
        int p = cfg.head().projectionWidth();
        flops += 3 * 2.0 * n * cells / n * c * p;
        if (cfg.head() instanceof HeadConfig.Classical h) {
            flops += 3 * 2.0 * n * p * h.width();
        }
        flops += 3 * 2.0 * n * cfg.head().outputWidth() * cfg.classes();
        return flops;
    }

    /** Best FP32 GEMM rate of ND4J (size x size x size mmul) over several repetitions, in FLOP/s. */
    public static double gemmPeak(int size, int repeats) {
        INDArray[] operands = gemmOperands(size);
        gemmRate(operands); // warm-up
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            best = Math.max(best, gemmRate(operands));
        }
        return best;
    }

    private static INDArray[] gemmOperands(int size) {
        return new INDArray[] {Nd4j.rand(DataType.FLOAT, size, size), Nd4j.rand(DataType.FLOAT, size, size),
            Nd4j.create(DataType.FLOAT, size, size)};
    }

    private static double gemmRate(INDArray[] abc) {
        long size = abc[0].size(0);
        long t0 = System.nanoTime();
        Nd4j.gemm(abc[0], abc[1], abc[2], false, false, 1.0, 0.0);
        return 2.0 * size * size * size / ((System.nanoTime() - t0) / 1e9);
    }

    /** Peak resident memory of this process (VmHWM) in bytes, or -1 where /proc is not available. */
    public static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
