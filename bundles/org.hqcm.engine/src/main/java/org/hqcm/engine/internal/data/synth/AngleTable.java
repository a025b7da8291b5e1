package org.hqcm.engine.internal.data.synth;

import java.util.function.DoubleUnaryOperator;

/** A periodic function of an angle in [-pi, pi], tabulated and linearly interpolated: sines per pixel are costly. */
final class AngleTable {
    private static final int BINS = 1024; // >= 30 bins per period of the fastest fold: interpolation error < 1e-4
    private static final double STEP = 2 * Math.PI / BINS;

    private final double[] values = new double[BINS + 1];

    AngleTable(DoubleUnaryOperator f) {
        for (int i = 0; i <= BINS; i++) {
            values[i] = f.applyAsDouble(-Math.PI + i * STEP);
        }
    }

    double at(double theta) {
        double x = (theta + Math.PI) / STEP;
        int i = (int) x;
        if (i < 0) {
            return values[0];
        }
        if (i >= BINS) {
            return values[BINS];
        }
        double f = x - i;
        return values[i] * (1 - f) + values[i + 1] * f;
    }
}
