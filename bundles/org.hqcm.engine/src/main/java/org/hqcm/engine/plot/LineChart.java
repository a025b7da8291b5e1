package org.hqcm.engine.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Line chart of one or more series over a numeric x axis (training curves: loss or accuracy per epoch,
 * train and validation). Immutable: every setter returns a new chart. Non-finite y values break the line.
 */
public final class LineChart {

    static final int BAND_ALPHA = 60;

    /**
     * One line: its name in the legend, x and y of its points, whether it is drawn dashed, and an optional
     * spread (e.g. the sd across seeds) drawn as a translucent band y +- spread (null for none).
     */
    public record Series(String name, double[] x, double[] y, boolean dashed, double[] spread) {
        public Series {
            if (x.length != y.length || (spread != null && spread.length != y.length)) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values, "
                        + y.length + " y values" + (spread == null ? "" : " and " + spread.length + " spreads"));
            }
            x = x.clone();
            y = y.clone();
            spread = spread == null ? null : spread.clone();
        }
    }

    private final String title;
    private final List<Series> series;
    private final String xLabel;
    private final String yLabel;
    private final double[] yRange; // null = fit the data

    private LineChart(String title, List<Series> series, String xLabel, String yLabel, double[] yRange) {
        this.title = title;
        this.series = series;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.yRange = yRange;
    }

    public static LineChart of(String title) {
        return new LineChart(title, List.of(), null, null, null);
    }

    /** Adds a series with explicit x values. */
    public LineChart series(String name, double[] x, double[] y) {
        return add(new Series(name, x, y, false, null));
    }

    /** Adds a series whose x values are 1, 2, ..., n (epochs). */
    public LineChart series(String name, double[] y) {
        return series(name, oneBased(y.length), y);
    }

    /** Adds a dashed series with explicit x values (a reference level, a threshold). */
    public LineChart dashedSeries(String name, double[] x, double[] y) {
        return add(new Series(name, x, y, true, null));
    }

    /** Adds a dashed series whose x values are 1, 2, ..., n (e.g. the validation curve next to training). */
    public LineChart dashedSeries(String name, double[] y) {
        return add(new Series(name, oneBased(y.length), y, true, null));
    }

    /**
     * Adds a series over epochs 1..n with a band mean +- spread (mean +- sd across seeds); {@code dashed}
     * as for {@link #dashedSeries}.
     */
    public LineChart bandSeries(String name, double[] mean, double[] spread, boolean dashed) {
        return add(new Series(name, oneBased(mean.length), mean, dashed, spread));
    }

    private LineChart add(Series s) {
        List<Series> l = new ArrayList<>(series);
        l.add(s);
        return new LineChart(title, List.copyOf(l), xLabel, yLabel, yRange);
    }

    public LineChart xLabel(String label) {
        return new LineChart(title, series, label, yLabel, yRange);
    }

    public LineChart yLabel(String label) {
        return new LineChart(title, series, xLabel, label, yRange);
    }

    /** Fixes the y range (e.g. 0..1 for accuracy) instead of fitting the data. */
    public LineChart yRange(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("y range max must exceed min, got " + min + " .. " + max);
        }
        return new LineChart(title, series, xLabel, yLabel, new double[] {min, max});
    }

    public BufferedImage render(int width, int height) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a line chart needs at least one series");
        }
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    double d = s.spread == null || !Double.isFinite(s.spread[i]) ? 0 : Math.abs(s.spread[i]);
                    xlo = Math.min(xlo, s.x[i]);
                    xhi = Math.max(xhi, s.x[i]);
                    ylo = Math.min(ylo, s.y[i] - d);
                    yhi = Math.max(yhi, s.y[i] + d);
                }
            }
        }
        if (xlo > xhi) { // no finite point at all
            xlo = 0;
            xhi = 1;
            ylo = 0;
            yhi = 1;
        }
        Scale xs = Scale.nice(xlo, xhi, 8);
        Scale ys = yRange != null ? Scale.nice(yRange[0], yRange[1], 6) : Scale.nice(ylo, yhi, 6);
        BufferedImage image = Canvas.newImage(width, height);
        Graphics2D g = Canvas.graphics(image);
        try {
            List<PlotFrame.LegendEntry> legend = new ArrayList<>();
            for (int i = 0; i < series.size(); i++) {
                legend.add(new PlotFrame.LegendEntry(series.get(i).name(), Theme.seriesColor(i)));
            }
            PlotFrame f = PlotFrame.numeric(g, width, height, title, xLabel, yLabel, xs, ys, legend);
            g.clipRect(f.left - 4, f.top - 4, f.right - f.left + 8, f.bottom - f.top + 8);
            float lw = Math.max(2f, width / 400f);
            for (int i = 0; i < series.size(); i++) {
                drawBand(g, f, series.get(i), Theme.seriesColor(i));
            }
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                g.setColor(Theme.seriesColor(i));
                g.setStroke(s.dashed
                        ? new BasicStroke(lw, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3 * lw, 2 * lw}, 0)
                        : new BasicStroke(lw, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D.Double path = new Path2D.Double();
                boolean pen = false;
                for (int k = 0; k < s.x.length; k++) {
                    if (!Double.isFinite(s.x[k]) || !Double.isFinite(s.y[k])) {
                        pen = false;
                        continue;
                    }
                    double px = f.px(s.x[k]);
                    double py = f.py(s.y[k]);
                    if (pen) {
                        path.lineTo(px, py);
                    } else {
                        path.moveTo(px, py);
                        pen = true;
                    }
                }
                g.draw(path);
                double r = lw * 1.6;
                for (int k = 0; k < s.x.length; k++) {
                    if (Double.isFinite(s.x[k]) && Double.isFinite(s.y[k]) && s.x.length <= 100) {
                        g.fill(new Ellipse2D.Double(f.px(s.x[k]) - r, f.py(s.y[k]) - r, 2 * r, 2 * r));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The band y +- spread as one translucent polygon per run of finite points. */
    private static void drawBand(Graphics2D g, PlotFrame f, Series s, java.awt.Color c) {
        if (s.spread == null) {
            return;
        }
        g.setColor(new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA));
        int k = 0;
        while (k < s.x.length) {
            int start = k;
            while (k < s.x.length && Double.isFinite(s.x[k]) && Double.isFinite(s.y[k]) && Double.isFinite(s.spread[k])) {
                k++;
            }
            if (k - start >= 2) {
                Path2D.Double band = new Path2D.Double();
                band.moveTo(f.px(s.x[start]), f.py(s.y[start] + Math.abs(s.spread[start])));
                for (int j = start + 1; j < k; j++) {
                    band.lineTo(f.px(s.x[j]), f.py(s.y[j] + Math.abs(s.spread[j])));
                }
                for (int j = k - 1; j >= start; j--) {
                    band.lineTo(f.px(s.x[j]), f.py(s.y[j] - Math.abs(s.spread[j])));
                }
                band.closePath();
                g.fill(band);
            }
            k = Math.max(k, start) + 1;
        }
    }

    public void writePng(Path target, int width, int height) throws IOException {
        Canvas.writePng(render(width, height), target);
    }

    private static double[] oneBased(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
