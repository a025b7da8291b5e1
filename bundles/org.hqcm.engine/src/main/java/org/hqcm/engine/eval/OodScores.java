package org.hqcm.engine.eval;

import java.util.Arrays;

import org.hqcm.engine.internal.nn.loss.Softmax;

/**
 * Out-of-distribution scores of images from the model's logits, and thresholds fixed on the validation split:
 * <ul>
 * <li>maximum softmax probability (Hendrycks and Gimpel 2017): low means unlike the training data;</li>
 * <li>energy E = -T logsumexp(logits / T) (Liu et al. 2020): high means unlike the training data.</li>
 * </ul>
 * A threshold keeps a share q of the validation images in distribution: with the validation scores sorted from
 * most to least in-distribution, it is the score of the ceil(q n)-th; an image is flagged when its score is strictly
 * worse, so at most 1 - q of the validation images are (exactly that without ties).
 */
public final class OodScores {

    /** Which score flags an image. */
    public enum Kind {
        /** The energy score; flagged above its threshold. */
        ENERGY,
        /** The maximum softmax probability; flagged below its threshold. */
        MAX_SOFTMAX
    }

    /** Both scores of N images. */
    public record Scores(double[] maxSoftmax, double[] energy) {
        public int size() {
            return energy.length;
        }
    }

    /** The thresholds of both scores and the share of the validation images they keep. */
    public record Thresholds(double maxSoftmax, double energy, double keep) {

        /** Whether an image with these scores is flagged by {@code kind}. */
        public boolean flagged(Kind kind, double maxSoftmaxScore, double energyScore) {
            return switch (kind) {
                case ENERGY -> energyScore > energy;
                case MAX_SOFTMAX -> maxSoftmaxScore < maxSoftmax;
            };
        }

        /** The share of {@code s}'s images flagged by {@code kind} (NaN for none). */
        public double flaggedShare(Kind kind, Scores s) {
            int flagged = 0;
            for (int i = 0; i < s.size(); i++) {
                flagged += flagged(kind, s.maxSoftmax()[i], s.energy()[i]) ? 1 : 0;
            }
            return s.size() == 0 ? Double.NaN : flagged / (double) s.size();
        }
    }

    private OodScores() {
    }

    /** Both scores of every row of {@code logits} ([N][classes], row-major); {@code temperature} is the energy's T. */
    public static Scores of(double[] logits, int classes, double temperature) {
        if (classes < 1 || logits.length % classes != 0) {
            throw new IllegalArgumentException(logits.length + " logits are not rows of " + classes);
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("energy temperature must be > 0, got " + temperature);
        }
        int n = logits.length / classes;
        double[] msp = new double[n];
        double[] energy = new double[n];
        double[] p = new double[classes];
        double[] z = new double[classes];
        for (int i = 0; i < n; i++) {
            Softmax.row(logits, i * classes, classes, p, 0);
            msp[i] = Arrays.stream(p).max().orElse(Double.NaN);
            for (int k = 0; k < classes; k++) {
                z[k] = logits[i * classes + k] / temperature;
            }
            energy[i] = -temperature * Softmax.row(z, 0, classes, p, 0);
        }
        return new Scores(msp, energy);
    }

    /** Thresholds that keep {@code keep} (in (0, 1]) of {@code validation} in distribution. */
    public static Thresholds fit(Scores validation, double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("the share kept in distribution must be in (0, 1], got " + keep);
        }
        int n = validation.size();
        if (n == 0) {
            throw new IllegalArgumentException("no validation images to fix an out-of-distribution threshold on");
        }
        int rank = Math.max(1, (int) Math.ceil(keep * n - 1e-9)) - 1;
        double[] energy = validation.energy().clone();
        Arrays.sort(energy); // low energy = most in distribution first
        double[] msp = validation.maxSoftmax().clone();
        Arrays.sort(msp); // high probability = most in distribution last
        return new Thresholds(msp[n - 1 - rank], energy[rank], keep);
    }
}
