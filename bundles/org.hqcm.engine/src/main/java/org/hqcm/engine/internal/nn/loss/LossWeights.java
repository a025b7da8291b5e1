package org.hqcm.engine.internal.nn.loss;

import org.hqcm.engine.BadInputException;

/**
 * Weights of the composite loss L = alpha * CE + beta * (zeta * BCE + gamma * Dice) and the Dice
 * smoothing term (the paper's epsilon). Paper: alpha = beta = 1, zeta = 0.3, gamma = 0.7.
 */
public record LossWeights(double alpha, double beta, double zeta, double gamma, double diceSmoothing) {
    public LossWeights {
        requireNonNegative("loss.alpha", alpha);
        requireNonNegative("loss.beta", beta);
        requireNonNegative("loss.zeta", zeta);
        requireNonNegative("loss.gamma", gamma);
        if (!(diceSmoothing > 0) || Double.isInfinite(diceSmoothing)) {
            throw new BadInputException("loss.diceSmoothing: expected a positive number, got " + diceSmoothing);
        }
    }

    /** Whether the mask term contributes at all (then the network needs attention and masks). */
    public boolean usesMask() {
        return beta > 0 && (zeta > 0 || gamma > 0);
    }

    private static void requireNonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new BadInputException(field + ": expected a finite number >= 0, got " + v);
        }
    }
}
