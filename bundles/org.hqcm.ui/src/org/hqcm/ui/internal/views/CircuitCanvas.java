package org.hqcm.ui.internal.views;

import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.ui.internal.figures.Figure;
import org.hqcm.ui.internal.figures.GcPainter;
import org.hqcm.ui.internal.figures.Painter;

/**
 * Paints a {@link CircuitDiagram}: wires, the embedding, Rot gates and the CNOT ring of every strongly entangling
 * layer, and the Pauli measurement, at a zoom factor; the tooltip names the gate, wire or parameter under the
 * mouse. A {@link Figure}, so the Circuit view exports what it shows as PNG or SVG. Shared by the Circuit view and
 * the experiment editor.
 */
public final class CircuitCanvas implements Figure {

    private static final int WIRE_GAP = 34;
    private static final int COLUMN = 38;
    private static final int BOX = 24;
    private static final int LEFT = 44;
    private static final int TOP = 30;
    private static final int GATE = 0xc8dcf5;
    private static final int EMBED = 0xe1ebd2;
    private static final int TEXT = 0x222222;
    static final double MIN_ZOOM = 0.1;
    static final double MAX_ZOOM = 4;

    private final Canvas canvas;
    private CircuitDiagram diagram;
    private double zoom = 1;
    private final Font baseFont;
    /** The canvas's font at the current zoom (exports use the control's font); null at zoom 1 before any change. */
    private Font zoomedFont;

    public CircuitCanvas(Composite parent, CircuitDiagram diagram) {
        this.diagram = diagram;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        baseFont = canvas.getFont();
        canvas.addDisposeListener(e -> {
            if (zoomedFont != null) {
                zoomedFont.dispose();
            }
        });
        canvas.addPaintListener(e -> {
            GcPainter p = new GcPainter(e.gc);
            try {
                Rectangle a = canvas.getClientArea();
                paint(p, a.width, a.height);
            } finally {
                p.dispose();
            }
        });
        org.eclipse.swt.widgets.Listener tooltip = e -> {
            String tip = describe(e.x, e.y);
            if (!java.util.Objects.equals(tip, canvas.getToolTipText())) {
                canvas.setToolTipText(tip);
            }
        };
        canvas.addListener(SWT.MouseMove, tooltip);
        canvas.addListener(SWT.MouseEnter, tooltip);
    }

    /** Draws another circuit. */
    public void setDiagram(CircuitDiagram d) {
        this.diagram = d;
        canvas.redraw();
    }

    public CircuitDiagram diagram() {
        return diagram;
    }

    public Canvas control() {
        return canvas;
    }

    public double zoom() {
        return zoom;
    }

