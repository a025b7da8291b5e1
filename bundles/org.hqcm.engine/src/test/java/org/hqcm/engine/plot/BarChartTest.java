package org.hqcm.engine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarChartTest {

    @TempDir
    Path dir;

    @Test
    void writesPngOfRequestedSizeWithBarsInProportion() throws Exception {
        Path png = dir.resolve("classes.png");
        BarChart.of("Class distribution", List.of("healthy", "meningioma", "glioma", "pituitary"),
                new double[] {100, 50, 200, 25}).xLabel("class").yLabel("images").writePng(png, 640, 480);

        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        assertTrue(Files.list(dir).allMatch(p -> p.equals(png)), "no temp file left behind");

        List<Pixels.Block> bars = Pixels.columnBlocks(img, Theme.seriesColor(0), 3);
        assertEquals(4, bars.size(), "one solid block per category: " + bars);
        // all bars stand on the same baseline, heights proportional to the values
        for (Pixels.Block b : bars) {
            assertEquals(bars.get(0).bottom(), b.bottom(), 1);
        }
        double unit = bars.get(1).height() / 50.0;
        assertEquals(100 * unit, bars.get(0).height(), 2);
        assertEquals(200 * unit, bars.get(2).height(), 2);
        assertEquals(25 * unit, bars.get(3).height(), 2);
        // left to right in category order
        assertTrue(bars.get(0).centreX() < bars.get(1).centreX() && bars.get(2).centreX() < bars.get(3).centreX());
    }

    @Test
    void groupedSeriesUseTheirPaletteColours() {
        BufferedImage img = BarChart.of("Split", List.of("a", "b"), new double[] {10, 20}).seriesName(0, "train")
                .series("test", new double[] {5, 40}).render(500, 400);
        // runs of >= 15 px: bars, not the small legend swatches
        List<Pixels.Block> first = Pixels.columnBlocks(img, Theme.seriesColor(0), 15);
        List<Pixels.Block> second = Pixels.columnBlocks(img, Theme.seriesColor(1), 15);
        assertEquals(2, first.size());
        assertEquals(2, second.size());
        // series 1 sits right of series 0 within each group; b/test (40) is the tallest bar
        assertTrue(second.get(0).left() >= first.get(0).right());
        assertEquals(2 * first.get(1).height(), second.get(1).height(), 2);
        assertEquals(first.get(0).height() / 2.0, second.get(0).height(), 2);
    }

    @Test
    void rejectsMismatchedLengthsAndBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> BarChart.of("x", List.of("a", "b"), new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> BarChart.of("x", List.of("a"), new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> BarChart.of("x", List.of("a"), new double[] {1}).render(0, 10));
    }
}
