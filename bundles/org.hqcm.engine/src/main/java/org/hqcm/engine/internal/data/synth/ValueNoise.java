package org.hqcm.engine.internal.data.synth;

import java.util.SplittableRandom;

/** Smooth random field on [-1.25, 1.25]^2: a grid of random values interpolated with smoothstep weights. */
final class ValueNoise {
    private static final double EXTENT = 1.25;

    private final int cells;
    private final float[] grid;

    ValueNoise(int cells, SplittableRandom rng) {
        this.cells = cells;
        this.grid = new float[(cells + 1) * (cells + 1)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) (rng.nextDouble() * 2 - 1);
        }
    }

    /** Value in about [-1, 1] at (u, v); outside the extent it is clamped to the border. */
    double at(double u, double v) {
        double gx = (clamp(u) + EXTENT) / (2 * EXTENT) * cells;
        double gy = (clamp(v) + EXTENT) / (2 * EXTENT) * cells;
        int ix = Math.min(cells - 1, (int) gx);
        int iy = Math.min(cells - 1, (int) gy);
        double fx = smooth(gx - ix);
        double fy = smooth(gy - iy);
        int row = cells + 1;
        double a = grid[iy * row + ix];
        double b = grid[iy * row + ix + 1];
        double c = grid[(iy + 1) * row + ix];
        double d = grid[(iy + 1) * row + ix + 1];
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static double clamp(double x) {
        return x < -EXTENT ? -EXTENT : (x > EXTENT ? EXTENT : x);
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
