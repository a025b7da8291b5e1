package org.hqcm.engine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapTest {

    @TempDir
    Path dir;

    @Test
    void confusionCellsAreShadedByRowShare() throws Exception {
        Path png = dir.resolve("confusion.png");
        // row shares: [0.75 0.25] and [0 1]
        Heatmap.confusion("Confusion", List.of("healthy", "tumour"), new long[][] {{6, 2}, {0, 10}})
                .writePng(png, 500, 500);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(500, img.getWidth());
        double[] full = Pixels.centroid(img, Colormap.BLUES.color(1.0), 0);
        double[] threeQuarters = Pixels.centroid(img, Colormap.BLUES.color(0.75), 0);
        double[] quarter = Pixels.centroid(img, Colormap.BLUES.color(0.25), 0);
        assertNotNull(full);
        assertNotNull(threeQuarters);
        assertNotNull(quarter);
        // (1,1) is below and right of (0,0); (0,1) is right of (0,0) on the same row
        assertTrue(full[0] > threeQuarters[0] && full[1] > threeQuarters[1]);
        assertEquals(threeQuarters[1], quarter[1], 3);
        assertTrue(quarter[0] > threeQuarters[0]);
        // the cells are large blocks, not specks
        assertTrue(full[2] > 100 * 100, "pixels of the (1,1) cell: " + full[2]);
        // no shade of 0.5 anywhere: colour comes from the share, not from the count
        assertNull(Pixels.centroid(img, Colormap.BLUES.color(0.5), 0));
    }

    @Test
    void rejectsNonSquareConfusion() {
        assertThrows(IllegalArgumentException.class,
                () -> Heatmap.confusion("c", List.of("a", "b"), new long[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class,
                () -> Heatmap.confusion("c", List.of("a", "b"), new long[][] {{1, 2}, {3}}));
    }

    @Test
    void colormapEndsAndMidpoint() {
        assertEquals(0x000000, Colormap.GREY.rgb(0));
        assertEquals(0xFFFFFF, Colormap.GREY.rgb(1));
        assertEquals(0x808080, Colormap.GREY.rgb(0.5)); // 127.5 rounds up
        assertEquals(0x000000, Colormap.GREY.rgb(Double.NaN));
        assertEquals(0xFFFFFF, Colormap.GREY.rgb(7));
        assertEquals(0xFDE725, Colormap.VIRIDIS.rgb(1));
        assertTrue(Colormap.BLUES.isDark(1) && !Colormap.BLUES.isDark(0));
    }
}
