package org.hqcm.engine.plot;

import java.awt.AlphaComposite;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One image with its attention map laid over it (the same colouring and opacity as the gallery's overlay column)
 * and a caption line underneath: what {@code hqcm predict} writes per image.
 */
public final class AttentionOverlay {

    private AttentionOverlay() {
    }

    /** Renders {@code image} (grey, any range) with {@code attention} (any grid size, stretched over it). */
    public static BufferedImage render(float[][] image, float[][] attention, String caption, int cell) {
        var font = Theme.labelFont(800, 600);
        BufferedImage probe = Canvas.newImage(Canvas.MIN_SIZE, Canvas.MIN_SIZE);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        pg.dispose();
        int gap = Math.max(4, cell / 24);
        int width = Math.max(cell + 2 * gap, fm.stringWidth(caption) + 2 * gap);
        int height = cell + 3 * gap + fm.getHeight();
        BufferedImage out = Canvas.newImage(Math.max(width, Canvas.MIN_SIZE), Math.max(height, Canvas.MIN_SIZE));
        Graphics2D g = Canvas.graphics(out);
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int x = (out.getWidth() - cell) / 2;
            g.drawImage(AttentionGallery.toImage(image, Colormap.GREY), x, gap, cell, cell, null);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
            g.drawImage(AttentionGallery.toImage(attention, Colormap.JET), x, gap, cell, cell, null);
            g.setComposite(AlphaComposite.SrcOver);
            g.setFont(font);
            g.setColor(Theme.TEXT);
            g.drawString(caption, out.getWidth() / 2 - fm.stringWidth(caption) / 2, cell + 2 * gap + fm.getAscent());
        } finally {
            g.dispose();
        }
        return out;
    }

    public static void writePng(Path target, float[][] image, float[][] attention, String caption, int cell)
            throws IOException {
        Canvas.writePng(render(image, attention, caption, cell), target);
    }
}
