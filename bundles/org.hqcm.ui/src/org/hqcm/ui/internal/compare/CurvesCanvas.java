package org.hqcm.ui.internal.compare;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.RunRecord;

/**
 * Overlaid per-epoch curves of several runs (one colour each) drawn with SWT's GC: org.eclipse.swtchart 1.1.0,
 * the only version on Maven Central, is compiled for Java 21 and cannot run on the project's Java 17.
 */
final class CurvesCanvas {

    private static final int[][] PALETTE = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40},
        {148, 103, 189}, {140, 86, 75}};
    private static final int MARGIN = 40;

    private final Canvas canvas;
    private final String title;
    private final ToDoubleFunction<EpochRecord> value;
    private List<RunRecord> runs = List.of();
    private List<String> names = List.of();

    CurvesCanvas(Composite parent, String title, ToDoubleFunction<EpochRecord> value) {
        this.title = title;
        this.value = value;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addPaintListener(e -> paint(e.gc));
    }

    void show(List<String> runNames, List<RunRecord> records) {
        this.names = runNames;
        this.runs = records;
        canvas.redraw();
    }

    Canvas control() {
        return canvas;
    }

    /** The largest epoch count and the value range over all runs: {maxEpoch, min, max}. */
    double[] extent() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int epochs = 1;
        for (RunRecord r : runs) {
            epochs = Math.max(epochs, r.getEpochs().size());
            for (EpochRecord e : r.getEpochs()) {
                double v = value.applyAsDouble(e);
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return new double[] {epochs, 0, 1};
        }
        return new double[] {epochs, min, max == min ? min + 1 : max};
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setAntialias(SWT.ON);
        gc.drawText(title, MARGIN, 4, true);
        int x0 = MARGIN;
        int y0 = area.height - MARGIN / 2;
        int w = area.width - MARGIN - 10;
        int h = area.height - MARGIN - MARGIN / 2;
        if (w <= 0 || h <= 0) {
            return;
        }
        double[] ext = extent();
        gc.drawLine(x0, y0, x0 + w, y0);
        gc.drawLine(x0, y0, x0, y0 - h);
        gc.drawText(String.format(Locale.ROOT, "%.3f", ext[2]), 2, y0 - h - 6, true);
        gc.drawText(String.format(Locale.ROOT, "%.3f", ext[1]), 2, y0 - 14, true);
        for (int i = 0; i < runs.size(); i++) {
            int[] rgb = PALETTE[i % PALETTE.length];
            Color c = new Color(gc.getDevice(), rgb[0], rgb[1], rgb[2]);
            try {
                gc.setForeground(c);
                gc.setLineWidth(2);
                List<EpochRecord> epochs = runs.get(i).getEpochs();
                int[] points = new int[epochs.size() * 2];
                for (int k = 0; k < epochs.size(); k++) {
                    double v = value.applyAsDouble(epochs.get(k));
                    points[2 * k] = x0 + (int) Math.round(ext[0] <= 1 ? 0 : w * k / (ext[0] - 1));
                    points[2 * k + 1] = y0 - (int) Math.round(h * (v - ext[1]) / (ext[2] - ext[1]));
                }
                gc.drawPolyline(points);
                gc.drawText(names.get(i), x0 + w - 220, y0 - h + 16 * i, true);
            } finally {
                gc.setLineWidth(1);
                gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
                c.dispose();
            }
        }
    }
}
