package org.hqcm.engine.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.hqcm.engine.BadInputException;

/**
 * The barren-plateau scan: the variance, over random initialisations, of the gradient of each measured expectation
 * {@code <P_j>} with respect to each circuit weight, for every qubit count and layer count asked for. Weights are drawn
 * as the layer draws them (uniform in [0, 2 pi)); inputs are random too: for amplitude embedding a standard normal
 * vector (embedded as a uniformly random real unit vector), for angle embedding uniform angles in [0, 2 pi). Each
 * sample is one independent circuit; its q x 3 q d partial derivatives come from q adjoint passes (one per measured
 * wire). A variance that falls exponentially with the qubit count is the barren plateau (McClean et al., 2018);
 * noise channels add their own flattening (Wang et al., 2021), which the density-matrix simulator shows.
 */
public final class GradientVariance {

    /** What to scan. */
    public record Setup(int[] qubits, int[] layers, int samples, Embedding embedding, Pauli measurement,
            NoiseModel noise, long seed) {
        public Setup {
            if (qubits.length == 0 || layers.length == 0) {
                throw new BadInputException("the scan needs at least one qubit count and one layer count");
            }
            if (samples < 2) {
                throw new BadInputException("samples = " + samples + ": expected at least 2 (a variance needs two)");
            }
            int max = noise.hasGateNoise() ? DensityMatrixEvaluator.MAX_QUBITS : CircuitSpec.MAX_QUBITS;
            for (int q : qubits) {
                if (q < 1 || q > max) {
                    throw new BadInputException("qubits " + q + ": expected 1.." + max
                            + (noise.hasGateNoise() ? " with noise channels (density matrices)" : ""));
                }
            }
            for (int l : layers) {
                if (l < 1) {
                    throw new BadInputException("layers " + l + ": expected at least 1");
                }
            }
            qubits = qubits.clone();
            layers = layers.clone();
        }
    }

    /**
     * One (qubits, layers) cell: the sample variance of each partial derivative d<P_j>/d w_k, summarised over all
     * (j, k): mean, smallest and largest; {@code meanAbsGradient} is the mean |d<P_j>/d w_k| over samples and pairs.
     */
    public record Cell(int qubits, int layers, int samples, int parameters, double meanVariance, double minVariance,
            double maxVariance, double meanAbsGradient, double seconds) {
    }

    private GradientVariance() {
    }

    /** Runs every cell, calling {@code progress} after each. */
    public static List<Cell> run(Setup setup, Consumer<Cell> progress) {
        List<Cell> cells = new ArrayList<>();
        for (int layers : setup.layers()) {
            for (int q : setup.qubits()) {
                Cell c = cell(setup, q, layers);
                cells.add(c);
                progress.accept(c);
            }
        }
        return List.copyOf(cells);
    }

    static Cell cell(Setup setup, int q, int layers) {
        long t0 = System.nanoTime();
        CircuitSpec spec = new CircuitSpec(q, layers, setup.embedding(), setup.measurement(), 0, setup.noise(),
                GradientMethod.ADJOINT);
        Simulator sim = setup.noise().hasGateNoise() ? Simulator.DENSITY_MATRIX : Simulator.STATEVECTOR;
        int wc = spec.weightCount();
        int width = spec.inputWidth();
        // the random numbers of a cell depend only on (seed, q, layers): cells can be rerun one by one
        SplittableRandom random = new SplittableRandom(setup.seed() * 1_000_003L + q * 1_009L + layers);
        int chunk = chunkCircuits(spec, sim, setup.samples());
        double[] sum = new double[q * wc];
        double[] sumSq = new double[q * wc];
        double sumAbs = 0;
        for (int done = 0; done < setup.samples(); done += chunk) {
            int circuits = Math.min(chunk, setup.samples() - done);
            double[] w = new double[circuits * wc];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextDouble() * 2 * Math.PI;
            }
            double[] x = new double[circuits * width];
            for (int i = 0; i < x.length; i++) {
                x[i] = setup.embedding() == Embedding.AMPLITUDE ? gaussian(random) : random.nextDouble() * 2 * Math.PI;
            }
            CircuitEvaluator ev = sim.evaluator(spec, circuits);
            double[] out = new double[circuits * q];
            double[] g = new double[circuits * q];
            double[] gx = new double[x.length];
            double[] gw = new double[w.length];
            for (int j = 0; j < q; j++) {
                ev.forward(x, 1, w, out);
                java.util.Arrays.fill(g, 0);
                for (int c = 0; c < circuits; c++) {
                    g[c * q + j] = 1;
                }
                java.util.Arrays.fill(gw, 0);
                ev.backward(g, gx, gw);
                for (int c = 0; c < circuits; c++) {
                    for (int k = 0; k < wc; k++) {
                        double d = gw[c * wc + k];
                        sum[j * wc + k] += d;
                        sumSq[j * wc + k] += d * d;
                        sumAbs += Math.abs(d);
                    }
                }
            }
        }
        int s = setup.samples();
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < sum.length; i++) {
            double m = sum[i] / s;
            double var = Math.max(0, (sumSq[i] - s * m * m) / (s - 1));
            mean += var;
            min = Math.min(min, var);
            max = Math.max(max, var);
        }
        return new Cell(q, layers, s, wc, mean / sum.length, min, max, sumAbs / ((double) s * sum.length),
                (System.nanoTime() - t0) / 1e9);
    }

    /** Circuits per evaluator: all of them for state vectors; density matrices in chunks of at most ~128 MB. */
    private static int chunkCircuits(CircuitSpec spec, Simulator sim, int samples) {
        if (sim != Simulator.DENSITY_MATRIX) {
            return samples;
        }
        long perCircuit = (4L + 2L * spec.qubits() * spec.layers()) * spec.dimension() * spec.dimension() * 8;
        return (int) Math.max(1, Math.min(samples, (128L << 20) / perCircuit));
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; 1 - nextDouble() is in (0, 1]
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /**
     * The least-squares slope of log2(mean variance) against the qubit count for one layer count: the variance
     * changes by a factor 2^slope per added qubit (NaN with fewer than two qubit counts).
     */
    public static double log2Slope(List<Cell> cells, int layers) {
        List<Cell> line = cells.stream().filter(c -> c.layers() == layers && c.meanVariance() > 0).toList();
        if (line.size() < 2) {
            return Double.NaN;
        }
        double mx = 0, my = 0;
        for (Cell c : line) {
            mx += c.qubits();
            my += Math.log(c.meanVariance()) / Math.log(2);
        }
        mx /= line.size();
        my /= line.size();
        double sxy = 0, sxx = 0;
        for (Cell c : line) {
            double dx = c.qubits() - mx;
            sxy += dx * (Math.log(c.meanVariance()) / Math.log(2) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
