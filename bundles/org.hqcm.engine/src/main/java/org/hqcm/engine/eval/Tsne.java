package org.hqcm.engine.eval;

import java.util.Random;
import java.util.stream.IntStream;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.Cancellation;

/**
 * Exact t-SNE (van der Maaten and Hinton 2008) into two dimensions, for the few hundred to ~1,200 test
 * images of a run. No Java library fits: Smile's t-SNE is LGPL/GPL and the DL4J one unmaintained since
 * 2020, so this is the reference algorithm, with the optimiser settings of scikit-learn's TSNE:
 * <ul>
 * <li>per point, a binary search on the Gaussian precision until the entropy of P(j|i) is ln(perplexity)
 * (nats) within 1e-5; P = (P(j|i) + P(i|j)) / 2N, floored at 1e-12;</li>
 * <li>start: PCA scaled to sd 1e-4 ({@link Init#PCA}, the default) or N(0, 1e-4) from the seed;</li>
 * <li>gradient descent with early exaggeration 12 and momentum 0.5 for the first 250 iterations, then
 * momentum 0.8; per-coordinate gains (+0.2 when the gradient changes sign against the update, x0.8
 * otherwise, at least 0.01); learning rate max(N / 12 / 4, 50) ("auto"); 1,000 iterations.</li>
 * </ul>
 * Rows are processed in parallel but every sum is reduced in a fixed order, so the result depends on the
 * input and settings only (and the seed, with the random start), not on the number of threads.
 */
