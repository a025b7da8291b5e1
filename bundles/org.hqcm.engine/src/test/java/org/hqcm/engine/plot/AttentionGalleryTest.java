package org.hqcm.engine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentionGalleryTest {

    @TempDir
    Path dir;

    @Test
    void rowsAddPanelsAndMapUsesTheColormap() throws Exception {
        float[][] image = new float[16][16];
        float[][] mask = new float[16][16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image[y][x] = x + y;
                mask[y][x] = x >= 8 && y >= 8 ? 1 : 0;
            }
        }
        float[][] map = {{0, 0.2f}, {0.4f, 3}};
        AttentionGallery one = AttentionGallery.of("Attention").row("glioma #1", image, mask, map, "J@0.90 = 0.50");
        BufferedImage a = one.render(64);
        BufferedImage b = one.row("glioma #2", image, mask, map, "J@0.90 = 0.25").render(64);
        assertEquals(a.getWidth(), b.getWidth());
        assertTrue(b.getHeight() - a.getHeight() >= 64, "a second row adds at least one panel height");
        // the map's maximum is drawn in the colour map's top colour; the mask is pure black and white
        assertTrue(Pixels.count(a, Colormap.JET.color(1)) > 100);
        assertTrue(Pixels.count(a, java.awt.Color.WHITE) > 32 * 32 / 2);

        Path png = dir.resolve("gallery.png");
        one.writePng(png, 64);
        assertEquals(a.getWidth(), ImageIO.read(png.toFile()).getWidth());
    }

    /** Explanations of an image given to predict: no mask known, the methods' maps side by side without overlays. */
    @Test
    void withoutMaskOrOverlaysOnlyTheInputAndTheMaps() {
        float[][] image = new float[8][8];
        float[][] a = {{0, 1}, {0, 0}};
        AttentionGallery g = AttentionGallery.of("", java.util.List.of("T_s", "Grad-CAM", "occlusion")).withoutOverlays()
                .row("", image, null, java.util.List.of(a, a, a), java.util.List.of("", "", ""));
        assertEquals(java.util.List.of("input", "T_s", "Grad-CAM", "occlusion"), g.columns());
        BufferedImage four = g.render(48);
        BufferedImage withMask = AttentionGallery.of("", java.util.List.of("T_s", "Grad-CAM", "occlusion"))
                .withoutOverlays().row("", image, new float[8][8], java.util.List.of(a, a, a), java.util.List.of("", "", ""))
                .render(48);
        assertTrue(withMask.getWidth() >= four.getWidth() + 48, withMask.getWidth() + " vs " + four.getWidth());
        assertEquals(3, Pixels.columnBlocks(four, Colormap.JET.color(1), 10).size(), "three maps, no overlay");
    }

    @Test
    void twoModelsGetTwoMapAndTwoOverlayColumns() {
        float[][] image = new float[8][8];
        image[2][3] = 1;
        float[][] mask = new float[8][8];
        float[][] low = {{0, 1}, {0, 0}};
        float[][] high = {{0, 0}, {0, 1}};
        AttentionGallery g = AttentionGallery.of("Fig 10", java.util.List.of("HQCM-EBTC", "Classical"));
        assertEquals(java.util.List.of("input", "mask", "HQCM-EBTC attention", "Classical attention", "HQCM-EBTC overlay",
                "Classical overlay"), g.columns());
        BufferedImage two = g.row("glioma", image, mask, java.util.List.of(low, high), java.util.List.of("J=0.41", "J=0.38"))
                .render(48);
        BufferedImage one = AttentionGallery.of("Fig 10").row("glioma", image, mask, low, "J=0.41").render(48);
        assertTrue(two.getWidth() >= one.getWidth() + 2 * 48, two.getWidth() + " vs " + one.getWidth());
        // each model's map puts its top colour in a different place: two separate JET-red blocks
        assertEquals(2, Pixels.columnBlocks(two, Colormap.JET.color(1), 10).size());
        assertThrows(IllegalArgumentException.class,
                () -> g.row("x", image, mask, java.util.List.<float[][]>of(low), java.util.List.of("only one")));
    }

    @Test
    void toImageScalesMinMaxPerImage() {
        BufferedImage img = AttentionGallery.toImage(new float[][] {{2, 4, 6}}, Colormap.GREY);
        assertEquals(0x000000, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x808080, img.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(2, 0) & 0xFFFFFF);
    }

    @Test
    void rejectsMaskOfAnotherSize() {
        assertThrows(IllegalArgumentException.class, () -> AttentionGallery.of("t").row("r", new float[4][4],
                new float[2][2], new float[1][1], ""));
    }
}
