package org.hqcm.engine.plot;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A matrix of coloured cells with a text in each, row labels on the left and column labels below (the
 * confusion matrices of Fig 9). Cell colours come from values in [0, 1]. Immutable.
 */
public final class Heatmap {

    private final String title;
    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final double[][] shade;
    private final String[][] text;
    private final String rowAxis;
    private final String columnAxis;
    private final Colormap colormap;

    private Heatmap(String title, List<String> rowLabels, List<String> columnLabels, double[][] shade,
            String[][] text, String rowAxis, String columnAxis, Colormap colormap) {
        this.title = title;
        this.rowLabels = rowLabels;
        this.columnLabels = columnLabels;
        this.shade = shade;
        this.text = text;
        this.rowAxis = rowAxis;
        this.columnAxis = columnAxis;
        this.colormap = colormap;
    }

    /**
     * A general heatmap.
     *
     * @param shade values in [0, 1] that pick each cell's colour ({@code shade[row][column]})
     * @param text  the annotation of each cell, or null for none
     */
    public static Heatmap of(String title, List<String> rowLabels, List<String> columnLabels, double[][] shade,
            String[][] text) {
        int rows = rowLabels.size();
        int cols = columnLabels.size();
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one row and one column");
        }
        if (shade.length != rows) {
            throw new IllegalArgumentException(shade.length + " rows of values for " + rows + " row labels");
        }
        double[][] s = new double[rows][];
        String[][] t = new String[rows][cols];
        for (int r = 0; r < rows; r++) {
            if (shade[r].length != cols || (text != null && text[r].length != cols)) {
                throw new IllegalArgumentException("row " + r + " must have " + cols + " cells");
            }
            s[r] = shade[r].clone();
            for (int c = 0; c < cols; c++) {
                t[r][c] = text == null ? "" : text[r][c];
            }
        }
        return new Heatmap(title, List.copyOf(rowLabels), List.copyOf(columnLabels), s, t, null, null,
                Colormap.BLUES);
    }

    /**
     * A confusion matrix: rows are true classes, columns predicted; each cell shows its count and, below,
     * its share of the row (recall on the diagonal); the colour is that share.
     */
    public static Heatmap confusion(String title, List<String> classNames, long[][] counts) {
        int k = classNames.size();
        if (counts.length != k) {
            throw new IllegalArgumentException("confusion matrix has " + counts.length + " rows for " + k + " classes");
        }
        double[][] share = new double[k][k];
        String[][] text = new String[k][k];
        for (int r = 0; r < k; r++) {
            if (counts[r].length != k) {
                throw new IllegalArgumentException("confusion matrix row " + r + " has " + counts[r].length
                        + " cells for " + k + " classes");
            }
            long sum = 0;
            for (long c : counts[r]) {
                sum += c;
            }
            for (int c = 0; c < k; c++) {
                share[r][c] = sum == 0 ? 0 : counts[r][c] / (double) sum;
                text[r][c] = counts[r][c] + "\n" + String.format(Locale.ROOT, "%.2f", share[r][c]);
            }
        }
        return of(title, classNames, classNames, share, text).axes("true class", "predicted class");
    }

    /** Names of the row axis (left) and the column axis (bottom). */
    public Heatmap axes(String rowAxisName, String columnAxisName) {
        return new Heatmap(title, rowLabels, columnLabels, shade, text, rowAxisName, columnAxisName, colormap);
    }

    public Heatmap colormap(Colormap map) {
        return new Heatmap(title, rowLabels, columnLabels, shade, text, rowAxis, columnAxis, map);
    }

    public BufferedImage render(int width, int height) {
        BufferedImage image = Canvas.newImage(width, height);
        Graphics2D g = Canvas.graphics(image);
        try {
            var titleFont = Theme.titleFont(width, height);
            var labelFont = Theme.labelFont(width, height);
            var tickFont = Theme.tickFont(width, height);
            FontMetrics hm = g.getFontMetrics(titleFont);
            FontMetrics lm = g.getFontMetrics(labelFont);
            FontMetrics tm = g.getFontMetrics(tickFont);
            int pad = Math.max(6, width / 100);
            int rowLabelWidth = 0;
            for (String s : rowLabels) {
                rowLabelWidth = Math.max(rowLabelWidth, tm.stringWidth(s));
            }
            int colLabelWidth = 0;
            for (String s : columnLabels) {
                colLabelWidth = Math.max(colLabelWidth, tm.stringWidth(s));
            }
            int left = pad + (PlotFrame.blank(rowAxis) ? 0 : lm.getHeight() + pad) + rowLabelWidth + pad;
            int top = pad + (PlotFrame.blank(title) ? 0 : hm.getHeight() + pad);
            int right = width - pad;
            int cols = columnLabels.size();
            int rows = rowLabels.size();
            boolean rotate = colLabelWidth > (right - left) / cols - 6;
            int colLabelHeight = rotate ? (int) Math.ceil(colLabelWidth * Math.sqrt(0.5) + tm.getHeight()) : tm.getHeight();
            int bottom = height - pad - (PlotFrame.blank(columnAxis) ? 0 : lm.getHeight() + pad) - colLabelHeight - pad;
            if (right - left < 10 * cols || bottom - top < 10 * rows) {
                throw new IllegalArgumentException("image " + width + " x " + height + " is too small for a "
                        + rows + " x " + cols + " heatmap");
            }
            double cw = (right - left) / (double) cols;
            double ch = (bottom - top) / (double) rows;
            int cellFontSize = (int) Math.max(8, Math.min(tickFont.getSize() * 1.2, Math.min(cw / 5, ch / 4)));
            var cellFont = tickFont.deriveFont((float) cellFontSize);
            FontMetrics cm = g.getFontMetrics(cellFont);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int x0 = (int) Math.round(left + c * cw);
                    int y0 = (int) Math.round(top + r * ch);
                    int x1 = (int) Math.round(left + (c + 1) * cw);
                    int y1 = (int) Math.round(top + (r + 1) * ch);
                    g.setColor(colormap.color(shade[r][c]));
                    g.fillRect(x0, y0, x1 - x0, y1 - y0);
                    String[] lines = text[r][c].split("\n");
                    g.setFont(cellFont);
                    g.setColor(colormap.isDark(shade[r][c]) ? Theme.BACKGROUND : Theme.TEXT);
                    int total = lines.length * cm.getHeight();
                    int ty = (y0 + y1) / 2 - total / 2 + cm.getAscent();
                    for (String line : lines) {
                        g.drawString(line, (x0 + x1) / 2 - cm.stringWidth(line) / 2, ty);
                        ty += cm.getHeight();
                    }
                }
            }
            g.setColor(Theme.AXIS);
            g.setStroke(Theme.AXIS_STROKE);
            g.drawRect(left, top, right - left, bottom - top);
            g.setFont(tickFont);
            g.setColor(Theme.TEXT);
            for (int r = 0; r < rows; r++) {
                String s = rowLabels.get(r);
                int cy = (int) Math.round(top + (r + 0.5) * ch);
                g.drawString(s, left - pad - tm.stringWidth(s), cy + tm.getAscent() / 2 - 1);
            }
            for (int c = 0; c < cols; c++) {
                String s = columnLabels.get(c);
                int cx = (int) Math.round(left + (c + 0.5) * cw);
                if (rotate) {
                    AffineTransform saved = g.getTransform();
                    g.translate(cx, bottom + pad + tm.getAscent() / 2.0);
                    g.rotate(-Math.PI / 4);
                    g.drawString(s, -tm.stringWidth(s), 0);
                    g.setTransform(saved);
                } else {
                    g.drawString(s, cx - tm.stringWidth(s) / 2, bottom + pad + tm.getAscent());
                }
            }
            if (!PlotFrame.blank(title)) {
                g.setFont(titleFont);
                g.drawString(title, (left + right) / 2 - hm.stringWidth(title) / 2, pad + hm.getAscent());
            }
            g.setFont(labelFont);
            if (!PlotFrame.blank(columnAxis)) {
                g.drawString(columnAxis, (left + right) / 2 - lm.stringWidth(columnAxis) / 2, height - pad - lm.getDescent());
            }
            if (!PlotFrame.blank(rowAxis)) {
                AffineTransform saved = g.getTransform();
                g.translate(pad + lm.getAscent(), (top + bottom) / 2.0);
                g.rotate(-Math.PI / 2);
                g.drawString(rowAxis, -lm.stringWidth(rowAxis) / 2, 0);
                g.setTransform(saved);
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
