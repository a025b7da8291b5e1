package org.hqcm.engine.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart over named categories; with more than one series the bars are grouped per category.
 * Immutable: every setter returns a new chart.
 *
 * <pre>
 * BarChart.of("Class distribution", List.of("healthy", "glioma"), new double[] {120, 80})
 *         .xLabel("class").yLabel("images").writePng(path, 800, 600);
 * </pre>
 */
public final class BarChart {

    /** One series: a name (shown in the legend when there are several) and one value per category. */
    public record Series(String name, double[] values) {
        public Series {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    private final String title;
    private final List<String> categories;
    private final List<Series> series;
    private final String xLabel;
    private final String yLabel;
    private final boolean valueLabels;

    private BarChart(String title, List<String> categories, List<Series> series, String xLabel, String yLabel,
            boolean valueLabels) {
        this.title = title;
        this.categories = categories;
        this.series = series;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.valueLabels = valueLabels;
    }

    /** A single-series bar chart; {@code values[i]} is the height of {@code categories.get(i)}. */
    public static BarChart of(String title, List<String> categories, double[] values) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category");
        }
        return new BarChart(title, List.copyOf(categories), List.of(), null, null, true).series("", values);
    }

    /** {@link #of(String, List, double[])} with an array of categories. */
    public static BarChart of(String title, String[] categories, double[] values) {
        return of(title, List.of(categories), values);
    }

    /** {@link #of(String, List, double[])} for counts. */
    public static BarChart of(String title, List<String> categories, long[] counts) {
        double[] v = new double[counts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = counts[i];
        }
        return of(title, categories, v);
    }

    /**
     * Adds a series, drawn as the next bar of each group. The first series of {@link #of} is unnamed; name
     * it with {@link #seriesName} when a legend is wanted.
     */
    public BarChart series(String name, double[] values) {
        if (values.length != categories.size()) {
            throw new IllegalArgumentException("series '" + name + "' has " + values.length + " values for "
                    + categories.size() + " categories");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("series '" + name + "' has a non-finite value " + v);
            }
        }
        List<Series> s = new ArrayList<>(series);
        s.add(new Series(name == null ? "" : name, values));
        return new BarChart(title, categories, List.copyOf(s), xLabel, yLabel, valueLabels);
    }

    /** Renames series {@code index} (0 = the series given to {@link #of}). */
    public BarChart seriesName(int index, String name) {
        List<Series> s = new ArrayList<>(series);
        s.set(index, new Series(name, s.get(index).values()));
        return new BarChart(title, categories, List.copyOf(s), xLabel, yLabel, valueLabels);
    }

    public BarChart xLabel(String label) {
        return new BarChart(title, categories, series, label, yLabel, valueLabels);
    }

    public BarChart yLabel(String label) {
        return new BarChart(title, categories, series, xLabel, label, valueLabels);
    }

    /** Whether each bar's value is written above it (default on). */
    public BarChart valueLabels(boolean on) {
        return new BarChart(title, categories, series, xLabel, yLabel, on);
    }

    /** Draws the chart into a new image. */
    public BufferedImage render(int width, int height) {
        BufferedImage image = Canvas.newImage(width, height);
        Graphics2D g = Canvas.graphics(image);
        try {
            double lo = 0;
            double hi = 0;
            for (Series s : series) {
                for (double v : s.values) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (valueLabels && hi > 0) {
                hi *= 1.08; // room for the labels above the tallest bar
            }
            Scale y = Scale.nice(lo, hi, 6);
            List<PlotFrame.LegendEntry> legend = new ArrayList<>();
            if (series.size() > 1) {
                for (int i = 0; i < series.size(); i++) {
                    legend.add(new PlotFrame.LegendEntry(series.get(i).name(), Theme.seriesColor(i)));
                }
            }
            PlotFrame f = PlotFrame.categorical(g, width, height, title, xLabel, yLabel, categories, y, legend);
            double groupWidth = f.slotWidth() * 0.8;
            double barWidth = groupWidth / series.size();
            double zero = f.py(0);
            g.setFont(Theme.tickFont(width, height));
            var fm = g.getFontMetrics();
            for (int c = 0; c < categories.size(); c++) {
                double x0 = f.categoryCentre(c) - groupWidth / 2;
                for (int s = 0; s < series.size(); s++) {
                    double v = series.get(s).values[c];
                    double yv = f.py(v);
                    int bx = (int) Math.round(x0 + s * barWidth);
                    int bw = Math.max(1, (int) Math.round(x0 + (s + 1) * barWidth) - bx - (series.size() > 1 ? 1 : 0));
                    int by = (int) Math.round(Math.min(yv, zero));
                    int bh = (int) Math.round(Math.abs(zero - yv));
                    g.setColor(Theme.seriesColor(s));
                    g.fillRect(bx, by, bw, bh);
                    if (valueLabels) {
                        String text = format(v);
                        if (fm.stringWidth(text) <= bw + 8) {
                            g.setColor(Theme.TEXT);
                            int ty = v >= 0 ? by - 3 : by + bh + fm.getAscent();
                            g.drawString(text, bx + bw / 2 - fm.stringWidth(text) / 2, ty);
                        }
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes a PNG atomically. */
    public void writePng(Path target, int width, int height) throws IOException {
        Canvas.writePng(render(width, height), target);
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.3f" : "%.1f", v);
    }
}
