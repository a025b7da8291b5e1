package org.hqcm.ui.internal.compare;

import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.plot.Colormap;
import org.hqcm.model.RunRecord;

/**
 * One run's test confusion matrix as a heat grid drawn with SWT's GC: rows are true classes, columns predicted
 * ones; each cell shows its count and its share of the row, and is shaded by that share with the colours of the
 * engine's confusion.png, so grids of runs with different test-set sizes read alike. A cell says what it holds in
 * its tooltip; a click on it (or Enter on the cell chosen with the arrow keys) asks for its images.
 */
public final class ConfusionGrid {

    /** Told which cell was opened. */
    @FunctionalInterface
    public interface CellListener {
        void open(int trueClass, int predictedClass);
    }

    private static final int PAD = 6;

    private final Canvas canvas;
    private final String title;
    private final ConfusionCounts matrix;
    private CellListener listener;
    /** Geometry of the last paint: left, top, cell size (0 when no grid fits). */
    private int x0;
    private int y0;
    private int cell;
    private int[] hover;
    private int[] selected = {0, 0};

    public ConfusionGrid(Composite parent, String title, RunRecord record) {
        this.title = title;
        this.matrix = matrixOf(record);
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseMove, e -> setHover(cellAt(e.x, e.y)));
        canvas.addListener(SWT.MouseEnter, e -> setHover(cellAt(e.x, e.y)));
        canvas.addListener(SWT.MouseExit, e -> setHover(null));
        canvas.addListener(SWT.MouseDown, e -> canvas.setFocus());
        canvas.addListener(SWT.MouseUp, e -> {
            int[] c = cellAt(e.x, e.y);
            if (e.button == 1 && c != null) {
                selected = c;
                canvas.redraw();
                open(c);
            }
        });
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.addListener(SWT.Traverse, e -> e.doit = e.detail == SWT.TRAVERSE_TAB_NEXT
                || e.detail == SWT.TRAVERSE_TAB_PREVIOUS || e.detail == SWT.TRAVERSE_ESCAPE);
        canvas.addListener(SWT.FocusIn, e -> canvas.redraw());
        canvas.addListener(SWT.FocusOut, e -> canvas.redraw());
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

    /** Asks {@code l} to open a cell's images on a click or Enter. */
    public void onOpen(CellListener l) {
        this.listener = l;
    }

    public Canvas control() {
        return canvas;
    }

    /** What the grid shows, or null when the run has no confusion matrix. */
    public ConfusionCounts matrix() {
        return matrix;
    }

    /** The cell's rectangle at the last paint, in the canvas's pixels; null when no grid is drawn. */
    public Rectangle cellBounds(int trueClass, int predictedClass) {
        if (matrix == null || cell == 0) {
            return null;
        }
        return new Rectangle(x0 + predictedClass * cell, y0 + trueClass * cell, cell, cell);
    }

    private int[] cellAt(int x, int y) {
        if (matrix == null || cell == 0) {
            return null;
        }
        int k = matrix.classNames().size();
        int c = Math.floorDiv(x - x0, cell);
        int r = Math.floorDiv(y - y0, cell);
        return r >= 0 && r < k && c >= 0 && c < k ? new int[] {r, c} : null;
    }

    private void open(int[] c) {
        if (listener != null && c != null) {
            listener.open(c[0], c[1]);
        }
    }

    private void setHover(int[] c) {
        if (java.util.Arrays.equals(c, hover)) {
            return;
        }
        hover = c;
        canvas.setToolTipText(c == null ? null : describe(c[0], c[1]));
        canvas.redraw();
    }

    /** "True glioma, predicted meningioma: 3 of 30 images (10%). Click to see them." */
    public String describe(int r, int c) {
        List<String> classes = matrix.classNames();
        long row = 0;
        for (int j = 0; j < classes.size(); j++) {
            row += matrix.count(r, j);
        }
        long n = matrix.count(r, c);
        return NLS.bind(Messages.ConfusionGrid_cell, new Object[] {classes.get(r), classes.get(c), n, row,
                String.format(Locale.ROOT, "%.0f", row == 0 ? 0 : 100.0 * n / row)});
    }

