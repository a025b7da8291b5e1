package org.hqcm.engine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterChartTest {

    @TempDir
    Path dir;

    @Test
    void classesAreColouredAndPlacedByCoordinates() throws Exception {
        double[][] pts = new double[40][];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            boolean second = i % 2 == 1;
            pts[i] = new double[] {(second ? 10 : 0) + (i % 5) * 0.1, (second ? 10 : 0) + (i % 7) * 0.1};
            labels[i] = second ? 1 : 0;
        }
        Path png = dir.resolve("tsne.png");
        ScatterChart.of("t-SNE", pts, labels, List.of("healthy", "glioma")).writePng(png, 600, 500);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(500, img.getHeight());
        BufferedImage plot = img.getSubimage(0, 0, 450, 500); // leave out the legend swatches
        double[] a = Pixels.centroid(plot, blendOnWhite(Theme.seriesColor(0)), 2);
        double[] b = Pixels.centroid(plot, blendOnWhite(Theme.seriesColor(1)), 2);
        assertNotNull(a);
        assertNotNull(b);
        // class 1 sits at larger x (right) and larger y (up, i.e. smaller pixel row)
        assertTrue(b[0] > a[0] + 150, "x " + a[0] + " vs " + b[0]);
        assertTrue(b[1] < a[1] - 150, "y " + a[1] + " vs " + b[1]);
    }

    @Test
    void rejectsLabelsOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> ScatterChart.of("t", new double[][] {{0, 0}}, new int[] {2}, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> ScatterChart.of("t", new double[][] {{0, Double.NaN}}, new int[] {0}, List.of("a")));
    }

    /** Marks are drawn with alpha 190/255 over the white background. */
    private static Color blendOnWhite(Color c) {
        double a = 190 / 255.0;
        return new Color((int) Math.round(c.getRed() * a + 255 * (1 - a)),
                (int) Math.round(c.getGreen() * a + 255 * (1 - a)), (int) Math.round(c.getBlue() * a + 255 * (1 - a)));
    }
}
