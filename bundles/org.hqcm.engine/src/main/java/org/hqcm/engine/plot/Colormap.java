package org.hqcm.engine.plot;

import java.awt.Color;

/** Colour scales that map a value in [0, 1] to a colour, by linear interpolation between anchor colours. */
public enum Colormap {
    /** White to the palette's blue: confusion matrices (a dark cell = many images). */
    BLUES(0xFFFFFF, 0xC6DBEF, 0x6BAED6, 0x2171B5, 0x08306B),
    /** Perceptually uniform (matplotlib's viridis, sampled at 9 points): attention maps. */
    VIRIDIS(0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725),
    /** The rainbow map of the paper's Fig 10 (matplotlib's jet, sampled). */
    JET(0x00007F, 0x0000FF, 0x007FFF, 0x00FFFF, 0x7FFF7F, 0xFFFF00, 0xFF7F00, 0xFF0000, 0x7F0000),
    /** Black to white: greyscale MRI slices. */
    GREY(0x000000, 0xFFFFFF);

    private final int[] anchors;

    Colormap(int... anchors) {
        this.anchors = anchors;
    }

    /** RGB (0xRRGGBB) of {@code t}; values outside [0, 1] are clamped, NaN maps to 0. */
    public int rgb(double t) {
        if (!(t > 0)) {
            return anchors[0];
        }
        if (t >= 1) {
            return anchors[anchors.length - 1];
        }
        double pos = t * (anchors.length - 1);
        int i = (int) Math.floor(pos);
        double f = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int gr = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (gr << 8) | bl;
    }

    public Color color(double t) {
        return new Color(rgb(t));
    }

    /** Whether dark text or light text reads better on the colour of {@code t}. */
    public boolean isDark(double t) {
        int c = rgb(t);
        double luminance = 0.299 * ((c >> 16) & 0xFF) + 0.587 * ((c >> 8) & 0xFF) + 0.114 * (c & 0xFF);
        return luminance < 140;
    }
}
