package org.hqcm.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.engine.quantum.Pauli;
import org.hqcm.ui.internal.testing.FileDialogs;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.XInput;
import org.junit.jupiter.api.Test;

/**
 * In a real workbench (Xvfb in CI): the Circuit view follows its settings, is never cut off (scroll bars, the wheel
 * scrolls), zooms with Ctrl+wheel and the keys, fits the view, names what is under the mouse and exports PNG/SVG.
 */
class CircuitViewTest {

    private static CircuitView open() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IViewPart part = page.showView(CircuitView.ID);
        CircuitView view = assertInstanceOf(CircuitView.class, part);
        assertTrue(page.isPartVisible(view));
        return view;
    }

    @Test
    void opensAndRedrawsForNewSettings() throws Exception {
        CircuitView view = open();
        view.setZoom(1);
        view.show(5, 2, Pauli.Y);
        assertEquals(10, view.diagram().count(CircuitDiagram.Kind.CNOT), "paper default: 5 qubits, 2 layers");
        view.show(3, 4, Pauli.Z);
        assertEquals(12, view.diagram().count(CircuitDiagram.Kind.CNOT));
        assertEquals(Pauli.Z, view.diagram().spec().measurement());
        view.show(5, 2, Pauli.Y);
        UiTesting.flush();
        Path shot = UiTesting.screenshot(view, "circuit-view.png");
        assertTrue(Files.size(shot) > 1000, "screenshot written");
    }

    @Test
    void aLargeCircuitScrollsAndZoomsAndIsNeverCutOff() throws Exception {
        CircuitView view = open();
        view.setZoom(1);
        view.show(12, 8, Pauli.Y);
        UiTesting.flush();
        CircuitCanvas canvas = view.canvas();
        var scroller = view.scroller();
        Point whole = canvas.preferredSize();
        Rectangle visible = scroller.getClientArea();
        assertTrue(whole.x > visible.width, "12 qubits and 8 layers are wider than the view: " + whole + " " + visible);
        assertTrue(scroller.getHorizontalBar().isVisible(), "a horizontal scroll bar");
        Point size = canvas.control().getSize();
        assertTrue(size.x >= whole.x && size.y >= whole.y, "the canvas holds the whole circuit: " + size + " " + whole);

        // the wheel scrolls (down), Ctrl+wheel zooms
        int before = scroller.getOrigin().y;
        UiRobot.wheel(canvas.control(), new Point(visible.width / 2, visible.height / 2), 3);
        UiTesting.flush();
        assertTrue(whole.y > visible.height, "12 wires are taller than the view: " + whole + " " + visible);
        assertTrue(scroller.getOrigin().y > before, "the wheel scrolls the circuit: " + before + " -> "
                + scroller.getOrigin().y);
        double zoom = canvas.zoom();
        Display display = canvas.control().getDisplay();
        // canvas coordinates of a point in view: the scroller moved the canvas
        Point inView = new Point(scroller.getOrigin().x + 40, scroller.getOrigin().y + 40);
        ctrlWheel(canvas.control(), inView, 2);
        assertTrue(canvas.zoom() > zoom * 1.4, "Ctrl+wheel up zooms in: " + zoom + " -> " + canvas.zoom());
        assertTrue(canvas.control().getSize().x >= canvas.preferredSize().x, "still all of it in the scroller");
        XInput.key(display, "minus");
        assertTrue(canvas.zoom() < zoom * 1.4, "- zooms out: " + canvas.zoom());
        XInput.key(display, "0");
        assertEquals(1.0, canvas.zoom(), 1e-9, "0 is the natural size");

        // Fit (a real click on the button) shows the whole circuit without scrolling
        org.eclipse.swt.widgets.Button fit = findButton(view, "Fit");
        XInput.click(fit);
        UiTesting.flush();
        Point fitted = canvas.preferredSize();
        Rectangle area = scroller.getClientArea();
        assertTrue(fitted.x <= area.width + 1 && fitted.y <= area.height + 1, fitted + " fits " + area);
        view.setZoom(1);
        view.show(5, 2, Pauli.Y);
    }

    @Test
    void tooltipsNameTheGateWireAndParameters() throws Exception {
        CircuitView view = open();
        view.setZoom(1);
        view.show(5, 2, Pauli.Y);
        UiTesting.flush();
        CircuitCanvas c = view.canvas();
        Canvas control = c.control();
        Rectangle measure = c.gateBounds(view.diagram().columns().size() - 1, 4);
        assertTrue(tipAt(control, centre(measure)).startsWith("Measure <Y> on wire q4"), control.getToolTipText());
        assertTrue(tipAt(control, centre(c.gateBounds(0, 2))).startsWith("Amplitude embedding: the 32 values"),
                control.getToolTipText());
        // larger: the first layer's gates
        view.setZoom(1.5);
        UiTesting.flush();
        // column 1 is the first layer's Rot column; wire 2
        Rectangle rot = c.gateBounds(1, 2);
        assertEquals("Rot(\u03c6, \u03b8, \u03c9) = RZ(\u03c9) RY(\u03b8) RZ(\u03c6) on wire q2, layer 1; trainable parameters "
                + "weights[0][2] = (\u03c6, \u03b8, \u03c9) (30 per circuit)", tipAt(control, centre(rot)));
        // column 2 is CNOT(0, 1) of layer 1 (range 1)
        Rectangle cnot = c.gateBounds(2, 0);
        assertEquals("CNOT: control q0, target q1 (layer 1, range r = 1: CNOT(i, (i + r) mod q) for every wire i)",
                tipAt(control, centre(cnot)));
        String wire = tipAt(control, new Point(8, c.wireY(0)));
        assertEquals("Wire q0: the most significant bit (PennyLane's order)", wire);
        UiTesting.screenshot(view, "circuit-view-zoomed.png");
        view.setZoom(1);
    }

    @Test
    void exportsWhatItShowsAsSvgAndPng() throws Exception {
        CircuitView view = open();
        view.setZoom(1);
        view.show(5, 2, Pauli.Y);
        UiTesting.flush();
        Canvas control = view.canvas().control();
        Path root = ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath();
        Path svg = root.resolve("circuit-5q-2l-Y.svg");
        Menu menu = XInput.contextMenu(control, new Point(10, 10));
        FileDialogs.acceptProposal(control.getDisplay(), svg, () -> UiRobot.choose(UiRobot.item(menu, "Export as SVG...")));
        assertTrue(view.exportMessage().startsWith("Saved circuit-5q-2l-Y.svg"), view.exportMessage());
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = factory.newDocumentBuilder().parse(svg.toFile());
        // 2 layers x 5 Rot boxes, 5 measurement boxes and the embedding: 16 rounded boxes (+ the white background)
        int boxes = 0;
        var rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            boxes += rects.item(i).getAttributes().getNamedItem("rx") != null ? 1 : 0;
        }
        assertEquals(16, boxes, Files.readString(svg));
        assertEquals(10, doc.getElementsByTagName("ellipse").getLength() / 2, "a dot and a ring per CNOT");
        Path png = root.resolve("circuit-5q-2l-Y.png");
        Menu again = XInput.contextMenu(control, new Point(10, 10));
        FileDialogs.acceptProposal(control.getDisplay(), png, () -> UiRobot.choose(UiRobot.item(again, "Export as PNG...")));
        ImageData image = new ImageData(png.toString());
        assertTrue(image.width >= view.canvas().naturalSize().x && image.height >= view.canvas().naturalSize().y,
                "the whole circuit: " + image.width + "x" + image.height);
    }

    private static CircuitView view(Canvas control) {
        return (CircuitView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().findView(CircuitView.ID);
    }

    private static Point centre(Rectangle r) {
        return new Point(r.x + r.width / 2, r.y + r.height / 2);
    }

    /** Moves the real pointer there and returns the tooltip the canvas then has. */
    private static String tipAt(Canvas control, Point p) {
        XInput.moveTo(control, p);
        String before = control.getToolTipText();
        String expected = view(control).canvas().describe(p.x, p.y);
        UiTesting.waitUntil("the tooltip at " + p, Duration.ofSeconds(5),
                () -> control.getToolTipText() != null && !control.getToolTipText().equals(before)
                        || java.util.Objects.equals(expected, before));
        UiTesting.flush();
        return control.getToolTipText();
    }

    private static void ctrlWheel(Canvas control, Point at, int notchesUp) {
        UiRobot.wheel(control, at, -notchesUp, "ctrl");
    }

    private static org.eclipse.swt.widgets.Button findButton(CircuitView view, String text) {
        for (var c : view.scroller().getParent().getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Button b && b.getText().equals(text)) {
                return b;
            }
        }
        throw new AssertionError("no button " + text);
    }

}
