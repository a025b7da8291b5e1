package org.hqcm.ui.internal.views;

import java.util.Locale;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.part.ViewPart;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.quantum.Pauli;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.validation.HqcmConstraints;
import org.hqcm.ui.internal.figures.FigureExport;

/**
 * Draws the quantum processing layer's circuit (see {@link CircuitCanvas}); it redraws as the qubit and layer
 * counts change. The circuit is never cut off: it scrolls (the wheel scrolls, Shift+wheel sideways), zooms with
 * Ctrl+wheel, +/- or the buttons, fits the view with "Fit", names the gate, wire or parameter under the mouse, and
 * exports as PNG or SVG (context menu).
 */
public final class CircuitView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.circuit";

    /**
     * The circuit a new quantum head has: qubits, layers, embedding and measurement are the model's defaults
     * (hqcm.ecore), mapped as the engine maps them, so the view opens on the circuit a new experiment trains.
     */
    private static final CircuitSpec DEFAULT = CircuitSpecs.of(HqcmFactory.eINSTANCE.createQuantumHead());
    /** The most layers the view draws: each is a column of gates, and more do not read at any zoom. */
    private static final int MAX_DRAWN_LAYERS = 8;
    private static final double STEP = 1.25;

    private Spinner qubits;
    private Spinner layers;
    private Combo measurement;
    private ScrolledComposite scroller;
    private CircuitCanvas canvas;
    private Label zoomLabel;
    private Label exported;
    private Label resources;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(12, false));
        qubits = spinner(parent, Messages.CircuitView_qubits, DEFAULT.qubits(), 1, HqcmConstraints.MAX_QUBITS);
        layers = spinner(parent, Messages.CircuitView_layers, DEFAULT.layers(), 1, MAX_DRAWN_LAYERS);
        new Label(parent, SWT.NONE).setText(Messages.CircuitView_measure);
        measurement = new Combo(parent, SWT.READ_ONLY);
        for (Pauli m : Pauli.values()) {
            measurement.add(m.name());
        }
        measurement.select(DEFAULT.measurement().ordinal());
        measurement.addListener(SWT.Selection, e -> update());
        button(parent, "\u2212", Messages.CircuitView_zoomOut, () -> zoomBy(1 / STEP));
        zoomLabel = new Label(parent, SWT.CENTER);
        GridDataFactory.fillDefaults().hint(48, SWT.DEFAULT).align(SWT.CENTER, SWT.CENTER).applyTo(zoomLabel);
        button(parent, "+", Messages.CircuitView_zoomIn, () -> zoomBy(STEP));
        button(parent, Messages.CircuitView_fit, Messages.CircuitView_fitTip, this::fit);
        button(parent, "100%", Messages.CircuitView_actualSize, () -> setZoom(1));
        exported = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(exported);
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 12, 1));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        canvas = new CircuitCanvas(scroller, diagramOfControls());
        scroller.setContent(canvas.control());
        canvas.control().addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.control().addListener(SWT.MouseDown, e -> canvas.control().setFocus());
        canvas.control().addListener(SWT.KeyDown, this::key);
        Menu menu = new Menu(canvas.control());
        canvas.control().setMenu(menu);
        FigureExport.item(menu, Messages.CircuitView_zoomIn, () -> zoomBy(STEP));
        FigureExport.item(menu, Messages.CircuitView_zoomOut, () -> zoomBy(1 / STEP));
        FigureExport.item(menu, Messages.CircuitView_fitTip, this::fit);
        new org.eclipse.swt.widgets.MenuItem(menu, SWT.SEPARATOR);
        // the whole circuit, not only the part scrolled into view
        FigureExport.addExportItems(canvas.control(), (p, w, h) -> canvas.paint(p, w, h),
                () -> new FigureExport.Target(ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath(),
                        exportName()), this::confirm);
        // depth and gate counts on a device, from the engine (state preparation decomposed)
        resources = new Label(parent, SWT.WRAP);
        resources.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 12, 1));
        update();
    }

    private void button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
    }

    private Spinner spinner(Composite parent, String label, int value, int min, int max) {
        new Label(parent, SWT.NONE).setText(label);
        Spinner s = new Spinner(parent, SWT.BORDER);
        s.setValues(value, min, max, 0, 1, 1);
        s.addListener(SWT.Modify, e -> update());
        return s;
    }

    /** Ctrl+wheel zooms about nothing in particular (the scroller keeps its origin); the plain wheel scrolls. */
    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) != 0 && e.count != 0) {
            e.doit = false;
            zoomBy(e.count > 0 ? STEP : 1 / STEP);
        }
    }

    private void key(Event e) {
        if (e.character == '+' || e.character == '=' || e.keyCode == SWT.KEYPAD_ADD) {
            zoomBy(STEP);
        } else if (e.character == '-' || e.keyCode == SWT.KEYPAD_SUBTRACT) {
            zoomBy(1 / STEP);
        } else if (e.character == '0') {
            setZoom(1);
        }
    }

    private void zoomBy(double factor) {
        setZoom(canvas.zoom() * factor);
    }

    /** Zooms so the whole circuit fits the visible area (never above 4x, never below 0.1x). */
    public void fit() {
        Point n = canvas.naturalSize();
        var area = scroller.getClientArea();
        setZoom(Math.min((double) area.width / n.x, (double) area.height / n.y));
    }

    public void setZoom(double factor) {
        canvas.setZoom(factor);
        resize();
    }

    private String exportName() {
        var s = diagram().spec();
        return String.format(Locale.ROOT, "circuit-%dq-%dl-%s", s.qubits(), s.layers(), s.measurement().name());
    }

    private void confirm(String message) {
        exported.setText(message);
        exported.setToolTipText(message);
        exported.getParent().layout(true);
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
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

    /** The drawing (tests read its zoom, tooltips and geometry). */
    public CircuitCanvas canvas() {
        return canvas;
    }

    public ScrolledComposite scroller() {
        return scroller;
    }

    /** The confirmation of the last export, empty before one (tests). */
    public String exportMessage() {
        return exported.getText();
    }

    private CircuitDiagram diagramOfControls() {
        Pauli m = Pauli.values()[Math.max(0, measurement.getSelectionIndex())];
        return new CircuitDiagram(new CircuitSpec(qubits.getSelection(), layers.getSelection(), DEFAULT.embedding(), m, 0));
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
        resize();
    }

    /** The scroller shows the whole circuit at its zoomed size: scroll bars where it is larger than the view. */
    private void resize() {
        scroller.setMinSize(canvas.preferredSize());
        zoomLabel.setText(String.format(Locale.ROOT, "%.0f%%", 100 * canvas.zoom()));
        scroller.layout(true);
    }

    @Override
    public void setFocus() {
        canvas.control().setFocus();
    }
}
