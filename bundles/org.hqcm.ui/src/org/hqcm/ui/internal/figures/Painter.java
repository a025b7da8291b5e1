package org.hqcm.ui.internal.figures;

import org.eclipse.swt.graphics.Point;

/**
 * What a figure draws with: lines, rectangles, ovals and text in integer pixels, colours as 0xRRGGBB. One
 * implementation paints on an SWT GC (the screen, PNG export), one writes SVG; both measure text with the same SWT
 * font, so the two look alike.
 */
public interface Painter {

    /** Colour of lines, outlines and text from now on. */
    void color(int rgb);

    void lineWidth(int width);

    /** Dashed lines (grid lines) or solid ones. */
    void dashed(boolean dashed);

    /** Bold text (titles) or the normal font. */
    void bold(boolean bold);

    void line(int x1, int y1, int x2, int y2);

    /** x0, y0, x1, y1, ... */
    void polyline(int[] points);

    void rect(int x, int y, int width, int height);

    void fillRect(int x, int y, int width, int height, int rgb);

    /** A filled rounded rectangle with an outline in the current colour. */
    void roundBox(int x, int y, int width, int height, int arc, int fill);

    void oval(int x, int y, int width, int height);

    void fillOval(int x, int y, int width, int height, int rgb);

    /** A filled polygon (x0, y0, x1, y1, ...) in a colour seen through: alpha 0 (invisible) to 255 (opaque). */
    void fillPolygon(int[] points, int rgb, int alpha);

    /** Text with its top-left corner at (x, y). */
    void text(String text, int x, int y);

    /** Text turned 90 degrees counter-clockwise (a y-axis title), the turned box's top-left at (x, y). */
    void textUp(String text, int x, int y);

    /** Width and height of the text in the current font. */
    Point extent(String text);

    /** Limits drawing to a rectangle until {@link #unclip()}. */
    void clip(int x, int y, int width, int height);

    void unclip();
}
