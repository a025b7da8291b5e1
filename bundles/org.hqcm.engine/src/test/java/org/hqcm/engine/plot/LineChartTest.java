package org.hqcm.engine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {

    @TempDir
    Path dir;

    @Test
    void higherSeriesIsDrawnHigherAndFileHasRequestedSize() throws Exception {
        Path png = dir.resolve("curves.png");
        LineChart.of("Accuracy").series("train", new double[] {0.9, 0.9, 0.9, 0.9})
                .dashedSeries("val", new double[] {0.1, 0.1, 0.1, 0.1}).yRange(0, 1).xLabel("epoch").yLabel("accuracy")
                .writePng(png, 700, 450);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(700, img.getWidth());
        assertEquals(450, img.getHeight());
        // exclude the legend (right of the plot area) by looking at the left 70 % only
        BufferedImage plot = img.getSubimage(0, 0, 490, 450);
        double[] train = Pixels.centroid(plot, Theme.seriesColor(0), 0);
        double[] val = Pixels.centroid(plot, Theme.seriesColor(1), 0);
        assertNotNull(train);
        assertNotNull(val);
        assertTrue(train[1] < val[1], "0.9 above 0.1");
        // y = 0.9 and 0.1 are symmetric about 0.5 on a 0..1 axis: the midpoint of the two lines is mid-axis,
        // and their distance is 0.8 of the axis height, so it must be well over half the image height here
        assertTrue(val[1] - train[1] > 0.5 * 450 * 0.8 * 0.7, "distance " + (val[1] - train[1]));
        // the dashed line has gaps: fewer pixels than the solid one of the same length
        assertTrue(val[2] < train[2], "dashed " + val[2] + " vs solid " + train[2]);
    }

    @Test
    void bandCoversMeanPlusMinusSpread() {
        Pixels.Block wide = band(0.2);
        Pixels.Block narrow = band(0.1);
        // twice the spread, twice the band height (within the anti-aliased edge pixels); both centred on the line
        assertEquals(2.0, wide.height() / (double) narrow.height(), 0.1);
        assertEquals((wide.top() + wide.bottom()) / 2.0, (narrow.top() + narrow.bottom()) / 2.0, 1.5);
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("x").bandSeries("a", new double[] {1, 2}, new double[] {1}, false));
    }

    /** The band of mean 0.5 +- spread on a 0..1 axis, found by its blended colour; checks the line is in its middle. */
    private static Pixels.Block band(double spread) {
        double[] sd = {spread, spread, spread, spread};
        BufferedImage img = LineChart.of("Accuracy over seeds").bandSeries("val", new double[] {0.5, 0.5, 0.5, 0.5}, sd, false)
                .yRange(0, 1).render(600, 400);
        java.awt.Color c = Theme.seriesColor(0);
        double a = LineChart.BAND_ALPHA / 255.0;
        java.awt.Color blended = new java.awt.Color((int) Math.round(c.getRed() * a + 255 * (1 - a)),
                (int) Math.round(c.getGreen() * a + 255 * (1 - a)), (int) Math.round(c.getBlue() * a + 255 * (1 - a)));
        BufferedImage plot = img.getSubimage(0, 0, 400, 400); // leave out the legend
        java.util.List<Pixels.Block> blocks = Pixels.columnBlocks(plot, blended, 3);
        assertEquals(1, blocks.size(), blocks.toString());
        Pixels.Block b = blocks.get(0);
        assertEquals((b.top() + b.bottom()) / 2.0, Pixels.centroid(plot, c, 0)[1], 3);
        return b;
    }

    @Test
    void nonFiniteValuesBreakTheLineInsteadOfFailing() {
        BufferedImage img = LineChart.of("loss").series("train", new double[] {1, Double.NaN, 0.5}).render(300, 200);
        assertTrue(Pixels.count(img, Theme.seriesColor(0)) > 0);
    }

    @Test
    void rejectsEmptyChartAndMismatchedSeries() {
        assertThrows(IllegalArgumentException.class, () -> LineChart.of("x").render(300, 200));
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("x").series("a", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> LineChart.of("x").yRange(1, 1));
    }
}