    private void key(Event e) {
        if (matrix == null) {
            return;
        }
        int k = matrix.classNames().size();
        switch (e.keyCode) {
            case SWT.ARROW_UP -> selected = new int[] {Math.max(0, selected[0] - 1), selected[1]};
            case SWT.ARROW_DOWN -> selected = new int[] {Math.min(k - 1, selected[0] + 1), selected[1]};
            case SWT.ARROW_LEFT -> selected = new int[] {selected[0], Math.max(0, selected[1] - 1)};
            case SWT.ARROW_RIGHT -> selected = new int[] {selected[0], Math.min(k - 1, selected[1] + 1)};
            case SWT.CR, SWT.KEYPAD_CR -> open(selected);
            default -> {
                if (e.character == ' ') {
                    open(selected);
                }
                return;
            }
        }
        canvas.redraw();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setAntialias(SWT.ON);
        int line = gc.getFontMetrics().getHeight();
        gc.drawText(fit(gc, title, area.width - 2 * PAD), PAD, PAD / 2, true);
        cell = 0;
        if (matrix == null) {
            gc.drawText(Messages.CompareRunsView_noConfusion, PAD, PAD + line, true);
            return;
        }
        List<String> classes = matrix.classNames();
        int k = classes.size();
        // full class names where they fit, else their first three letters, else one (the tooltip names the cell)
        List<String> labels = classes;
        int size = 0;
        int left = 0;
        int top = PAD + 2 * line;
        for (int shorten : new int[] {Integer.MAX_VALUE, 3, 1}) {
            labels = classes.stream().map(c -> c.length() > shorten ? c.substring(0, shorten) : c).toList();
            int labelWidth = 0;
            for (String c : labels) {
                labelWidth = Math.max(labelWidth, gc.textExtent(c).x);
            }
            left = PAD + labelWidth + PAD;
            // square cells as large as fit: below the grid one line of predicted-class names and the axis caption
            size = Math.min((area.width - left - PAD) / k, (area.height - top - line - PAD) / k);
            if (size >= 24) {
                break;
            }
        }
        if (size < 8) {
            return;
        }
        x0 = left;
        y0 = top;
        cell = size;
        gc.drawText(fit(gc, Messages.CompareRunsView_confusionAxes, area.width - 2 * PAD), PAD, PAD / 2 + line, true);
        double[][] share = matrix.rowNormalised();
        for (int r = 0; r < k; r++) {
            Point label = gc.textExtent(labels.get(r));
            gc.drawText(labels.get(r), left - PAD - label.x, top + r * size + (size - label.y) / 2, true);
            for (int c = 0; c < k; c++) {
                paintCell(gc, left + c * size, top + r * size, size, matrix.count(r, c), share[r][c]);
            }
        }
        for (int c = 0; c < k; c++) {
            String name = fit(gc, labels.get(c), size - 2);
            Point p = gc.textExtent(name);
            gc.drawText(name, left + c * size + (size - p.x) / 2, top + k * size + 2, true);
        }
        Color accent = gc.getDevice().getSystemColor(SWT.COLOR_LIST_SELECTION);
        gc.setForeground(accent);
        gc.setLineWidth(2);
        if (hover != null) {
            gc.drawRectangle(left + hover[1] * size + 1, top + hover[0] * size + 1, size - 2, size - 2);
        }
        if (canvas.isFocusControl()) {
            gc.setLineStyle(SWT.LINE_DOT);
            gc.drawRectangle(left + selected[1] * size + 3, top + selected[0] * size + 3, size - 6, size - 6);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        gc.setLineWidth(1);
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
    static String fit(GC gc, String name, int width) {
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
