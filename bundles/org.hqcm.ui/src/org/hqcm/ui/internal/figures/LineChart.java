package org.hqcm.ui.internal.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.hqcm.engine.plot.Scale;

/**
 * An interactive line chart drawn with SWT: a title, labelled axes with "nice" ticks (integer ticks only on an
 * integer axis such as epochs), dotted grid lines, the legend outside the plot (below it, where long run names fit),
 * a read-out of the point nearest the mouse, zoom with the mouse wheel or +/- about the cursor, pan by dragging or
 * with the arrow keys, reset with a double-click, Home or the context menu, and export of what is shown as PNG or
 * SVG.
 *
 * <p>Why our own drawing and not a library (decided by trying, Dec 2026): Eclipse SWTChart 1.1.0, the only version
 * on Maven Central, is compiled for Java 21 (osgi.ee JavaSE 21). With a Maven toolchain pointing at the Temurin 25
 * JDK of these machines, the UI bundles set to JavaSE-21 and tycho-surefire's useJDK=BREE, a chart rendered in the
 * workbench of the UI tests (integer epoch axis, legend beside the plot). But that moves the IDE, its tests, the
 * product (studio.sh), the p2 install check and the engine the IDE starts (java.home) to Java 21+, which no
 * registry these machines reach provides (Debian bookworm has OpenJDK 17 only; the Temurin JDK is preinstalled,
 * not installable by the project's scripts), while the stack is fixed at Java 17; and SWTChart's core still has no
 * hover read-out, wheel or drag handling, nor SVG export, the parts written here anyway. JFreeChart 1.5 (LGPL) is
 * on Central, but its SWT bridge only as jfree:jfreechart-swt 1.0.17 of 2013 (org.jfree:org.jfree.chart.swt is not
 * there) and its SVG export (JFreeSVG) is GPL-3.0. What remained to write is the axis layout, with the engine's
 * tick algorithm ({@link Scale}) shared with its PNG charts.
 */
public final class LineChart implements Figure {

    /**
     * One line: its name in the legend and its points, and optionally a band drawn filled behind it, from
     * {@code low} to {@code high} at each x (mean ± sd across seeds); null without a band.
     */
    public record Series(String name, double[] x, double[] y, double[] low, double[] high) {

        public Series {
            if ((low == null) != (high == null) || low != null && (low.length != x.length || high.length != x.length)) {
                throw new IllegalArgumentException("a band needs a low and a high value at each of the " + x.length + " points");
            }
        }

        public Series(String name, double[] x, double[] y) {
            this(name, x, y, null, null);
        }

        public boolean hasBand() {
            return low != null;
        }
    }

    /** How much of a band's colour shows: light enough that the lines and grid stay readable through it. */
    private static final int BAND_ALPHA = 56;

