package org.hqcm.engine.internal.nn.loss;

import java.util.Objects;

/**
 * L = alpha * CE_w + beta * (zeta * BCE + gamma * Dice), computed in double on host arrays (the
 * logits and the attention map are small).
 *
 * <ul>
 * <li>CE_w is PyTorch's weighted cross-entropy with mean reduction: sum_i w[y_i] * CE_i / sum_i w[y_i].
 * <li>BCE is the mean over every cell of every map in the batch, as PyTorch's BCELoss on probabilities
 * (log clamped at -100, gradient denominator at least 1e-12).
 * <li>Dice is over the whole batch, as in the paper: 1 - (2 sum T*A + eps) / (sum T + sum A + eps).
 * A batch whose masks are all empty and whose map is near zero thus has a Dice loss near 0 (with
 * eps = 1: 1 - 1/(1 + sum A)); images without a tumour still pull their map down through BCE.
 * </ul>
 */
public final class CompositeLoss {
    private static final double LOG_FLOOR = -100.0;
    private static final double GRAD_FLOOR = 1e-12;

    private final LossWeights weights;

    public CompositeLoss(LossWeights weights) {
        this.weights = Objects.requireNonNull(weights);
    }

    /**
     * @param logits       [N*K] row-major
     * @param labels       class of each image
     * @param classWeights one weight per class (all 1 for the unweighted loss)
     * @param spatialMap   T_s as [N*cells] in (0, 1); ignored (may be null) when the mask term is off
     * @param masks        the masks on T_s's grid, [N*cells] of 0 or 1 (see {@link MaskGrid})
     */
    public LossResult compute(double[] logits, int[] labels, double[] classWeights, double[] spatialMap, float[] masks) {
        int n = labels.length;
        int k = classWeights.length;
        if (logits.length != n * k) {
            throw new IllegalArgumentException("expected " + n + "x" + k + " logits, got " + logits.length);
        }
        double[] dLogits = new double[n * k];
        double weightSum = 0;
        for (int label : labels) {
            weightSum += classWeights[label];
        }
        double ce = 0;
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            double logSumExp = Softmax.row(logits, i * k, k, p, 0);
            int y = labels[i];
            double w = classWeights[y] / weightSum;
            ce += w * (logSumExp - logits[i * k + y]);
            for (int j = 0; j < k; j++) {
                dLogits[i * k + j] = weights.alpha() * w * (p[j] - (j == y ? 1 : 0));
            }
        }
        if (!weights.usesMask()) {
            return new LossResult(weights.alpha() * ce, ce, 0, 0, dLogits, null);
        }
        if (spatialMap == null || masks == null) {
            throw new IllegalArgumentException("the mask term needs the spatial attention map and the masks"
                    + " (a network with attention, a dataset with masks), or beta, zeta and gamma set to 0");
        }
        int cells = spatialMap.length;
        if (masks.length != cells) {
            throw new IllegalArgumentException("expected " + cells + " mask cells, got " + masks.length);
        }
        double bce = 0;
        double inter = 0;
        double sumT = 0;
        double sumA = 0;
        for (int i = 0; i < cells; i++) {
            double a = spatialMap[i];
            double t = masks[i];
            bce -= t * Math.max(Math.log(a), LOG_FLOOR) + (1 - t) * Math.max(Math.log(1 - a), LOG_FLOOR);
            inter += t * a;
            sumT += t;
            sumA += a;
        }
        bce /= cells;
        double eps = weights.diceSmoothing();
        double num = 2 * inter + eps;
        double den = sumT + sumA + eps;
        double dice = 1 - num / den;
        double[] dMap = new double[cells];
        double bceScale = weights.beta() * weights.zeta() / cells;
        double diceScale = weights.beta() * weights.gamma();
        for (int i = 0; i < cells; i++) {
            double a = spatialMap[i];
            double t = masks[i];
            double dBce = (a - t) / Math.max(a * (1 - a), GRAD_FLOOR);
            double dDice = -(2 * t * den - num) / (den * den);
            dMap[i] = bceScale * dBce + diceScale * dDice;
        }
        double total = weights.alpha() * ce + weights.beta() * (weights.zeta() * bce + weights.gamma() * dice);
        return new LossResult(total, ce, bce, dice, dLogits, dMap);
    }
}
