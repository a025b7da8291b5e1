package org.hqcm.engine.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.hqcm.engine.nn.loss.CompositeLoss;
import org.hqcm.engine.nn.loss.LossResult;
import org.hqcm.engine.nn.loss.LossWeights;
import org.hqcm.engine.nn.loss.MaskGrid;
import org.hqcm.engine.nn.optim.AdamW;
import org.hqcm.engine.nn.optim.GradientClipping;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times full training steps (forward, composite loss, backward, global-norm clipping, AdamW) of a network
 * on synthetic data, and ND4J's FP32 GEMM in the same process as the reference.
 */
public final class TrainStepBenchmark {

    /** What to time. */
    public record Setup(NetworkConfig network, LossWeights loss, int batch, int warmupSteps, int steps) {
    }

    /**
     * Step times in ms (sorted), the analytic FLOPs per step, the same-run GEMM peak (best of all GEMMs
     * timed: five before the steps and one before each step) and the median of the GEMMs timed between
     * the measured steps (on a shared machine, the rate the steps could get at that time), in FLOP/s.
     */
    public record Result(Setup setup, double[] stepMs, double flopsPerStep, double gemmPeakFlops,
            double gemmMedianFlops, java.util.Map<String, Double> phaseMsPerStep) {
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
        float[] images = new float[n * s * s];
        float[] fullMasks = new float[n * s * s];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(cfg.classes());
            for (int p = 0; p < s * s; p++) {
                images[i * s * s + p] = (float) random.nextDouble();
            }
            if (labels[i] != 0) {
                int y0 = random.nextInt(s / 2);
                int x0 = random.nextInt(s / 2);
                for (int y = y0; y < y0 + s / 4; y++) {
                    for (int x = x0; x < x0 + s / 4; x++) {
                        fullMasks[i * s * s + y * s + x] = 1f;
                    }
                }
            }
        }
        float[] masks = MaskGrid.maxPool(fullMasks, n, s, s / cfg.featureSize());
        double[] classWeights = new double[cfg.classes()];
        Arrays.fill(classWeights, 1.0);

        HybridNetwork net = HybridNetwork.create(cfg);
        CompositeLoss loss = new CompositeLoss(setup.loss());
        AdamW adam = new AdamW(1e-3, 0.9, 0.999, 1e-8, 1e-4);
        double[] times = new double[setup.steps()];
        double[] gemmRates = new double[setup.warmupSteps() + setup.steps()];
        INDArray[] gemm = gemmOperands(2048);
        PhaseTimes phases = new PhaseTimes();
        net.recordPhases(phases);
        for (int step = 0; step < setup.warmupSteps() + setup.steps(); step++) {
            if (step == setup.warmupSteps()) {
                phases.clear();
            }
            gemmRates[Math.min(step, gemmRates.length - 1)] = gemmRate(gemm);
            phases.start();
            long t0 = System.nanoTime();
            trainStep(net, loss, adam, images, n, labels, classWeights, masks, phases);
            long t1 = System.nanoTime();
            if (step >= setup.warmupSteps()) {
                times[step - setup.warmupSteps()] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(times);
        java.util.Map<String, Double> perStep = new java.util.LinkedHashMap<>();
        phases.millis().forEach((k, v) -> perStep.put(k, v / setup.steps()));
        for (double g : gemmRates) {
            peak = Math.max(peak, g);
        }
        double[] during = Arrays.copyOfRange(gemmRates, setup.warmupSteps(), gemmRates.length);
        Arrays.sort(during);
        return new Result(setup, times, trainingFlops(cfg, n), peak, during[during.length / 2], perStep);
    }

    static double trainStep(HybridNetwork net, CompositeLoss loss, AdamW adam, float[] images, int n, int[] labels,
            double[] classWeights, float[] masks, PhaseTimes phases) {
        HybridNetwork.Output out = net.forward(images, n, true);
        double[] map = out.spatialMap() == null ? null : HostArrays.toDoubles(out.spatialMap());
        LossResult r = loss.compute(HostArrays.toDoubles(out.logits()), labels, classWeights, map, masks);
        phases.lap("loss");
        net.backward(r.dLogits(), r.dSpatialMap());
        GradientClipping.clipGlobalNorm(net.parameters(), 1.0);
        phases.lap("clip");
        adam.step(net.parameters());
        net.parametersChanged();
        phases.lap("adamw");
        return r.total();
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
