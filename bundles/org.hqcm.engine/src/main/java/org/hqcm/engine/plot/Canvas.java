package org.hqcm.engine.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.hqcm.engine.internal.io.Png;

/**
 * Creates anti-aliased images and writes them as PNG atomically. Only off-screen images are drawn, which
 * needs no display: on a server without one the JDK runs headless by itself (no DISPLAY), and a launcher
 * may pass {@code -Djava.awt.headless=true}. The property is deliberately not set here, where it would leak
 * into an IDE process that loads this package.
 */
final class Canvas {

    static final int MIN_SIZE = 16;
    static final int MAX_SIZE = 10_000;

    private Canvas() {
    }

    static BufferedImage newImage(int width, int height) {
        checkSize(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Theme.BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    static void checkSize(int width, int height) {
        if (width < MIN_SIZE || height < MIN_SIZE || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("image size must be within " + MIN_SIZE + ".." + MAX_SIZE
                    + " pixels per side, got " + width + " x " + height);
        }
    }

    static void writePng(BufferedImage image, Path target) throws IOException {
        Png.write(image, target);
    }
}
