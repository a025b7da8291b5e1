package org.hqcm.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Paints a {@link CircuitDiagram}: wires, amplitude embedding, Rot gates and the CNOT ring of every strongly
 * entangling layer, and the Pauli measurement. Shared by the Circuit view and the experiment editor.
 */
public final class CircuitCanvas {

    private static final int WIRE_GAP = 34;
    private static final int COLUMN = 38;
    private static final int BOX = 24;
    private static final int LEFT = 44;
    private static final int TOP = 20;

    private final Canvas canvas;
    private CircuitDiagram diagram;

    public CircuitCanvas(Composite parent, CircuitDiagram diagram) {
        this.diagram = diagram;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addPaintListener(e -> paint(e.gc));
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

    /** The whole circuit's natural size. */
    public Point preferredSize() {
        return new Point(LEFT + diagram.columns().size() * COLUMN + 20, TOP + diagram.spec().qubits() * WIRE_GAP + 10);
    }

    private void paint(GC gc) {
        int q = diagram.spec().qubits();
        int left = LEFT;
        int top = TOP;
        int width = preferredSize().x;
        Color fg = gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND);
        Color gate = new Color(gc.getDevice(), 200, 220, 245);
        Color embed = new Color(gc.getDevice(), 225, 235, 210);
        try {
            gc.setAntialias(SWT.ON);
            gc.setForeground(fg);
            for (int w = 0; w < q; w++) {
                int y = top + w * WIRE_GAP + BOX / 2;
                gc.drawText("q" + w, 6, y - gc.getFontMetrics().getHeight() / 2, true);
                gc.drawLine(left, y, width - 10, y);
            }
            int x = left;
            for (CircuitDiagram.Column c : diagram.columns()) {
                switch (c.kind()) {
                    case EMBEDDING -> box(gc, embed, x, top, (q - 1) * WIRE_GAP + BOX, "|ψ⟩");
                    case ROT -> {
                        for (int w = 0; w < q; w++) {
                            box(gc, gate, x, top + w * WIRE_GAP, BOX, "R");
                        }
                    }
                    case CNOT -> cnot(gc, x, top, c.control(), c.target());
                    case MEASURE -> {
                        for (int w = 0; w < q; w++) {
                            box(gc, gate, x, top + w * WIRE_GAP, BOX, diagram.spec().measurement().name());
                        }
                    }
                }
                x += COLUMN;
            }
        } finally {
            gate.dispose();
            embed.dispose();
        }
    }

    private static void box(GC gc, Color fill, int x, int y, int h, String text) {
        Color old = gc.getBackground();
        gc.setBackground(fill);
        gc.fillRoundRectangle(x, y, BOX, h, 6, 6);
        gc.drawRoundRectangle(x, y, BOX, h, 6, 6);
        Point ext = gc.textExtent(text);
        gc.drawText(text, x + (BOX - ext.x) / 2, y + (h - ext.y) / 2, true);
        gc.setBackground(old);
    }

    private static void cnot(GC gc, int x, int top, int control, int target) {
        int cx = x + BOX / 2;
        int yc = top + control * WIRE_GAP + BOX / 2;
        int yt = top + target * WIRE_GAP + BOX / 2;
        Color old = gc.getBackground();
        gc.setBackground(gc.getForeground());
        gc.fillOval(cx - 4, yc - 4, 8, 8);
        gc.setBackground(old);
        gc.drawLine(cx, yc, cx, yt);
        gc.drawOval(cx - 8, yt - 8, 16, 16);
        gc.drawLine(cx - 8, yt, cx + 8, yt);
    }
}
