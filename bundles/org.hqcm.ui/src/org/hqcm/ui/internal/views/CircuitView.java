package org.hqcm.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.part.ViewPart;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.Pauli;

/**
 * Draws the quantum processing layer's circuit (see {@link CircuitCanvas}); it redraws as the qubit and layer
 * counts change.
 */
public final class CircuitView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.circuit";

    private Spinner qubits;
    private Spinner layers;
    private Combo measurement;
    private ScrolledComposite scroller;
    private CircuitCanvas canvas;
    private Label resources;

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
        canvas = new CircuitCanvas(scroller, diagramOfControls());
        scroller.setContent(canvas.control());
        // depth and gate counts on a device, from the engine (state preparation decomposed)
        resources = new Label(parent, SWT.WRAP);
        resources.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 6, 1));
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
        return canvas.diagram();
    }

    private CircuitDiagram diagramOfControls() {
        Pauli m = Pauli.values()[Math.max(0, measurement.getSelectionIndex())];
        return new CircuitDiagram(new CircuitSpec(qubits.getSelection(), layers.getSelection(), Embedding.AMPLITUDE, m, 0));
    }

    private void update() {
        if (canvas == null) {
            return;
        }
        canvas.setDiagram(diagramOfControls());
        if (resources != null) {
            resources.setText("Resources " + canvas.diagram().spec().resources().summary());
            resources.getParent().layout(true);
        }
        // the whole circuit gets its natural size; the scroller shows what does not fit
        Point size = canvas.preferredSize();
        canvas.control().setSize(size);
    }

    @Override
    public void setFocus() {
        canvas.control().setFocus();
    }
}
