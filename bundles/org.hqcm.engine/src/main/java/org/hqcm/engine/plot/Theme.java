package org.hqcm.engine.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * The one look of every figure: fonts, colours and the series palette. The palette is Okabe and Ito's
 * colour-blind-safe set, so class colours stay distinguishable for every reader and in greyscale print.
 */
public final class Theme {

    /** Series colours in order; series {@code i} gets {@code PALETTE[i % PALETTE.length]}. */
    private static final Color[] PALETTE = {
        new Color(0x00, 0x72, 0xB2), // blue
        new Color(0xD5, 0x5E, 0x00), // vermillion
        new Color(0x00, 0x9E, 0x73), // bluish green
        new Color(0xCC, 0x79, 0xA7), // reddish purple
        new Color(0xE6, 0x9F, 0x00), // orange
        new Color(0x56, 0xB4, 0xE9), // sky blue
        new Color(0xF0, 0xE4, 0x42), // yellow
        new Color(0x00, 0x00, 0x00), // black
    };

    public static final Color BACKGROUND = Color.WHITE;
    public static final Color AXIS = new Color(0x33, 0x33, 0x33);
    public static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    public static final Color TEXT = new Color(0x22, 0x22, 0x22);

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Stroke AXIS_STROKE = new BasicStroke(1.2f);
    static final Stroke GRID_STROKE = new BasicStroke(1f);

    private Theme() {
    }

    /** The colour of series (or class) {@code index}. */
    public static Color seriesColor(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("series index must be >= 0, got " + index);
        }
        return PALETTE[index % PALETTE.length];
    }

    /** Number of distinct palette colours before they repeat. */
    public static int paletteSize() {
        return PALETTE.length;
    }

    /** Fonts scale with the image so a 1600-px figure is as readable as an 800-px one. */
    static Font titleFont(int width, int height) {
        return new Font(FONT_FAMILY, Font.BOLD, scaled(width, height, 16));
    }

    static Font labelFont(int width, int height) {
        return new Font(FONT_FAMILY, Font.PLAIN, scaled(width, height, 13));
    }

    static Font tickFont(int width, int height) {
        return new Font(FONT_FAMILY, Font.PLAIN, scaled(width, height, 11));
    }

    private static int scaled(int width, int height, int base) {
        double s = Math.min(width / 800.0, height / 600.0);
        return (int) Math.max(9, Math.round(base * Math.max(0.75, s)));
    }
}
