package org.hqcm.engine.plot;

import java.awt.AlphaComposite;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of attention examples like the paper's Fig 10: the input slice (greyscale), the tumour mask, then
 * for each model its attention map (colour map) with a caption under it (typically its Jaccard index),
 * then for each model its map laid over the input. Images are {@code float[row][column]}; inputs and maps
 * are min-max scaled per image for display, and maps are stretched to the input's size with bilinear
 * interpolation. Immutable.
 */
public final class AttentionGallery {

    /** One example: one attention map and one caption per model. */
    public record Row(String label, float[][] image, float[][] mask, List<float[][]> maps, List<String> captions) {
    }

    private final String title;
    private final List<String> models;
    private final List<Row> rows;
    private final Colormap colormap;
    private final boolean overlays;

    private AttentionGallery(String title, List<String> models, List<Row> rows, Colormap colormap, boolean overlays) {
        this.title = title;
        this.models = models;
        this.rows = rows;
        this.colormap = colormap;
        this.overlays = overlays;
    }

    /** A gallery of one model's maps; columns input, mask, attention, overlay. */
    public static AttentionGallery of(String title) {
        return new AttentionGallery(title, List.of(""), List.of(), Colormap.JET, true);
    }

    /** A gallery comparing the maps of several models (Fig 10 compares two). */
    public static AttentionGallery of(String title, List<String> modelNames) {
        if (modelNames.isEmpty()) {
            throw new IllegalArgumentException("a gallery needs at least one model");
        }
        return new AttentionGallery(title, List.copyOf(modelNames), List.of(), Colormap.JET, true);
    }

    /** Adds an example of a single-model gallery. */
    public AttentionGallery row(String label, float[][] image, float[][] mask, float[][] attention, String caption) {
        return row(label, image, mask, List.<float[][]>of(attention), List.of(caption == null ? "" : caption));
    }

    /**
     * Adds an example; {@code mask} must have the input's size (null: no mask known, as for images given to
     * predict; the mask column is left out when no row has one), the maps may be smaller (e.g. H/8), one map and one
     * caption per model.
     */
    public AttentionGallery row(String label, float[][] image, float[][] mask, List<float[][]> maps, List<String> captions) {
        checkGrid("image", image);
        if (mask != null) {
            checkGrid("mask", mask);
        }
        if (maps.size() != models.size() || captions.size() != models.size()) {
            throw new IllegalArgumentException("row '" + label + "' has " + maps.size() + " maps and " + captions.size()
                    + " captions for " + models.size() + " models");
        }
        for (float[][] m : maps) {
            checkGrid("attention map", m);
        }
        if (mask != null && (mask.length != image.length || mask[0].length != image[0].length)) {
            throw new IllegalArgumentException("mask of row '" + label + "' is " + mask.length + " x "
                    + mask[0].length + ", expected the input's " + image.length + " x " + image[0].length);
        }
        List<Row> l = new ArrayList<>(rows);
        l.add(new Row(label == null ? "" : label, image, mask, List.copyOf(maps), List.copyOf(captions)));
        return new AttentionGallery(title, models, List.copyOf(l), colormap, overlays);
    }

    public AttentionGallery colormap(Colormap map) {
        return new AttentionGallery(title, models, rows, map, overlays);
    }

    /**
     * The maps alone, without their overlays on the input: a gallery of several explanation methods side by side
     * (input, mask, one map per method) stays as wide as the paper's figure.
     */
    public AttentionGallery withoutOverlays() {
        return new AttentionGallery(title, models, rows, colormap, false);
    }

    /** Column titles, left to right. */
    List<String> columns() {
        List<String> c = new ArrayList<>(masks() ? List.of("input", "mask") : List.of("input"));
        for (String m : models) {
            c.add(m.isEmpty() ? "attention" : overlays ? m + " attention" : m);
        }
        for (String m : overlays ? models : List.<String>of()) {
            c.add(m.isEmpty() ? "overlay" : m + " overlay");
        }
        return c;
    }

    /** Whether the gallery has a mask column: unless every row came without a mask. */
    private boolean masks() {
        return rows.isEmpty() || rows.stream().anyMatch(r -> r.mask() != null);
    }

