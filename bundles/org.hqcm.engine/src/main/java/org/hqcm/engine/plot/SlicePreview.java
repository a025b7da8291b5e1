package org.hqcm.engine.plot;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of slices as a dataset holds them, each grey with its tumour mask laid over it in red (translucent, with
 * its outline) and a caption under it: what {@code hqcm data info} shows of a volume source, so a researcher sees at
 * a glance that slices are upright, not mirrored, and that masks sit on the tumours. Immutable.
 */
public final class SlicePreview {
    private static final Color MASK = new Color(0xE0, 0x20, 0x20);
    private static final int COLUMNS = 4;

    /** One slice: {@code image[row][col]}, {@code mask} the same size (non-zero = tumour) or null. */
    public record Cell(float[][] image, byte[][] mask, String caption) {
    }

    private final String title;
    private final List<Cell> cells;

    private SlicePreview(String title, List<Cell> cells) {
        this.title = title;
        this.cells = cells;
    }

    public static SlicePreview of(String title) {
        return new SlicePreview(title, List.of());
    }

    public SlicePreview cell(float[][] image, byte[][] mask, String caption) {
        List<Cell> next = new ArrayList<>(cells);
        next.add(new Cell(image, mask, caption));
        return new SlicePreview(title, List.copyOf(next));
    }

    /** Renders cells of {@code size} pixels, four per row. */
    public BufferedImage render(int size) {
        if (cells.isEmpty()) {
            throw new IllegalStateException("a preview needs at least one slice");
        }
        int cols = Math.min(COLUMNS, cells.size());
        int rows = (cells.size() + cols - 1) / cols;
        BufferedImage probe = Canvas.newImage(Canvas.MIN_SIZE, Canvas.MIN_SIZE);
        Graphics2D pg = probe.createGraphics();
        FontMetrics label = pg.getFontMetrics(Theme.labelFont(800, 600));
        FontMetrics head = pg.getFontMetrics(Theme.titleFont(800, 600));
        pg.dispose();
        int gap = Math.max(6, size / 20);
        int cellH = size + gap + label.getHeight();
        int width = Math.max(cols * (size + gap) + gap, head.stringWidth(title) + 2 * gap);
        int height = head.getHeight() + 2 * gap + rows * (cellH + gap);
        BufferedImage out = Canvas.newImage(width, height);
        Graphics2D g = Canvas.graphics(out);
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Theme.TEXT);
            g.setFont(head.getFont());
            g.drawString(title, gap, gap + head.getAscent());
            int top = head.getHeight() + 2 * gap;
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int x = gap + (i % cols) * (size + gap);
                int y = top + (i / cols) * (cellH + gap);
                g.drawImage(AttentionGallery.toImage(c.image(), Colormap.GREY), x, y, size, size, null);
                if (c.mask() != null) {
                    BufferedImage m = maskImage(c.mask());
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.4f));
                    g.drawImage(m, x, y, size, size, null);
                    g.setComposite(AlphaComposite.SrcOver);
                    g.drawImage(outline(c.mask()), x, y, size, size, null);
                }
                g.setColor(Theme.TEXT);
                g.setFont(label.getFont());
                String caption = c.caption();
                while (caption.length() > 3 && label.stringWidth(caption) > size + gap) {
                    caption = caption.substring(0, caption.length() - 2);
                }
                g.drawString(caption, x, y + size + gap / 2 + label.getAscent());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    public void writePng(Path target, int size) throws IOException {
        Canvas.writePng(render(size), target);
    }

    private static BufferedImage maskImage(byte[][] mask) {
        BufferedImage img = new BufferedImage(mask[0].length, mask.length, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < mask.length; y++) {
            for (int x = 0; x < mask[0].length; x++) {
                img.setRGB(x, y, mask[y][x] != 0 ? MASK.getRGB() : 0);
            }
        }
        return img;
    }

    /** The mask's border pixels (inside, next to outside) as opaque red. */
    private static BufferedImage outline(byte[][] mask) {
        int h = mask.length;
        int w = mask[0].length;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (mask[y][x] != 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || mask[y - 1][x] == 0
                        || mask[y + 1][x] == 0 || mask[y][x - 1] == 0 || mask[y][x + 1] == 0)) {
                    img.setRGB(x, y, MASK.getRGB());
                }
            }
        }
        return img;
    }
}
