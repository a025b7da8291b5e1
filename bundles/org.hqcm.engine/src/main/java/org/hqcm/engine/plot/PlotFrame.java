package org.hqcm.engine.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/**
 * Layout and decoration shared by the x-y charts: title, axis labels, ticks, grid and legend around a
 * rectangular plot area. The x axis is either numeric or a row of categories.
 */
final class PlotFrame {

    /** A legend entry: a name and its colour. */
    record LegendEntry(String name, Color color) {
    }

    final int width;
    final int height;
    final int left;
    final int top;
    final int right;
    final int bottom;
    final Scale y;
    final Scale x; // null for a categorical x axis
    final List<String> categories; // null for a numeric x axis
    private final boolean rotateCategories;
    private final Font titleFont;
    private final Font labelFont;
    private final Font tickFont;

    private PlotFrame(Graphics2D g, int width, int height, String title, String xLabel, String yLabel,
            Scale x, List<String> categories, Scale y, List<LegendEntry> legend) {
        this.width = width;
        this.height = height;
        this.x = x;
        this.categories = categories;
        this.y = y;
        titleFont = Theme.titleFont(width, height);
        labelFont = Theme.labelFont(width, height);
        tickFont = Theme.tickFont(width, height);
        FontMetrics tm = g.getFontMetrics(tickFont);
        FontMetrics lm = g.getFontMetrics(labelFont);
        FontMetrics hm = g.getFontMetrics(titleFont);
        int pad = Math.max(6, width / 100);

        int yTickWidth = 0;
        for (double t : y.ticks()) {
            yTickWidth = Math.max(yTickWidth, tm.stringWidth(y.label(t)));
        }
        int l = pad + (blank(yLabel) ? 0 : lm.getHeight() + pad) + yTickWidth + pad;
        int t = pad + (blank(title) ? 0 : hm.getHeight() + pad);
        int legendWidth = 0;
        if (legend != null && !legend.isEmpty()) {
            for (LegendEntry e : legend) {
                legendWidth = Math.max(legendWidth, tm.stringWidth(e.name()));
            }
            legendWidth += tm.getHeight() + 3 * pad;
        }
        int r = width - pad - Math.max(tm.stringWidth("0000") / 2, legendWidth);
        int xTickHeight = tm.getHeight();
        boolean rotate = false;
        if (categories != null && !categories.isEmpty()) {
            int slot = (r - l) / categories.size();
            int widest = 0;
            for (String c : categories) {
                widest = Math.max(widest, tm.stringWidth(c));
            }
            if (widest > slot - 4) {
                rotate = true;
                xTickHeight = (int) Math.ceil(widest * Math.sin(Math.PI / 4) + tm.getHeight());
            }
        }
        this.rotateCategories = rotate;
        int b = height - pad - (blank(xLabel) ? 0 : lm.getHeight() + pad) - xTickHeight - pad;
        if (r - l < 20 || b - t < 20) {
            throw new IllegalArgumentException("image " + width + " x " + height
                    + " is too small for the chart's labels; use a larger size");
        }
        left = l;
        top = t;
        right = r;
        bottom = b;
        draw(g, title, xLabel, yLabel, legend, pad);
    }

    /** A frame with a categorical x axis. */
    static PlotFrame categorical(Graphics2D g, int width, int height, String title, String xLabel, String yLabel,
            List<String> categories, Scale y, List<LegendEntry> legend) {
        return new PlotFrame(g, width, height, title, xLabel, yLabel, null, categories, y, legend);
    }

    /** A frame with a numeric x axis. */
    static PlotFrame numeric(Graphics2D g, int width, int height, String title, String xLabel, String yLabel,
            Scale x, Scale y, List<LegendEntry> legend) {
        return new PlotFrame(g, width, height, title, xLabel, yLabel, x, null, y, legend);
    }

    double px(double xValue) {
        return left + x.fraction(xValue) * (right - left);
    }

