package org.hqcm.engine.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scatter plot of 2-D points coloured by class, with a legend of class names (t-SNE embeddings, Fig 8).
 * Immutable.
 */
public final class ScatterChart {

    private final String title;
    private final double[][] points;
    private final int[] labels;
    private final List<String> classNames;
    private final String xLabel;
    private final String yLabel;

    private ScatterChart(String title, double[][] points, int[] labels, List<String> classNames, String xLabel,
            String yLabel) {
        this.title = title;
        this.points = points;
        this.labels = labels;
        this.classNames = classNames;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * @param points     {@code points[i] = {x, y}}
     * @param labels     class index of each point, in {@code 0 .. classNames.size()-1}
     * @param classNames legend names; class {@code k} gets {@link Theme#seriesColor(int) seriesColor(k)}
     */
    public static ScatterChart of(String title, double[][] points, int[] labels, List<String> classNames) {
        if (points.length != labels.length) {
            throw new IllegalArgumentException(points.length + " points but " + labels.length + " labels");
        }
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != 2 || !Double.isFinite(points[i][0]) || !Double.isFinite(points[i][1])) {
                throw new IllegalArgumentException("point " + i + " must be two finite numbers");
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label of point " + i + " is " + labels[i] + ", expected 0.."
                        + (classNames.size() - 1));
            }
            copy[i] = points[i].clone();
        }
        return new ScatterChart(title, copy, labels.clone(), List.copyOf(classNames), null, null);
    }

    public ScatterChart xLabel(String label) {
        return new ScatterChart(title, points, labels, classNames, label, yLabel);
    }

    public ScatterChart yLabel(String label) {
        return new ScatterChart(title, points, labels, classNames, xLabel, label);
    }

    public BufferedImage render(int width, int height) {
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            xlo = Math.min(xlo, p[0]);
            xhi = Math.max(xhi, p[0]);
            ylo = Math.min(ylo, p[1]);
            yhi = Math.max(yhi, p[1]);
        }
        if (points.length == 0) {
            xlo = ylo = 0;
            xhi = yhi = 1;
        }
        BufferedImage image = Canvas.newImage(width, height);
        Graphics2D g = Canvas.graphics(image);
        try {
            List<PlotFrame.LegendEntry> legend = new ArrayList<>();
            for (int k = 0; k < classNames.size(); k++) {
                legend.add(new PlotFrame.LegendEntry(classNames.get(k), Theme.seriesColor(k)));
            }
            PlotFrame f = PlotFrame.numeric(g, width, height, title, xLabel, yLabel, Scale.nice(xlo, xhi, 7),
                    Scale.nice(ylo, yhi, 7), legend);
            double r = Math.max(2.5, Math.min(width, height) / 200.0);
            for (int i = 0; i < points.length; i++) {
                Color c = Theme.seriesColor(labels[i]);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 190));
                g.fill(new Ellipse2D.Double(f.px(points[i][0]) - r, f.py(points[i][1]) - r, 2 * r, 2 * r));
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
