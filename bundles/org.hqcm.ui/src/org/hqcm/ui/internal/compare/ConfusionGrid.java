package org.hqcm.ui.internal.compare;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.plot.Colormap;
import org.hqcm.model.RunRecord;

/**
 * One run's test confusion matrix as a heat grid drawn with SWT's GC: rows are true classes, columns predicted
 * ones; each cell shows its count and its share of the row, and is shaded by that share with the colours of the
 * engine's confusion.png, so grids of runs with different test-set sizes read alike.
 */
final class ConfusionGrid {

    private static final int PAD = 6;

    private final Canvas canvas;
    private final String title;
    private final ConfusionCounts matrix;

    ConfusionGrid(Composite parent, String title, RunRecord record) {
        this.title = title;
        this.matrix = matrixOf(record);
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addPaintListener(e -> paint(e.gc));
    }

    /** The matrix of the run record, or null when the run has none (it did not reach its test evaluation). */
    static ConfusionCounts matrixOf(RunRecord record) {
        var m = record.getConfusionMatrix();
        List<String> classes = record.getExperiment() == null ? List.of()
                : List.copyOf(record.getExperiment().getDataset().getClassNames());
        int k = classes.size();
        if (m == null || m.getSize() != k || m.getCounts().size() != k * k) {
            return null;
        }
        long[][] counts = new long[k][k];
        for (int i = 0; i < k * k; i++) {
            counts[i / k][i % k] = m.getCounts().get(i);
        }
        return ConfusionCounts.ofCounts(counts, classes);
    }

    Canvas control() {
        return canvas;
    }

    /** What the grid shows, or null when the run has no confusion matrix. */
    ConfusionCounts matrix() {
        return matrix;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setAntialias(SWT.ON);
        int line = gc.getFontMetrics().getHeight();
        gc.drawText(fit(gc, title, area.width - 2 * PAD), PAD, PAD / 2, true);
        if (matrix == null) {
            gc.drawText(Messages.CompareRunsView_noConfusion, PAD, PAD + line, true);
            return;
        }
        List<String> classes = matrix.classNames();
        int k = classes.size();
        int labelWidth = 0;
        for (String c : classes) {
            labelWidth = Math.max(labelWidth, gc.textExtent(c).x);
        }
        int x0 = PAD + labelWidth + PAD;
        int y0 = PAD + 2 * line;
        // square cells as large as fit: below the grid one line of predicted-class names and the axis caption
        int cell = Math.min((area.width - x0 - PAD) / k, (area.height - y0 - 2 * line - PAD) / k);
        if (cell < 8) {
            return;
        }
        gc.drawText(fit(gc, Messages.CompareRunsView_confusionAxes, area.width - 2 * PAD), PAD, PAD / 2 + line, true);
        double[][] share = matrix.rowNormalised();
        for (int r = 0; r < k; r++) {
            Point label = gc.textExtent(classes.get(r));
            gc.drawText(classes.get(r), x0 - PAD - label.x, y0 + r * cell + (cell - label.y) / 2, true);
            for (int c = 0; c < k; c++) {
                paintCell(gc, x0 + c * cell, y0 + r * cell, cell, matrix.count(r, c), share[r][c]);
            }
        }
        for (int c = 0; c < k; c++) {
            String name = fit(gc, classes.get(c), cell - 2);
            Point p = gc.textExtent(name);
            gc.drawText(name, x0 + c * cell + (cell - p.x) / 2, y0 + k * cell + 2, true);
        }
    }

    private static void paintCell(GC gc, int x, int y, int size, long count, double share) {
        int rgb = Colormap.BLUES.rgb(share);
        Color fill = new Color(gc.getDevice(), (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        Color foreground = gc.getForeground();
        try {
            gc.setBackground(fill);
            gc.fillRectangle(x, y, size, size);
            gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_GRAY));
            gc.drawRectangle(x, y, size, size);
            int text = Colormap.BLUES.isDark(share) ? SWT.COLOR_WHITE : SWT.COLOR_BLACK;
            gc.setForeground(gc.getDevice().getSystemColor(text));
            String top = Long.toString(count);
            String bottom = String.format(Locale.ROOT, "%.0f%%", 100 * share);
            Point a = gc.textExtent(top);
            Point b = gc.textExtent(bottom);
            if (a.y + b.y <= size) {
                gc.drawText(top, x + (size - a.x) / 2, y + size / 2 - a.y, true);
                gc.drawText(bottom, x + (size - b.x) / 2, y + size / 2, true);
            } else if (a.x <= size) {
                gc.drawText(top, x + (size - a.x) / 2, y + (size - a.y) / 2, true);
            }
        } finally {
            gc.setForeground(foreground);
            fill.dispose();
        }
    }

    /** The name, shortened with an ellipsis to fit {@code width} pixels. */
    private static String fit(GC gc, String name, int width) {
        if (gc.textExtent(name).x <= width) {
            return name;
        }
        for (int n = name.length() - 1; n > 0; n--) {
            String s = name.substring(0, n) + "\u2026";
            if (gc.textExtent(s).x <= width) {
                return s;
            }
        }
        return "";
    }
}
