package org.hqcm.engine.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parallel-coordinates chart: one vertical axis per sweep axis and a last one for a metric, one polyline per
 * configuration from its axis values to its metric, coloured by the metric (viridis, dark = low). An axis whose values
 * are all numbers is scaled by value; any other axis spaces its values evenly in the order given. Immutable.
 */
public final class ParallelCoordinates {

    /** One configuration: its value on each axis (as text) and its metric. */
    public record Line(List<String> values, double metric) {
        public Line {
            values = List.copyOf(values);
        }
    }

    private final String title;
    private final List<String> axes;
    private final String metric;
    private final List<Line> lines;

    private ParallelCoordinates(String title, List<String> axes, String metric, List<Line> lines) {
        this.title = title;
        this.axes = List.copyOf(axes);
        this.metric = metric;
        this.lines = List.copyOf(lines);
    }

    /** A chart over {@code axes} ending in {@code metric}. */
    public static ParallelCoordinates of(String title, List<String> axes, String metric) {
        return new ParallelCoordinates(title, axes, metric, List.of());
    }

    /** Adds a configuration; {@code values} has one entry per axis. */
    public ParallelCoordinates line(List<String> values, double metricValue) {
        if (values.size() != axes.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + axes.size() + " axes");
        }
        List<Line> l = new ArrayList<>(lines);
        l.add(new Line(values, metricValue));
        return new ParallelCoordinates(title, axes, metric, l);
    }

    /** Where each value of each axis lies, 0 (bottom) to 1 (top). */
    private List<AxisScale> scales() {
        List<AxisScale> out = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            List<String> distinct = new ArrayList<>();
            boolean numeric = true;
            for (Line l : lines) {
                String v = l.values().get(a);
                if (!distinct.contains(v)) {
                    distinct.add(v);
                }
                numeric &= number(v) != null;
            }
            out.add(new AxisScale(distinct, numeric));
        }
        return out;
    }

    private record AxisScale(List<String> values, boolean numeric) {
        double position(String v) {
            if (numeric && values.size() > 1) {
                double lo = values.stream().mapToDouble(ParallelCoordinates::numberOrNaN).min().orElse(0);
                double hi = values.stream().mapToDouble(ParallelCoordinates::numberOrNaN).max().orElse(1);
                return hi > lo ? (numberOrNaN(v) - lo) / (hi - lo) : 0.5;
            }
            // categories inset from the ends, so that their labels do not sit on the metric's extremes
            return values.size() <= 1 ? 0.5 : 0.1 + 0.8 * values.indexOf(v) / (values.size() - 1);
        }
    }

    private static Double number(String v) {
        try {
            double d = Double.parseDouble(v.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double numberOrNaN(String v) {
        Double d = number(v);
        return d == null ? Double.NaN : d;
    }

    public BufferedImage render(int width, int height) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a parallel-coordinates chart needs at least one line");
        }
        BufferedImage image = Canvas.newImage(width, height);
        Graphics2D g = Canvas.graphics(image);
        try {
            g.setFont(Theme.titleFont(width, height));
            FontMetrics tfm = g.getFontMetrics();
            g.setColor(Theme.TEXT);
            g.drawString(title, (width - tfm.stringWidth(title)) / 2, tfm.getAscent() + 8);
            g.setFont(Theme.tickFont(width, height));
            FontMetrics fm = g.getFontMetrics();
            int top = tfm.getHeight() + fm.getHeight() * 2 + 16;
            int bottom = height - fm.getHeight() - 16;
            int left = Math.max(60, width / 12);
            int right = width - Math.max(90, width / 8);
            int n = axes.size() + 1;
            double[] x = new double[n];
            for (int a = 0; a < n; a++) {
                x[a] = n == 1 ? (left + right) / 2.0 : left + (right - left) * (double) a / (n - 1);
            }
            double lo = lines.stream().mapToDouble(Line::metric).filter(Double::isFinite).min().orElse(0);
            double hi = lines.stream().mapToDouble(Line::metric).filter(Double::isFinite).max().orElse(1);
            if (!(hi > lo)) {
                lo -= 0.5;
                hi += 0.5;
            }
            Scale ms = Scale.nice(lo, hi, 6);
            List<AxisScale> scales = scales();
            // axes
            g.setStroke(Theme.AXIS_STROKE);
            for (int a = 0; a < n; a++) {
                g.setColor(Theme.AXIS);
                g.drawLine((int) x[a], top, (int) x[a], bottom);
                String name = a < axes.size() ? axes.get(a) : metric;
                g.setColor(Theme.TEXT);
                int w = fm.stringWidth(name);
                g.drawString(name, (int) Math.max(2, Math.min(width - w - 2, x[a] - w / 2.0)), top - fm.getHeight() / 2 - 4);
            }
            // lines, the best drawn last (on top)
            List<Line> sorted = new ArrayList<>(lines);
            sorted.sort((p, q) -> Double.compare(p.metric(), q.metric()));
            g.setStroke(new BasicStroke(Math.max(2f, width / 450f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Line l : sorted) {
                Path2D.Double path = new Path2D.Double();
                for (int a = 0; a < n; a++) {
                    double pos = a < axes.size() ? scales.get(a).position(l.values().get(a))
                            : (l.metric() - ms.min()) / (ms.max() - ms.min());
                    double y = bottom - (bottom - top) * pos;
                    if (a == 0) {
                        path.moveTo(x[a], y);
                    } else {
                        path.lineTo(x[a], y);
                    }
                }
                double t = (l.metric() - lo) / (hi - lo);
                Color c = Colormap.VIRIDIS.color(Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0);
                g.setColor(c);
                g.draw(path);
            }
            // value labels last, on a white box, so lines never cross them
            g.setStroke(Theme.AXIS_STROKE);
            for (int a = 0; a < n; a++) {
                List<String[]> marks = new ArrayList<>();
                if (a < axes.size()) {
                    for (String v : scales.get(a).values()) {
                        marks.add(new String[] {v, String.valueOf(bottom - (bottom - top) * scales.get(a).position(v))});
                    }
                } else {
                    for (double t : ms.ticks()) {
                        marks.add(new String[] {String.format(Locale.ROOT, "%.3g", t),
                                String.valueOf(bottom - (bottom - top) * (t - ms.min()) / (ms.max() - ms.min()))});
                    }
                }
                for (String[] m : marks) {
                    int y = (int) Double.parseDouble(m[1]);
                    int w = fm.stringWidth(m[0]);
                    g.setColor(Theme.BACKGROUND);
                    g.fillRect((int) x[a] + 5, y - fm.getAscent() / 2 - 1, w + 2, fm.getAscent() + 2);
                    g.setColor(Theme.AXIS);
                    g.drawLine((int) x[a] - 3, y, (int) x[a] + 3, y);
                    g.setColor(Theme.TEXT);
                    g.drawString(m[0], (int) x[a] + 6, y + fm.getAscent() / 2 - 1);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public void writePng(Path target, int width, int height) throws IOException {
        Canvas.writePng(render(width, height), target);
    }
}
