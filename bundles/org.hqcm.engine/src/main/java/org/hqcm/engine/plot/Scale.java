package org.hqcm.engine.plot;

import java.util.Locale;

/**
 * A numeric axis range with "nice" tick values (1, 2, 2.5 or 5 times a power of ten), so tick labels
 * read like 0, 0.2, 0.4 rather than 0.0, 0.1837, ... Public because the IDE's interactive charts use the same ticks
 * as the engine's PNG charts.
 */
public record Scale(double min, double max, double[] ticks) {

    /** A scale covering [lo, hi] with about {@code targetTicks} ticks. */
    public static Scale nice(double lo, double hi, int targetTicks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("axis range must be finite, got " + lo + " .. " + hi);
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi == lo) {
            // A flat series still needs a visible range around its one value.
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, targetTicks - 1));
        double min = Math.floor(lo / step + 1e-9) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        int n = (int) Math.round((max - min) / step) + 1;
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = clean(min + i * step);
        }
        return new Scale(clean(min), clean(max), ticks);
    }

    private static double niceStep(double raw) {
        double exp = Math.floor(Math.log10(raw));
        double base = Math.pow(10, exp);
        double f = raw / base;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * base;
    }

    /** Removes floating-point dust such as 0.30000000000000004. */
    private static double clean(double v) {
        double r = Math.round(v * 1e9) / 1e9;
        return r == 0 ? 0 : r; // no "-0"
    }

    /** Position of {@code v} in [0, 1] along the axis. */
    public double fraction(double v) {
        return (v - min) / (max - min);
    }

    /** Tick label with as few decimals as the tick step needs. */
    public String label(double v) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.abs(v);
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        if (Math.abs(v) >= 1e6) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