    /** Colours of the lines (matplotlib's tab10, as the engine's charts). */
    static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f};
    private static final int PAD = 8;
    private static final int SWATCH = 22;
    private static final int HOVER_PIXELS = 40;
    private static final double ZOOM = 0.8;
    private static final int TEXT = 0x222222;
    private static final int GRID = 0xd0d0d0;

    private final Canvas canvas;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean integerX;
    private List<Series> series = List.of();
    /** The range shown {x0, x1, y0, y1}; null shows all data. */
    private double[] view;
    private Point dragStart;
    private double[] dragView;
    /** Series and point index under the mouse, or null. */
    private int[] hover;
    /** The plot rectangle and range of the last paint on screen. */
    private Rectangle plot = new Rectangle(0, 0, 1, 1);
    private double[] shown = {0, 1, 0, 1};
    /** True while painting the screen (exports do not move the mouse's frame of reference). */
    private boolean onScreen;

    public LineChart(Composite parent, String title, String xTitle, String yTitle, boolean integerX) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.integerX = integerX;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        canvas.addPaintListener(e -> {
            GcPainter p = new GcPainter(e.gc);
            try {
                Rectangle a = canvas.getClientArea();
                onScreen = true;
                paint(p, a.width, a.height);
                paintHover(p);
            } finally {
                onScreen = false;
                p.dispose();
            }
        });
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        // the pointer may arrive over a point: entering reads out too
        canvas.addListener(SWT.MouseEnter, this::mouseMove);
        canvas.addListener(SWT.MouseDown, e -> {
            canvas.setFocus();
            if (e.button == 1) {
                dragStart = new Point(e.x, e.y);
                dragView = shown.clone();
            }
        });
        canvas.addListener(SWT.MouseUp, e -> dragStart = null);
        canvas.addListener(SWT.MouseExit, e -> setHover(null));
        canvas.addListener(SWT.MouseDoubleClick, e -> resetZoom());
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            e.doit = false;
            if (e.count != 0) {
                zoom(e.count > 0 ? ZOOM : 1 / ZOOM, e.x, e.y);
            }
        });
        canvas.addListener(SWT.KeyDown, this::key);
        // a canvas takes keys only when it says it traverses; Tab still leaves it
        canvas.addListener(SWT.Traverse, e -> e.doit = e.detail == SWT.TRAVERSE_TAB_NEXT
                || e.detail == SWT.TRAVERSE_TAB_PREVIOUS || e.detail == SWT.TRAVERSE_ESCAPE);
        org.eclipse.swt.widgets.Menu menu = new org.eclipse.swt.widgets.Menu(canvas);
        canvas.setMenu(menu);
        FigureExport.item(menu, Messages.LineChart_resetZoom, this::resetZoom);
    }

    public Canvas control() {
        return canvas;
    }

    public String title() {
        return title;
    }

    /** Shows these lines with all their data in view. */
    public void setSeries(List<Series> lines) {
        this.series = List.copyOf(lines);
        this.view = null;
        this.hover = null;
        canvas.redraw();
    }

    public List<Series> series() {
        return series;
    }

    /** The range shown at the last paint: {x0, x1, y0, y1}. */
    public double[] shownRange() {
        return shown.clone();
    }

    /** Whether the user zoomed or panned away from the whole data. */
    public boolean isZoomed() {
        return view != null;
    }

    /** The plot rectangle of the last paint, in the canvas's pixels. */
    public Rectangle plotArea() {
        return new Rectangle(plot.x, plot.y, plot.width, plot.height);
    }

    /** Pixel of a data point at the last paint. */
    public Point pixel(double x, double y) {
        return new Point(px(x, shown, plot), py(y, shown, plot));
    }

    /** What the read-out shows now, or null when the mouse is over no point. */
    public String hoverText() {
        if (hover == null) {
            return null;
        }
        Series s = series.get(hover[0]);
        String y = format(s.y()[hover[1]], false);
        if (s.hasBand() && Double.isFinite(s.low()[hover[1]]) && Double.isFinite(s.high()[hover[1]])) {
            y = NLS.bind(Messages.LineChart_band, new Object[] {y, format(s.low()[hover[1]], false),
                    format(s.high()[hover[1]], false)});
        }
        return NLS.bind(Messages.LineChart_readout, new Object[] {s.name(), xTitle.toLowerCase(Locale.ROOT),
                format(s.x()[hover[1]], integerX), y});
    }

    public void resetZoom() {
        view = null;
        canvas.redraw();
    }

    private void zoom(double factor, int mx, int my) {
        double[] r = shown.clone();
        double cx = dataX(Math.max(plot.x, Math.min(plot.x + plot.width, mx)));
        double cy = dataY(Math.max(plot.y, Math.min(plot.y + plot.height, my)));
        view = new double[] {cx - (cx - r[0]) * factor, cx + (r[1] - cx) * factor, cy - (cy - r[2]) * factor,
            cy + (r[3] - cy) * factor};
        canvas.redraw();
    }

    private void pan(double fx, double fy) {
        double[] r = shown.clone();
        double dx = (r[1] - r[0]) * fx;
        double dy = (r[3] - r[2]) * fy;
        view = new double[] {r[0] + dx, r[1] + dx, r[2] + dy, r[3] + dy};
        canvas.redraw();
    }

    private void key(Event e) {
        switch (e.keyCode) {
            case SWT.HOME -> resetZoom();
            case SWT.ARROW_LEFT -> pan(-0.1, 0);
            case SWT.ARROW_RIGHT -> pan(0.1, 0);
            case SWT.ARROW_UP -> pan(0, 0.1);
            case SWT.ARROW_DOWN -> pan(0, -0.1);
            default -> {
                Point c = new Point(plot.x + plot.width / 2, plot.y + plot.height / 2);
                if (e.character == '+' || e.character == '=' || e.keyCode == SWT.KEYPAD_ADD) {
                    zoom(ZOOM, c.x, c.y);
                } else if (e.character == '-' || e.keyCode == SWT.KEYPAD_SUBTRACT) {
                    zoom(1 / ZOOM, c.x, c.y);
                } else if (e.character == '0') {
                    resetZoom();
                }
            }
        }
    }

    private void mouseMove(Event e) {
        if (dragStart != null && (e.stateMask & SWT.BUTTON1) != 0 && plot.width > 0 && plot.height > 0) {
            double dx = (e.x - dragStart.x) * (dragView[1] - dragView[0]) / plot.width;
            double dy = (e.y - dragStart.y) * (dragView[3] - dragView[2]) / plot.height;
            view = new double[] {dragView[0] - dx, dragView[1] - dx, dragView[2] + dy, dragView[3] + dy};
            setHover(null);
            canvas.redraw();
            return;
        }
        setHover(nearest(e.x, e.y));
    }

    private int[] nearest(int mx, int my) {
        if (!plot.contains(mx, my)) {
            return null;
        }
        int[] best = null;
        double bestDistance = HOVER_PIXELS;
        for (int s = 0; s < series.size(); s++) {
            Series l = series.get(s);
            for (int i = 0; i < l.x().length; i++) {
                if (!Double.isFinite(l.y()[i])) {
                    continue;
                }
                double d = Math.hypot(px(l.x()[i], shown, plot) - mx, py(l.y()[i], shown, plot) - my);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = new int[] {s, i};
                }
            }
        }
        return best;
    }

    private void setHover(int[] h) {
        if (!java.util.Arrays.equals(h, hover)) {
            hover = h;
            canvas.redraw();
        }
    }

    private double dataX(int x) {
        return shown[0] + (x - plot.x) * (shown[1] - shown[0]) / Math.max(1, plot.width);
    }

    private double dataY(int y) {
        return shown[3] - (y - plot.y) * (shown[3] - shown[2]) / Math.max(1, plot.height);
    }

    private static int px(double x, double[] r, Rectangle plot) {
        return plot.x + (int) Math.round((x - r[0]) / (r[1] - r[0]) * plot.width);
    }

    private static int py(double y, double[] r, Rectangle plot) {
        return plot.y + plot.height - (int) Math.round((y - r[2]) / (r[3] - r[2]) * plot.height);
    }

    /** The whole data range, with nice bounds on y and on a non-integer x. */
    private double[] dataRange() {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    x0 = Math.min(x0, s.x()[i]);
                    x1 = Math.max(x1, s.x()[i]);
                    y0 = Math.min(y0, s.y()[i]);
                    y1 = Math.max(y1, s.y()[i]);
                    if (s.hasBand() && Double.isFinite(s.low()[i]) && Double.isFinite(s.high()[i])) {
                        y0 = Math.min(y0, s.low()[i]);
                        y1 = Math.max(y1, s.high()[i]);
                    }
                }
            }
        }
        if (x0 > x1) {
            return new double[] {0, 1, 0, 1};
        }
        if (x0 == x1) {
            x0 -= 0.5;
            x1 += 0.5;
        }
        // a little headroom: a line at the top or bottom of the data stays off the frame
        double pad = (y1 - y0) * 0.03;
        Scale ys = Scale.nice(y0 >= 0 ? Math.max(0, y0 - pad) : y0 - pad, y1 + pad, 6);
        if (integerX) {
            return new double[] {x0, x1, ys.min(), ys.max()};
        }
        Scale xs = Scale.nice(x0, x1, 6);
        return new double[] {xs.min(), xs.max(), ys.min(), ys.max()};
    }

    /** Tick values inside [lo, hi], about one per {@code pixels / spacing}; integers only when asked. */
    static double[] ticks(double lo, double hi, int pixels, int spacing, boolean integers) {
        // at least three ticks: a short plot still reads off its values
        int target = Math.max(3, pixels / spacing);
        double[] nice = Scale.nice(lo, hi, target).ticks();
        double step = nice.length > 1 ? nice[1] - nice[0] : 1;
        List<Double> out = new ArrayList<>();
        if (integers && step < 1) {
            for (double v = Math.ceil(lo); v <= hi + 1e-9; v++) {
                out.add(v);
            }
        } else {
            for (double v : nice) {
                if (v >= lo - 1e-9 && v <= hi + 1e-9 && (!integers || v == Math.rint(v))) {
                    out.add(v);
                }
            }
            // the first epoch is labelled too when there is room before the first nice tick
            if (integers && lo == Math.rint(lo) && (out.isEmpty() || out.get(0) - lo >= step / 2)) {
                out.add(0, lo);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String format(double v, boolean integer) {
        if (integer && v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String tickLabel(double v, double[] ticks, boolean integer) {
        if (integer) {
            return Long.toString(Math.round(v));
        }
        // as many decimals as the step needs: 0.025 steps read 1.975, 2.000, 2.025
        double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Override
    public void paint(Painter p, int width, int height) {
        double[] r = view != null ? view : dataRange();
        p.color(TEXT);
        p.bold(true);
        Point titleSize = p.extent(title);
        p.text(title, PAD, PAD);
        p.bold(false);
        int line = p.extent("Ag").y;
        // legend rows below the x-axis title; entries wrap to the width
        List<int[]> entries = new ArrayList<>();
        int lx = PAD;
        int rows = series.isEmpty() ? 0 : 1;
        for (Series s : series) {
            int w = SWATCH + 4 + p.extent(s.name()).x + 14;
            if (lx + w > width - PAD && lx > PAD) {
                rows++;
                lx = PAD;
            }
            entries.add(new int[] {lx, rows - 1});
            lx += w;
        }
        int legendHeight = rows * (line + 4);
        int top = PAD + titleSize.y + 8;
        int axis = 6 + line + 4 + line + 6;
        // a short chart keeps its plot: the legend goes first (the read-out still names the run), then the x title
        boolean legend = height - PAD - legendHeight - axis - top >= 60;
        boolean xTitleShown = height - PAD - axis - top >= 40;
        int bottom = height - PAD - (legend ? legendHeight : 0) - (xTitleShown ? axis : 6 + line + 6);
        int plotHeight = Math.max(1, bottom - top);
        double[] yTicks = ticks(r[2], r[3], plotHeight, 30, false);
        int labelWidth = 0;
        for (double t : yTicks) {
            labelWidth = Math.max(labelWidth, p.extent(tickLabel(t, yTicks, false)).x);
        }
        int left = PAD + line + 6 + labelWidth + 6;
        int right = width - PAD - 12;
        Rectangle area = new Rectangle(left, top, Math.max(1, right - left), plotHeight);
        if (onScreen) {
            shown = r.clone();
            plot = area;
        }
        double[] xTicks = ticks(r[0], r[1], area.width, 70, integerX);
        p.fillRect(area.x, area.y, area.width, area.height, 0xFFFFFF);
        p.dashed(true);
        p.color(GRID);
        for (double t : yTicks) {
            p.line(area.x, py(t, r, area), area.x + area.width, py(t, r, area));
        }
        for (double t : xTicks) {
            p.line(px(t, r, area), area.y, px(t, r, area), area.y + area.height);
        }
        p.dashed(false);
        p.color(TEXT);
        p.rect(area.x, area.y, area.width, area.height);
        for (double t : yTicks) {
            String s = tickLabel(t, yTicks, false);
            Point e = p.extent(s);
            int y = py(t, r, area);
            p.line(area.x - 4, y, area.x, y);
            p.text(s, area.x - 6 - e.x, y - e.y / 2);
        }
        for (double t : xTicks) {
            String s = tickLabel(t, xTicks, integerX);
            Point e = p.extent(s);
            int x = px(t, r, area);
            p.line(x, area.y + area.height, x, area.y + area.height + 4);
            p.text(s, x - e.x / 2, area.y + area.height + 6);
        }
        Point xt = p.extent(xTitle);
        if (xTitleShown) {
            p.text(xTitle, area.x + (area.width - xt.x) / 2, area.y + area.height + 6 + line + 4);
        }
        Point yt = p.extent(yTitle);
        p.textUp(yTitle, PAD, area.y + Math.max(0, (area.height - yt.x) / 2));
        if (series.stream().allMatch(s -> s.x().length == 0)) {
            Point e = p.extent(Messages.LineChart_noData);
            p.text(Messages.LineChart_noData, area.x + (area.width - e.x) / 2, area.y + (area.height - e.y) / 2);
        }
        p.clip(area.x, area.y, area.width + 1, area.height + 1);
        // bands first, so that every line is drawn over every band
        for (int s = 0; s < series.size(); s++) {
            Series l = series.get(s);
            if (l.hasBand()) {
                for (int[] band : bands(l, r, area)) {
                    if (band.length >= 6) {
                        p.fillPolygon(band, PALETTE[s % PALETTE.length], BAND_ALPHA);
                    }
                }
            }
        }
        for (int s = 0; s < series.size(); s++) {
            Series l = series.get(s);
            int c = PALETTE[s % PALETTE.length];
            List<Integer> pts = new ArrayList<>();
            for (int i = 0; i < l.x().length; i++) {
                if (Double.isFinite(l.y()[i])) {
                    pts.add(px(l.x()[i], r, area));
                    pts.add(py(l.y()[i], r, area));
                }
            }
            p.color(c);
            p.lineWidth(2);
            p.polyline(pts.stream().mapToInt(Integer::intValue).toArray());
            p.lineWidth(1);
            if (pts.size() / 2 <= 60) {
                for (int i = 0; i + 1 < pts.size(); i += 2) {
                    p.fillOval(pts.get(i) - 3, pts.get(i + 1) - 3, 7, 7, c);
                }
            }
        }
        p.unclip();
        int legendTop = height - PAD - legendHeight;
        for (int s = 0; legend && s < series.size(); s++) {
            int[] at = entries.get(s);
            int y = legendTop + at[1] * (line + 4);
            int c = PALETTE[s % PALETTE.length];
            p.color(c);
            p.lineWidth(3);
            p.line(at[0], y + line / 2, at[0] + SWATCH, y + line / 2);
            p.lineWidth(1);
            p.fillOval(at[0] + SWATCH / 2 - 3, y + line / 2 - 3, 7, 7, c);
            p.color(TEXT);
            p.text(series.get(s).name(), at[0] + SWATCH + 4, y);
        }
    }

    /**
     * A band's outlines, one per run of consecutive points with finite values: along the high values left to right, back
     * along the low values (a point without an sd leaves a gap, not a bridge).
     */
    private static List<int[]> bands(Series l, double[] r, Rectangle area) {
        List<int[]> out = new ArrayList<>();
        List<Integer> upper = new ArrayList<>();
        List<Integer> lower = new ArrayList<>();
        for (int i = 0; i <= l.x().length; i++) {
            boolean finite = i < l.x().length && Double.isFinite(l.y()[i]) && Double.isFinite(l.low()[i])
                    && Double.isFinite(l.high()[i]);
            if (finite) {
                int x = px(l.x()[i], r, area);
                upper.add(x);
                upper.add(py(l.high()[i], r, area));
                lower.add(0, py(l.low()[i], r, area));
                lower.add(0, x);
            } else if (!upper.isEmpty()) {
                upper.addAll(lower);
                out.add(upper.stream().mapToInt(Integer::intValue).toArray());
                upper.clear();
                lower.clear();
            }
        }
        return out;
    }

    /** The marker and read-out of the point under the mouse, and the usage hint (screen only, not exported). */
    private void paintHover(Painter p) {
        p.color(0x888888);
        Point hint = p.extent(Messages.LineChart_hint);
        if (plot.width > hint.x + p.extent(title).x + 40) {
            p.text(Messages.LineChart_hint, plot.x + plot.width - hint.x, PAD);
        }
        String text = hoverText();
        if (text == null) {
            return;
        }
        Series s = series.get(hover[0]);
        int x = px(s.x()[hover[1]], shown, plot);
        int y = py(s.y()[hover[1]], shown, plot);
        int c = PALETTE[hover[0] % PALETTE.length];
        p.color(c);
        p.lineWidth(2);
        p.oval(x - 6, y - 6, 12, 12);
        p.lineWidth(1);
        Point e = p.extent(text);
        int bx = Math.min(x + 10, plot.x + plot.width - e.x - 10);
        int by = y - e.y - 14 < plot.y ? y + 12 : y - e.y - 14;
        p.color(c);
        p.roundBox(Math.max(plot.x + 2, bx), by, e.x + 8, e.y + 4, 6, 0xFFFFF0);
        p.color(TEXT);
        p.text(text, Math.max(plot.x + 2, bx) + 4, by + 2);
    }
}