    /** Draws at {@code factor} times the natural size (clamped to [0.1, 4]), text included. */
    public void setZoom(double factor) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, factor));
        FontData[] data = baseFont.getFontData();
        for (FontData d : data) {
            d.setHeight(Math.max(4, (int) Math.round(d.getHeight() * zoom)));
        }
        Font old = zoomedFont;
        zoomedFont = new Font(canvas.getDisplay(), data);
        canvas.setFont(zoomedFont);
        if (old != null) {
            old.dispose();
        }
        canvas.redraw();
    }

    /** The whole circuit's natural size at zoom 1. */
    public Point naturalSize() {
        return new Point(LEFT + diagram.columns().size() * COLUMN + 20, TOP + diagram.spec().qubits() * WIRE_GAP + 10);
    }

    /** The whole circuit's size at the current zoom. */
    public Point preferredSize() {
        Point n = naturalSize();
        return new Point((int) Math.ceil(n.x * zoom), (int) Math.ceil(n.y * zoom));
    }

    private int z(double v) {
        return (int) Math.round(v * zoom);
    }

    /** Pixel rectangle of column {@code c} on wire {@code w} (a gate box) at the current zoom. */
    public Rectangle gateBounds(int column, int wire) {
        return new Rectangle(z(LEFT + column * COLUMN), z(TOP + wire * WIRE_GAP), z(BOX), z(BOX));
    }

    /** Pixel y of wire {@code w}. */
    public int wireY(int wire) {
        return z(TOP + wire * WIRE_GAP + BOX / 2.0);
    }

    /** What the tooltip says at a pixel: the gate, wire label or wire there, or null. */
    public String describe(int x, int y) {
        int q = diagram.spec().qubits();
        double ux = x / zoom;
        double uy = y / zoom;
        int wire = (int) Math.floor((uy - TOP + (WIRE_GAP - BOX) / 2.0) / WIRE_GAP);
        if (wire < 0 || wire >= q) {
            return null;
        }
        if (ux < LEFT) {
            return NLS.bind(Messages.CircuitView_wireTip, wire, wire == 0 ? Messages.CircuitView_msb
                    : wire == q - 1 ? Messages.CircuitView_lsb : "");
        }
        int column = (int) Math.floor((ux - LEFT) / COLUMN);
        if (column >= diagram.columns().size()) {
            return NLS.bind(Messages.CircuitView_wireTip, wire, "");
        }
        CircuitDiagram.Column c = diagram.columns().get(column);
        boolean onBox = ux - LEFT - column * COLUMN <= BOX;
        var spec = diagram.spec();
        return switch (c.kind()) {
            case EMBEDDING -> spec.embedding() == Embedding.AMPLITUDE
                    ? NLS.bind(Messages.CircuitView_amplitudeTip, spec.inputWidth(), q)
                    : NLS.bind(Messages.CircuitView_angleTip, q);
            case ROT -> onBox ? NLS.bind(Messages.CircuitView_rotTip, new Object[] {wire, c.layer() + 1,
                String.format(Locale.ROOT, "weights[%d][%d]", c.layer(), wire), spec.weightCount()})
                    : NLS.bind(Messages.CircuitView_wireTip, wire, "");
            case CNOT -> NLS.bind(Messages.CircuitView_cnotTip, new Object[] {c.control(), c.target(), c.layer() + 1,
                spec.cnotRange(c.layer())});
            case MEASURE -> onBox ? NLS.bind(Messages.CircuitView_measureTip, spec.measurement().name(), wire)
                    : NLS.bind(Messages.CircuitView_wireTip, wire, "");
        };
    }

    @Override
    public void paint(Painter p, int width, int height) {
        int q = diagram.spec().qubits();
        int right = z(naturalSize().x - 10);
        p.color(TEXT);
        p.bold(true);
        p.text(NLS.bind(Messages.CircuitView_caption, new Object[] {q, diagram.spec().layers(),
            diagram.spec().measurement().name()}), z(6), z(4));
        p.bold(false);
        p.lineWidth(Math.max(1, z(1)));
        for (int w = 0; w < q; w++) {
            int y = wireY(w);
            String label = "q" + w;
            p.text(label, z(6), y - p.extent(label).y / 2);
            p.line(z(LEFT), y, right, y);
        }
        for (int i = 0; i < diagram.columns().size(); i++) {
            CircuitDiagram.Column c = diagram.columns().get(i);
            int x = z(LEFT + i * COLUMN);
            switch (c.kind()) {
                case EMBEDDING -> box(p, EMBED, x, z(TOP), z(BOX), z((q - 1) * WIRE_GAP + BOX),
                        diagram.spec().embedding() == Embedding.AMPLITUDE ? "|\u03c8\u27e9" : "RY");
                case ROT -> {
                    for (int w = 0; w < q; w++) {
                        Rectangle b = gateBounds(i, w);
                        box(p, GATE, b.x, b.y, b.width, b.height, "R");
                    }
                }
                case CNOT -> cnot(p, x, c.control(), c.target());
                case MEASURE -> {
                    for (int w = 0; w < q; w++) {
                        Rectangle b = gateBounds(i, w);
                        box(p, GATE, b.x, b.y, b.width, b.height, diagram.spec().measurement().name());
                    }
                }
            }
        }
        p.lineWidth(1);
    }

    private static void box(Painter p, int fill, int x, int y, int w, int h, String text) {
        p.color(TEXT);
        p.roundBox(x, y, w, h, Math.max(2, w / 4), fill);
        Point ext = p.extent(text);
        p.text(text, x + (w - ext.x) / 2, y + (h - ext.y) / 2);
    }

    private void cnot(Painter p, int x, int control, int target) {
        int cx = x + z(BOX / 2.0);
        int yc = wireY(control);
        int yt = wireY(target);
        int dot = Math.max(2, z(4));
        int ring = Math.max(4, z(8));
        p.color(TEXT);
        p.fillOval(cx - dot, yc - dot, 2 * dot, 2 * dot, TEXT);
        p.line(cx, yc, cx, yt);
        p.oval(cx - ring, yt - ring, 2 * ring, 2 * ring);
        p.line(cx - ring, yt, cx + ring, yt);
    }
}
