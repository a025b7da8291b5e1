package org.hqcm.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.part.ViewPart;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.Pauli;

/**
 * Draws the quantum processing layer's circuit: wires, amplitude embedding, Rot gates and the CNOT ring of every
 * strongly entangling layer, and the Pauli measurement; it redraws as the qubit and layer counts change.
 */
public final class CircuitView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.circuit";

    private static final int WIRE_GAP = 34;
    private static final int COLUMN = 38;
    private static final int BOX = 24;
    private static final int LEFT = 44;
    private static final int TOP = 20;

    private Spinner qubits;
    private Spinner layers;
    private Combo measurement;
    private ScrolledComposite scroller;
    private Canvas canvas;
    private CircuitDiagram diagram;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(6, false));
        qubits = spinner(parent, Messages.CircuitView_qubits, 5, 1, 12);
        layers = spinner(parent, Messages.CircuitView_layers, 2, 1, 8);
        new Label(parent, SWT.NONE).setText(Messages.CircuitView_measure);
        measurement = new Combo(parent, SWT.READ_ONLY);
        for (Pauli m : Pauli.values()) {
            measurement.add(m.name());
        }
        measurement.select(Pauli.Y.ordinal());
        measurement.addListener(SWT.Selection, e -> update());
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 6, 1));
        canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        canvas.addPaintListener(e -> paint(e.gc));
        scroller.setContent(canvas);
        update();
    }

    private Spinner spinner(Composite parent, String label, int value, int min, int max) {
        new Label(parent, SWT.NONE).setText(label);
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(value, min, max, 0, 1, 1);
        s.addListener(SWT.Modify, e -> update());
        return s;
    }

    /** Shows the circuit of the given settings (used by the editor and by tests). */
    public void show(int q, int d, Pauli m) {
        qubits.setSelection(q);
        layers.setSelection(d);
        measurement.select(m.ordinal());
        update();
    }

    /** The diagram currently drawn. */
    public CircuitDiagram diagram() {
        return diagram;
    }

    private void update() {
        Pauli m = Pauli.values()[Math.max(0, measurement.getSelectionIndex())];
        diagram = new CircuitDiagram(new CircuitSpec(qubits.getSelection(), layers.getSelection(),
                Embedding.AMPLITUDE, m, 0));
        // the whole circuit gets its natural size; the scroller shows what does not fit
        int q = diagram.spec().qubits();
        canvas.setSize(LEFT + diagram.columns().size() * COLUMN + 20, TOP + q * WIRE_GAP + 10);
        canvas.redraw();
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    private void paint(GC gc) {
        int q = diagram.spec().qubits();
        int left = LEFT;
        int top = TOP;
        int width = left + diagram.columns().size() * COLUMN + 20;
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