    double py(double yValue) {
        return bottom - y.fraction(yValue) * (bottom - top);
    }

    /** Centre pixel of category {@code i}. */
    double categoryCentre(int i) {
        return left + (i + 0.5) * slotWidth();
    }

    double slotWidth() {
        return (right - left) / (double) categories.size();
    }

    private void draw(Graphics2D g, String title, String xLabel, String yLabel, List<LegendEntry> legend, int pad) {
        // grid
        g.setStroke(Theme.GRID_STROKE);
        g.setColor(Theme.GRID);
        for (double t : y.ticks()) {
            int yy = (int) Math.round(py(t));
            g.drawLine(left, yy, right, yy);
        }
        // axes
        g.setStroke(Theme.AXIS_STROKE);
        g.setColor(Theme.AXIS);
        g.drawLine(left, top, left, bottom);
        g.drawLine(left, bottom, right, bottom);

        g.setFont(tickFont);
        FontMetrics tm = g.getFontMetrics();
        int tick = Math.max(4, pad / 2);
        for (double t : y.ticks()) {
            int yy = (int) Math.round(py(t));
            g.setColor(Theme.AXIS);
            g.drawLine(left - tick, yy, left, yy);
            String s = y.label(t);
            g.setColor(Theme.TEXT);
            g.drawString(s, left - tick - 2 - tm.stringWidth(s), yy + tm.getAscent() / 2 - 1);
        }
        int labelTop = bottom + tick + 2;
        if (x != null) {
            for (double t : x.ticks()) {
                int xx = (int) Math.round(px(t));
                g.setColor(Theme.AXIS);
                g.drawLine(xx, bottom, xx, bottom + tick);
                String s = x.label(t);
                g.setColor(Theme.TEXT);
                g.drawString(s, xx - tm.stringWidth(s) / 2, labelTop + tm.getAscent());
            }
        } else {
            for (int i = 0; i < categories.size(); i++) {
                int xx = (int) Math.round(categoryCentre(i));
                g.setColor(Theme.AXIS);
                g.drawLine(xx, bottom, xx, bottom + tick);
                g.setColor(Theme.TEXT);
                String s = categories.get(i);
                if (rotateCategories) {
                    AffineTransform saved = g.getTransform();
                    g.translate(xx, labelTop + tm.getAscent() / 2.0);
                    g.rotate(-Math.PI / 4);
                    g.drawString(s, -tm.stringWidth(s), 0);
                    g.setTransform(saved);
                } else {
                    g.drawString(s, xx - tm.stringWidth(s) / 2, labelTop + tm.getAscent());
                }
            }
        }
        g.setColor(Theme.TEXT);
        if (!blank(title)) {
            g.setFont(titleFont);
            FontMetrics hm = g.getFontMetrics();
            g.drawString(title, (left + right) / 2 - hm.stringWidth(title) / 2, pad + hm.getAscent());
        }
        g.setFont(labelFont);
        FontMetrics lm = g.getFontMetrics();
        if (!blank(xLabel)) {
            g.drawString(xLabel, (left + right) / 2 - lm.stringWidth(xLabel) / 2, height - pad - lm.getDescent());
        }
        if (!blank(yLabel)) {
            AffineTransform saved = g.getTransform();
            g.translate(pad + lm.getAscent(), (top + bottom) / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -lm.stringWidth(yLabel) / 2, 0);
            g.setTransform(saved);
        }
        if (legend != null && !legend.isEmpty()) {
            g.setFont(tickFont);
            int box = tm.getAscent();
            int lx = right + 2 * pad;
            int ly = top;
            for (LegendEntry e : legend) {
                g.setColor(e.color());
                g.fillRect(lx, ly, box, box);
                g.setColor(Theme.TEXT);
                g.drawString(e.name(), lx + box + pad / 2 + 2, ly + box - 1);
                ly += tm.getHeight() + 2;
            }
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
