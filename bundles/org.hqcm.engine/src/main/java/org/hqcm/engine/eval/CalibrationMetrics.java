package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.internal.nn.loss.Softmax;

/**
 * How well predicted probabilities match how often the predictions are right, from logits and labels:
 * <ul>
 * <li>expected calibration error over B equal-width bins of the top-class confidence c (bin b holds
 * b/B &lt; c &lt;= (b+1)/B, the first also c = 0): ECE = sum_b n_b / N |accuracy_b - mean confidence_b| (Guo et al.
 * 2017, "On calibration of modern neural networks", with B = 15 there and by default here);</li>
 * <li>Brier score, multi-class: the mean over images of sum_k (p_k - [k = label])^2, in [0, 2];</li>
 * <li>negative log-likelihood: the mean of -log p_label;</li>
 * <li>the reliability diagram's bins: count, mean confidence and accuracy per bin.</li>
 * </ul>
 * Probabilities are softmax(logits / T): T = 1 is the model as trained, a fitted T its temperature scaling.
 *
 * <p>Temperature scaling ({@link #fitTemperature}) minimises the negative log-likelihood over T by golden-section
 * search on log T in [{@value #MIN_TEMPERATURE}, {@value #MAX_TEMPERATURE}]: the NLL is convex in 1 / T (a log-sum-exp of
 * functions linear in 1 / T, minus a linear one), hence unimodal in log T, so the search finds the minimum without
 * derivatives to {@value #LOG_TOLERANCE} in log T (about 50 steps); a minimum on the boundary (validation predictions
 * all right with large margins) gives the boundary.
 */
public final class CalibrationMetrics {

    public static final double MIN_TEMPERATURE = 0.01;
    public static final double MAX_TEMPERATURE = 100;
    static final double LOG_TOLERANCE = 1e-7;

    /** One bin of the reliability diagram: (lower, upper], its images, their mean confidence and accuracy (NaN when empty). */
    public record Bin(double lower, double upper, int count, double confidence, double accuracy) {
    }

    /** The calibration of {@code images} predictions at {@code temperature}. */
    public record Result(int images, double temperature, double ece, double brier, double nll, List<Bin> bins) {
        public Result {
            bins = List.copyOf(bins);
        }
    }

    private CalibrationMetrics() {
    }

    /**
     * @param logits row-major [N][classes]
     * @param labels N true classes
     */
    public static Result of(double[] logits, int classes, int[] labels, double temperature, int bins) {
        check(logits, classes, labels);
        if (!(temperature > 0) || bins < 1) {
            throw new IllegalArgumentException("expected a temperature > 0 and at least one bin, got " + temperature
                    + " and " + bins);
        }
        int n = labels.length;
        int[] count = new int[bins];
        double[] confidence = new double[bins];
        double[] correct = new double[bins];
        double brier = 0;
        double nll = 0;
        double[] p = new double[classes];
        double[] z = new double[classes];
        for (int i = 0; i < n; i++) {
            nll += -logProbability(logits, i, classes, labels[i], temperature, z, p);
            int best = 0;
            for (int k = 0; k < classes; k++) {
                double d = p[k] - (k == labels[i] ? 1 : 0);
                brier += d * d;
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            int b = bin(p[best], bins);
            count[b]++;
            confidence[b] += p[best];
            correct[b] += best == labels[i] ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            double conf = count[b] == 0 ? Double.NaN : confidence[b] / count[b];
            double acc = count[b] == 0 ? Double.NaN : correct[b] / count[b];
            if (count[b] > 0) {
                ece += count[b] / (double) n * Math.abs(acc - conf);
            }
            out.add(new Bin(b / (double) bins, (b + 1) / (double) bins, count[b], conf, acc));
        }
        return n == 0 ? new Result(0, temperature, Double.NaN, Double.NaN, Double.NaN, out)
                : new Result(n, temperature, ece, brier / n, nll / n, out);
    }

    /** The bin of a confidence: b/B < c <= (b+1)/B, and bin 0 for c = 0. */
    static int bin(double confidence, int bins) {
        return Math.max(0, Math.min(bins - 1, (int) Math.ceil(confidence * bins) - 1));
    }

    /** Mean negative log-likelihood of the labels under softmax(logits / T). */
    public static double nll(double[] logits, int classes, int[] labels, double temperature) {
        check(logits, classes, labels);
        double[] z = new double[classes];
        double[] p = new double[classes];
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += -logProbability(logits, i, classes, labels[i], temperature, z, p);
        }
        return sum / labels.length;
    }

    /** The temperature of least negative log-likelihood (see the class comment); 1 without images. */
    public static double fitTemperature(double[] logits, int classes, int[] labels) {
        check(logits, classes, labels);
        if (labels.length == 0) {
            return 1;
        }
        double phi = (Math.sqrt(5) - 1) / 2;
        double lo = Math.log(MIN_TEMPERATURE);
        double hi = Math.log(MAX_TEMPERATURE);
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        double f1 = nll(logits, classes, labels, Math.exp(x1));
        double f2 = nll(logits, classes, labels, Math.exp(x2));
        while (hi - lo > LOG_TOLERANCE) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - phi * (hi - lo);
                f1 = nll(logits, classes, labels, Math.exp(x1));
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + phi * (hi - lo);
                f2 = nll(logits, classes, labels, Math.exp(x2));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** log p_label of row i under softmax(logits / T); p holds every class's probability afterwards. */
    private static double logProbability(double[] logits, int i, int classes, int label, double temperature,
            double[] z, double[] p) {
        for (int k = 0; k < classes; k++) {
            z[k] = logits[i * classes + k] / temperature;
        }
        double logSum = Softmax.row(z, 0, classes, p, 0);
        return z[label] - logSum;
    }

    private static void check(double[] logits, int classes, int[] labels) {
        if (classes < 2 || logits.length != labels.length * classes) {
            throw new IllegalArgumentException("expected " + labels.length + " x " + classes + " logits, got "
                    + logits.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is not in [0, " + classes + ")");
            }
        }
        for (double v : logits) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("logits contain a non-finite value " + v);
            }
        }
    }
}
