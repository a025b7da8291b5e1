package org.hqcm.ui.internal.figures;

import java.util.Locale;

import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;

/**
 * A {@link Painter} that writes SVG 1.1. Text is measured with an SWT GC in the font of the screen figure, so the
 * layout is the screen's. Hand-written rather than a library: the figures need seven primitives (about 150 lines
 * here), while Batik's SVGGraphics2D (Apache 2.0, eight jars) draws Java2D calls, not SWT ones, so every figure
 * would be drawn twice, and JFreeSVG is GPL-3.0.
 */
public final class SvgPainter implements Painter {

    private final GcPainter measure;
    private final StringBuilder body = new StringBuilder();
    private final String family;
    private final double fontPx;
    private final int ascent;
    private final int width;
    private final int height;
    private int color;
    private int lineWidth = 1;
    private boolean dashed;
    private boolean bold;
    private int clips;
    private boolean clipped;

    /** @param gc a GC with the figure's font, to measure text (not drawn on) */
    public SvgPainter(GC gc, int width, int height) {
        this.measure = new GcPainter(gc);
        this.width = width;
        this.height = height;
        FontData f = gc.getFont().getFontData()[0];
        this.family = f.getName();
        this.fontPx = f.getHeight() * gc.getDevice().getDPI().y / 72.0;
        this.ascent = gc.getFontMetrics().getAscent() + gc.getFontMetrics().getLeading();
    }

    @Override
    public void color(int rgb) {
        color = rgb;
    }

    @Override
    public void lineWidth(int w) {
        lineWidth = w;
    }

    @Override
    public void dashed(boolean d) {
        dashed = d;
    }

    @Override
    public void bold(boolean b) {
        bold = b;
        measure.bold(b);
    }

    private String stroke() {
        return " fill=\"none\" stroke=\"" + hex(color) + "\" stroke-width=\"" + lineWidth + "\""
                + (dashed ? " stroke-dasharray=\"1,2\"" : "");
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    @Override
    public void line(int x1, int y1, int x2, int y2) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"%s/>%n", x1, y1, x2, y2,
                stroke()));
    }

    @Override
    public void polyline(int[] points) {
        body.append("<polyline points=\"");
        for (int i = 0; i + 1 < points.length; i += 2) {
            body.append(i == 0 ? "" : " ").append(points[i]).append(',').append(points[i + 1]);
        }
        body.append('"').append(stroke()).append(" stroke-linejoin=\"round\"/>\n");
    }

    @Override
    public void rect(int x, int y, int w, int h) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"%s/>%n", x, y, w, h,
                stroke()));
    }

    @Override
    public void fillRect(int x, int y, int w, int h, int rgb) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", x,
                y, w, h, hex(rgb)));
    }

    @Override
    public void roundBox(int x, int y, int w, int h, int arc, int fill) {
        body.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\" fill=\"%s\" stroke=\"%s\"/>%n", x, y, w, h,
                arc / 2, hex(fill), hex(color)));
    }

    @Override
    public void oval(int x, int y, int w, int h) {
        body.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\"%s/>%n",
                x + w / 2.0, y + h / 2.0, w / 2.0, h / 2.0, stroke()));
    }

    @Override
    public void fillOval(int x, int y, int w, int h, int rgb) {
        body.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" fill=\"%s\"/>%n",
                x + w / 2.0, y + h / 2.0, w / 2.0, h / 2.0, hex(rgb)));
    }

    @Override
    public void fillPolygon(int[] points, int rgb, int alpha) {
        body.append("<polygon points=\"");
        for (int i = 0; i + 1 < points.length; i += 2) {
            body.append(i == 0 ? "" : " ").append(points[i]).append(',').append(points[i + 1]);
        }
        body.append(String.format(Locale.ROOT, "\" fill=\"%s\" fill-opacity=\"%.3f\"/>%n", hex(rgb), alpha / 255.0));
    }

    @Override
    public void text(String text, int x, int y) {
        body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\"%s>%s</text>%n", x, y + ascent, font(),
                escape(text)));
    }

    @Override
    public void textUp(String text, int x, int y) {
        int w = extent(text).x;
        body.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%d) rotate(-90)\" x=\"0\" y=\"%d\"%s>%s"
                + "</text>%n", x, y + w, ascent, font(), escape(text)));
    }

    private String font() {
        return String.format(Locale.ROOT, " font-family=\"%s, sans-serif\" font-size=\"%.1fpx\"%s fill=\"%s\"",
                escape(family), fontPx, bold ? " font-weight=\"bold\"" : "", hex(color));
    }

    @Override
    public Point extent(String text) {
        return measure.extent(text);
    }

    @Override
    public void clip(int x, int y, int w, int h) {
        unclip();
        clips++;
        body.append(String.format(Locale.ROOT, "<clipPath id=\"c%d\"><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                + "height=\"%d\"/></clipPath>%n<g clip-path=\"url(#c%d)\">%n", clips, x, y, w, h, clips));
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            body.append("</g>\n");
            clipped = false;
        }
    }

    /** The whole document; the painter is spent afterwards. */
    public String svg() {
        unclip();
        measure.dispose();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                + "width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body + "</svg>\n";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
