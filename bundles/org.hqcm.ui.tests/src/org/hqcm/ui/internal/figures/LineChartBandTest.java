package org.hqcm.ui.internal.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.XInput;
import org.junit.jupiter.api.Test;

/**
 * A line with a ± sd band (Compare Groups' curves): the band is filled, see-through, behind the lines, on screen and in
 * the SVG export, the axis range takes the band in, and the read-out names the band's ends.
 */
class LineChartBandTest {

    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] MEAN = {0.40, 0.50, 0.55, 0.60, 0.62};
    private static final double SD = 0.08;

    @Test
    void aBandIsFilledBehindItsLineOnScreenAndInSvgAndTheReadOutNamesIt() throws Exception {
        Shell shell = new Shell(PlatformUI.getWorkbench().getDisplay());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(700, 420);
            LineChart chart = new LineChart(shell, "Validation accuracy", "Epoch", "Accuracy", true);
            double[] low = new double[X.length];
            double[] high = new double[X.length];
            for (int i = 0; i < X.length; i++) {
                low[i] = MEAN[i] - SD;
                high[i] = MEAN[i] + SD;
            }
            double[] other = {0.30, 0.31, 0.32, 0.33, 0.34};
            chart.setSeries(List.of(new LineChart.Series("quantum (mean \u00b1 sd)", X, MEAN, low, high),
                    new LineChart.Series("classical", X, other)));
            shell.open();
            UiTesting.flush();
            chart.control().redraw();
            UiTesting.flush();

            double[] range = chart.shownRange();
            assertTrue(range[2] <= low[0] && range[3] >= high[X.length - 1],
                    "the y range takes the band in: " + java.util.Arrays.toString(range));

            ImageData screen = grab(chart);
            // inside the band, between the mean line and the band's top: the first colour, seen through (not white,
            // not the opaque line colour)
            // at epoch 2.5, between the vertical grid lines; the band's top there is (0.50 + 0.55) / 2 + SD = 0.605
            RGB inside = pixel(screen, chart.pixel(2.5, (MEAN[1] + MEAN[2]) / 2 + SD / 2));
            RGB line = rgb(LineChart.PALETTE[0]);
            assertNotEquals(new RGB(255, 255, 255), inside, "the band is filled");
            assertNotEquals(line, inside, "see-through");
            assertTrue(inside.blue > inside.red, "tinted with the line's blue: " + inside);
            // above the band: the plot's white
            // 0.675: above the band's top, below the 0.7 grid line
            Point outside = chart.pixel(2.5, 0.675);
            assertTrue(outside.y > chart.plotArea().y + 2, "a point above the band inside the plot: " + outside + " in "
                    + chart.plotArea());
            assertEquals(new RGB(255, 255, 255), pixel(screen, outside), "no fill outside the band");
            UiTesting.screenshot(shell, "line-chart-band.png");

            String svg = FigureExport.svg(chart.control(), chart, new Point(700, 420));
            assertTrue(svg.contains("<polygon") && svg.contains("fill-opacity=\"0.220\""), "the SVG fills the band");
            assertTrue(svg.indexOf("<polygon") < svg.indexOf("<polyline points"), "the band is drawn before the lines");

            XInput.moveTo(chart.control(), chart.pixel(3, MEAN[2]));
            UiTesting.waitUntil("the read-out", Duration.ofSeconds(5), () -> chart.hoverText() != null);
            assertEquals(String.format(Locale.ROOT, "quantum (mean \u00b1 sd): epoch 3, %.4f (band %.4f to %.4f)", MEAN[2],
                    low[2], high[2]), chart.hoverText());
        } finally {
            shell.dispose();
        }
    }

    @Test
    void aBandNeedsBothEndsAtEveryPoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LineChart.Series("a", X, MEAN, new double[] {0}, new double[] {1}));
        assertTrue(e.getMessage().contains("5 points"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LineChart.Series("a", X, MEAN, MEAN, null));
    }

    private static ImageData grab(LineChart chart) {
        Point size = chart.control().getSize();
        Image image = new Image(chart.control().getDisplay(), size.x, size.y);
        GC gc = new GC(chart.control());
        try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static RGB pixel(ImageData data, Point p) {
        return data.palette.getRGB(data.getPixel(p.x, p.y));
    }

    private static RGB rgb(int rgb) {
        return new RGB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
    }
}
