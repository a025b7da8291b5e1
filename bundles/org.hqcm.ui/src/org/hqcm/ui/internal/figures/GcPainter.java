package org.hqcm.ui.internal.figures;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Transform;

/** A {@link Painter} on an SWT GC; {@link #dispose()} frees the colours and the bold font it made. */
public final class GcPainter implements Painter {

    private final GC gc;
    private final Font normal;
    private Font boldFont;
    private final Map<Integer, Color> colors = new HashMap<>();

    public GcPainter(GC gc) {
        this.gc = gc;
        this.normal = gc.getFont();
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
    }

    private Color swt(int rgb) {
        return colors.computeIfAbsent(rgb, c -> new Color(gc.getDevice(), (c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
    }

    @Override
    public void color(int rgb) {
        gc.setForeground(swt(rgb));
    }

    @Override
    public void lineWidth(int width) {
        gc.setLineWidth(width);
    }

    @Override
    public void dashed(boolean dashed) {
        gc.setLineStyle(dashed ? SWT.LINE_DOT : SWT.LINE_SOLID);
    }

    @Override
    public void bold(boolean bold) {
        if (bold && boldFont == null) {
            FontData[] data = normal.getFontData();
            for (FontData d : data) {
                d.setStyle(SWT.BOLD);
            }
            boldFont = new Font(gc.getDevice(), data);
        }
        gc.setFont(bold ? boldFont : normal);
    }

    @Override
    public void line(int x1, int y1, int x2, int y2) {
        gc.drawLine(x1, y1, x2, y2);
    }

    @Override
    public void polyline(int[] points) {
        gc.drawPolyline(points);
    }

    @Override
    public void rect(int x, int y, int width, int height) {
        gc.drawRectangle(x, y, width, height);
    }

    @Override
    public void fillRect(int x, int y, int width, int height, int rgb) {
        gc.setBackground(swt(rgb));
        gc.fillRectangle(x, y, width, height);
    }

    @Override
    public void roundBox(int x, int y, int width, int height, int arc, int fill) {
        gc.setBackground(swt(fill));
        gc.fillRoundRectangle(x, y, width, height, arc, arc);
        gc.drawRoundRectangle(x, y, width, height, arc, arc);
    }

    @Override
    public void oval(int x, int y, int width, int height) {
        gc.drawOval(x, y, width, height);
    }

    @Override
    public void fillOval(int x, int y, int width, int height, int rgb) {
        gc.setBackground(swt(rgb));
        gc.fillOval(x, y, width, height);
    }

    @Override
    public void fillPolygon(int[] points, int rgb, int alpha) {
        int before = gc.getAlpha();
        gc.setBackground(swt(rgb));
        gc.setAlpha(alpha);
        gc.fillPolygon(points);
        gc.setAlpha(before);
    }

    @Override
    public void text(String text, int x, int y) {
        gc.drawText(text, x, y, true);
    }

    @Override
    public void textUp(String text, int x, int y) {
        Point e = gc.textExtent(text);
        Transform t = new Transform(gc.getDevice());
        try {
            t.translate(x, y + e.x);
            t.rotate(-90);
            gc.setTransform(t);
            gc.drawText(text, 0, 0, true);
        } finally {
            gc.setTransform(null);
            t.dispose();
        }
    }

    @Override
    public Point extent(String text) {
        return gc.textExtent(text);
    }

    @Override
    public void clip(int x, int y, int width, int height) {
        gc.setClipping(x, y, width, height);
    }

    @Override
    public void unclip() {
        gc.setClipping((org.eclipse.swt.graphics.Rectangle) null);
    }

    public void dispose() {
        gc.setFont(normal);
        colors.values().forEach(Color::dispose);
        colors.clear();
        if (boldFont != null) {
            boldFont.dispose();
        }
    }
}
