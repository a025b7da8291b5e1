package org.hqcm.engine.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Finds solid regions of one colour in a rendered chart, for assertions on what was drawn where. */
final class Pixels {

    /** A run of adjacent columns that contain the colour: left..right inclusive, and its top and bottom. */
    record Block(int left, int right, int top, int bottom) {
        int height() {
            return bottom - top + 1;
        }

        int centreX() {
            return (left + right) / 2;
        }
    }

    private Pixels() {
    }

    static boolean is(BufferedImage img, int x, int y, Color c) {
        return (img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF);
    }

    /** Whether each channel is within {@code tol} of {@code c} (for alpha-blended marks). */
    static boolean near(BufferedImage img, int x, int y, Color c, int tol) {
        int v = img.getRGB(x, y);
        return Math.abs(((v >> 16) & 0xFF) - c.getRed()) <= tol && Math.abs(((v >> 8) & 0xFF) - c.getGreen()) <= tol
                && Math.abs((v & 0xFF) - c.getBlue()) <= tol;
    }

    /** Mean {x, y} of the pixels near colour {@code c}, or null when there are none. */
    static double[] centroid(BufferedImage img, Color c, int tol) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (near(img, x, y, c, tol)) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return n == 0 ? null : new double[] {sx / n, sy / n, n};
    }

    static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (is(img, x, y, c)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Column blocks of colour {@code c} at least {@code minRun} pixels tall (ignores text and legend dots). */
    static List<Block> columnBlocks(BufferedImage img, Color c, int minRun) {
        List<Block> blocks = new ArrayList<>();
        int start = -1;
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int x = 0; x <= img.getWidth(); x++) {
            int colTop = -1;
            int colBottom = -1;
            if (x < img.getWidth()) {
                int run = 0;
                for (int y = 0; y < img.getHeight(); y++) {
                    if (is(img, x, y, c)) {
                        run++;
                        if (run >= minRun && colTop < 0) {
                            colTop = y - run + 1;
                        }
                        if (run >= minRun) {
                            colBottom = y;
                        }
                    } else {
                        run = 0;
                    }
                }
            }
            if (colTop >= 0) {
                if (start < 0) {
                    start = x;
                    top = colTop;
                    bottom = colBottom;
                } else {
                    top = Math.min(top, colTop);
                    bottom = Math.max(bottom, colBottom);
                }
            } else if (start >= 0) {
                blocks.add(new Block(start, x - 1, top, bottom));
                start = -1;
            }
        }
        return blocks;
    }
}