    /** Renders with square panels of {@code cell} pixels; the image size follows from rows and models. */
    public BufferedImage render(int cell) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an attention gallery needs at least one row");
        }
        if (cell < 16) {
            throw new IllegalArgumentException("panel size must be >= 16 pixels, got " + cell);
        }
        List<String> columns = columns();
        int gap = Math.max(4, cell / 24);
        // fonts as for an 800 x 600 figure whatever the gallery's size
        var titleFont = Theme.titleFont(800, 600);
        var textFont = Theme.labelFont(800, 600);
        BufferedImage probe = Canvas.newImage(Canvas.MIN_SIZE, Canvas.MIN_SIZE);
        Graphics2D pg = probe.createGraphics();
        FontMetrics hm = pg.getFontMetrics(titleFont);
        FontMetrics tm = pg.getFontMetrics(textFont);
        int labelWidth = 0;
        for (Row r : rows) {
            labelWidth = Math.max(labelWidth, tm.stringWidth(r.label()));
        }
        int columnWidth = cell;
        for (String c : columns) {
            columnWidth = Math.max(columnWidth, tm.stringWidth(c) + gap);
        }
        for (Row r : rows) {
            for (String c : r.captions()) {
                columnWidth = Math.max(columnWidth, tm.stringWidth(c) + gap);
            }
        }
        pg.dispose();
        boolean captions = rows.stream().anyMatch(r -> r.captions().stream().anyMatch(c -> !c.isEmpty()));
        int rowHeight = cell + gap + (captions ? tm.getHeight() : 0);
        int left = gap + (labelWidth > 0 ? labelWidth + 2 * gap : 0);
        int top = gap + (PlotFrame.blank(title) ? 0 : hm.getHeight() + gap) + tm.getHeight() + gap;
        int width = left + columns.size() * (columnWidth + gap);
        int height = top + rows.size() * rowHeight;
        BufferedImage image = Canvas.newImage(Math.max(width, Canvas.MIN_SIZE), Math.max(height, Canvas.MIN_SIZE));
        Graphics2D g = Canvas.graphics(image);
        try {
            g.setColor(Theme.TEXT);
            if (!PlotFrame.blank(title)) {
                g.setFont(titleFont);
                g.drawString(title, width / 2 - hm.stringWidth(title) / 2, gap + hm.getAscent());
            }
            g.setFont(textFont);
            for (int c = 0; c < columns.size(); c++) {
                String s = columns.get(c);
                g.drawString(s, panelX(left, c, columnWidth, cell, gap) + cell / 2 - tm.stringWidth(s) / 2, top - gap - tm.getDescent());
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int k = models.size();
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                int y = top + r * rowHeight;
                BufferedImage input = toImage(row.image(), Colormap.GREY);
                g.drawImage(input, panelX(left, 0, columnWidth, cell, gap), y, cell, cell, null);
                int first = masks() ? 2 : 1;
                if (row.mask() != null) {
                    g.drawImage(toImage(row.mask(), Colormap.GREY), panelX(left, 1, columnWidth, cell, gap), y, cell, cell,
                            null);
                }
                for (int m = 0; m < k; m++) {
                    BufferedImage map = toImage(row.maps().get(m), colormap);
                    int mx = panelX(left, first + m, columnWidth, cell, gap);
                    g.drawImage(map, mx, y, cell, cell, null);
                    String caption = row.captions().get(m);
                    g.setColor(Theme.TEXT);
                    g.drawString(caption, mx + cell / 2 - tm.stringWidth(caption) / 2, y + cell + tm.getAscent() + 2);
                    if (!overlays) {
                        continue;
                    }
                    int ox = panelX(left, first + k + m, columnWidth, cell, gap);
                    g.drawImage(input, ox, y, cell, cell, null);
                    var saved = g.getComposite();
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
                    g.drawImage(map, ox, y, cell, cell, null);
                    g.setComposite(saved);
                }
                g.setColor(Theme.TEXT);
                g.drawString(row.label(), gap, y + cell / 2 + tm.getAscent() / 2);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Left edge of the panel in {@code column}, centred in a column that a long title may have widened. */
    private static int panelX(int left, int column, int columnWidth, int cell, int gap) {
        return left + column * (columnWidth + gap) + (columnWidth - cell) / 2;
    }

    public void writePng(Path target, int cell) throws IOException {
        Canvas.writePng(render(cell), target);
    }

    /** Min-max scales a grid into an image through a colour map (a constant grid shows as 0). */
    static BufferedImage toImage(float[][] grid, Colormap map) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float[] line : grid) {
            for (float v : line) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        float range = hi - lo;
        BufferedImage img = new BufferedImage(grid[0].length, grid.length, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < grid.length; y++) {
            for (int x = 0; x < grid[0].length; x++) {
                float v = grid[y][x];
                img.setRGB(x, y, map.rgb(range > 0 && Float.isFinite(v) ? (v - lo) / range : 0));
            }
        }
        return img;
    }

    private static void checkGrid(String what, float[][] grid) {
        if (grid == null || grid.length == 0 || grid[0].length == 0) {
            throw new IllegalArgumentException(what + " must be a non-empty grid");
        }
        for (float[] line : grid) {
            if (line.length != grid[0].length) {
                throw new IllegalArgumentException(what + " rows must all have " + grid[0].length + " columns");
            }
        }
    }
}