public record Tsne(double perplexity, long seed, int iterations, int exaggerationIterations, double exaggeration,
        double learningRate, Init init) {

    /** How the 2-D points start. */
    public enum Init {
        /**
         * The first two principal components, scaled so the first has standard deviation 1e-4 (scikit-learn's
         * default since 1.2; keeps the global layout stable); component signs are fixed so that each
         * component's largest-magnitude loading is positive. Deterministic: the seed is not used.
         */
        PCA,
        /** N(0, 1e-4) per coordinate from the seed (the original paper's start). */
        RANDOM
    }

    static final double MIN_P = 1e-12;

    /** The result: 2-D points (one per input row) and the final KL(P || Q). */
    public record Embedding(double[][] points, double klDivergence) {
    }

    public Tsne {
        if (!(perplexity > 0) || !Double.isFinite(perplexity)) {
            throw new BadInputException("t-SNE perplexity must be a positive number, got " + perplexity);
        }
        if (iterations < 1 || exaggerationIterations < 0 || exaggerationIterations > iterations) {
            throw new IllegalArgumentException("iterations " + iterations + " and exaggeration iterations "
                    + exaggerationIterations + " must satisfy 0 <= exaggeration <= iterations, iterations >= 1");
        }
        if (!(exaggeration >= 1)) {
            throw new IllegalArgumentException("early exaggeration must be >= 1, got " + exaggeration);
        }
        if (init == null) {
            throw new IllegalArgumentException("t-SNE init must be given");
        }
    }

    /** The defaults above with the experiment's perplexity and seed (the paper: 30 and 42). */
    public static Tsne of(double perplexity, long seed) {
        return new Tsne(perplexity, seed, 1000, 250, 12, Double.NaN, Init.PCA);
    }

    /** The same settings with another number of iterations (early exaggeration capped to fit). */
    public Tsne withIterations(int n) {
        return new Tsne(perplexity, seed, n, Math.min(exaggerationIterations, n), exaggeration, learningRate, init);
    }

    /** The same settings with another start. */
    public Tsne withInit(Init start) {
        return new Tsne(perplexity, seed, iterations, exaggerationIterations, exaggeration, learningRate, start);
    }

    /**
     * Embeds N points stored row after row in {@code flat} ({@code width} values each), as the head's outputs
     * of a prediction are kept.
     */
    public Embedding embed(double[] flat, int width) {
        if (width < 1 || flat.length % width != 0) {
            throw new IllegalArgumentException(flat.length + " values do not form rows of width " + width);
        }
        double[][] x = new double[flat.length / width][];
        for (int i = 0; i < x.length; i++) {
            x[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return embed(x);
    }

    /**
     * Embeds the rows of {@code x} (N points of equal dimension, N > perplexity).
     */
    public Embedding embed(double[][] x) {
        int n = x.length;
        if (n < 2) {
            throw new BadInputException("t-SNE needs at least 2 points, got " + n);
        }
        if (perplexity >= n) {
            throw new BadInputException("t-SNE perplexity " + perplexity + " must be smaller than the number of points ("
                    + n + "); use a smaller perplexity for this test set");
        }
        int dim = x[0].length;
        for (double[] row : x) {
            if (row.length != dim) {
                throw new BadInputException("t-SNE input rows must all have " + dim + " values, found one with " + row.length);
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new BadInputException("t-SNE input contains a non-finite value " + v);
                }
            }
        }
        double[] p = jointProbabilities(squaredDistances(x), perplexity);
        double[] start = init == Init.PCA ? pcaStart(x) : null;
        return optimise(p, n, start);
    }

    /**
     * The rows of x projected on their first two principal components, interleaved (x0, y0, x1, ...), scaled so
     * the first coordinate has standard deviation 1e-4; null when the data have no spread.
     */
    static double[] pcaStart(double[][] x) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k] / n;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : x) {
            for (int a = 0; a < d; a++) {
                double ca = row[a] - mean[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += ca * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                cov[a][b] = cov[b][a];
            }
        }
        double[][] vectors = SymmetricEigen.topVectors(cov, Math.min(2, d));
        double[] y = new double[2 * n];
        for (int c = 0; c < vectors.length; c++) {
            double[] v = vectors[c];
            int big = 0;
            for (int k = 1; k < d; k++) {
                if (Math.abs(v[k]) > Math.abs(v[big])) {
                    big = k;
                }
            }
            double sign = v[big] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += (x[i][k] - mean[k]) * v[k];
                }
                y[2 * i + c] = sign * s;
            }
        }
        double m = 0;
        for (int i = 0; i < n; i++) {
            m += y[2 * i] / n;
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (y[2 * i] - m) * (y[2 * i] - m) / n;
        }
        if (!(var > 0)) {
            return null;
        }
        double scale = 1e-4 / Math.sqrt(var);
        for (int k = 0; k < y.length; k++) {
            y[k] *= scale;
        }
        return y;
    }

    static double[] squaredDistances(double[][] x) {
        int n = x.length;
        double[] d = new double[n * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < x[i].length; k++) {
                    double t = x[i][k] - x[j][k];
                    s += t * t;
                }
                d[i * n + j] = s;
            }
        });
        return d;
    }

    /** Symmetrised P, {@code n x n} row-major, from squared distances. */
    static double[] jointProbabilities(double[] d2, double perplexity) {
        int n = (int) Math.round(Math.sqrt(d2.length));
        double[] cond = new double[n * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] row = conditionalRow(d2, n, i, perplexity);
            System.arraycopy(row, 0, cond, i * n, n);
        });
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] = i == j ? 0 : Math.max((cond[i * n + j] + cond[j * n + i]) / (2.0 * n), MIN_P);
            }
        }
        return p;
    }

    /**
     * P(j|i) for one point: a Gaussian on the squared distances whose precision beta is found by bisection
     * (doubling or halving while unbounded) so that the entropy is ln(perplexity).
     */
    static double[] conditionalRow(double[] d2, int n, int i, double perplexity) {
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double[] row = new double[n];
        // distances relative to the nearest neighbour keep exp() in range for far-apart data
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                min = Math.min(min, d2[i * n + j]);
            }
        }
        for (int step = 0; step < 200; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    row[j] = 0;
                    continue;
                }
                double dj = d2[i * n + j] - min;
                row[j] = Math.exp(-dj * beta);
                sum += row[j];
                weighted += dj * row[j];
            }
            // H = ln(sum) + beta * E[d] (with the shifted distances; the shift cancels in P)
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int j = 0; j < n; j++) {
                row[j] /= sum;
            }
            double diff = entropy - target;
            if (Math.abs(diff) < 1e-5) {
                break;
            }
            if (diff > 0) { // too flat: sharpen
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
        return row;
    }

    /** Entropy (nats) of a probability row; used by the tests of the calibration. */
    static double entropy(double[] row) {
        double h = 0;
        for (double v : row) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    private Embedding optimise(double[] p, int n, double[] start) {
        double[] y = new double[2 * n];
        if (start != null) {
            System.arraycopy(start, 0, y, 0, y.length);
        } else {
            Random random = new Random(seed);
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextGaussian() * 1e-4;
            }
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        double[] grad = new double[2 * n];
        // per row: sum of q numerators, and the attractive and repulsive parts of the gradient
        double[] rowSums = new double[n];
        double[] attract = new double[2 * n];
        double[] repulse = new double[2 * n];
        double lr = Double.isNaN(learningRate) ? Math.max(n / exaggeration / 4, 50) : learningRate;
        for (int it = 0; it < iterations; it++) {
            Cancellation.check();
            boolean early = it < exaggerationIterations;
            double exag = early ? exaggeration : 1;
            double momentum = early ? 0.5 : 0.8;
            // dC/dy_i = 4 sum_j (P_ij - num_ij / Z) num_ij (y_i - y_j), split so that one pass over the pairs
            // suffices: 4 (sum_j P_ij num_ij (y_i - y_j) - (1/Z) sum_j num_ij^2 (y_i - y_j))
            IntStream.range(0, n).parallel().forEach(i -> {
                double s = 0;
                double ax = 0;
                double ay = 0;
                double rx = 0;
                double ry = 0;
                double yix = y[2 * i];
                double yiy = y[2 * i + 1];
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double dx = yix - y[2 * j];
                    double dy = yiy - y[2 * j + 1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    s += q;
                    double pq = p[row + j] * q;
                    ax += pq * dx;
                    ay += pq * dy;
                    double qq = q * q;
                    rx += qq * dx;
                    ry += qq * dy;
                }
                rowSums[i] = s;
                attract[2 * i] = ax;
                attract[2 * i + 1] = ay;
                repulse[2 * i] = rx;
                repulse[2 * i + 1] = ry;
            });
            double z = 0;
            for (double s : rowSums) {
                z += s;
            }
            for (int k = 0; k < grad.length; k++) {
                grad[k] = 4 * (exag * attract[k] - repulse[k] / z);
            }
            for (int k = 0; k < y.length; k++) {
                // scikit-learn's rule: grow the gain where the step and the gradient disagree
                gains[k] = update[k] * grad[k] < 0 ? gains[k] + 0.2 : Math.max(gains[k] * 0.8, 0.01);
                update[k] = momentum * update[k] - lr * gains[k] * grad[k];
                y[k] += update[k];
            }
            // keep the cloud centred (the gradient is translation invariant; this only stops drift)
            double mx = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                mx += y[2 * i];
                my += y[2 * i + 1];
            }
            mx /= n;
            my /= n;
            for (int i = 0; i < n; i++) {
                y[2 * i] -= mx;
                y[2 * i + 1] -= my;
            }
        }
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = new double[] {y[2 * i], y[2 * i + 1]};
        }
        return new Embedding(points, kl(p, y, n));
    }

    private static double kl(double[] p, double[] y, int n) {
        double z = 0;
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    q[i * n + j] = 1 / (1 + dx * dx + dy * dy);
                    z += q[i * n + j];
                }
            }
        }
        double kl = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] > 0 && k / n != k % n) {
                kl += p[k] * Math.log(p[k] / Math.max(q[k] / z, MIN_P));
            }
        }
        return kl;
    }
}
