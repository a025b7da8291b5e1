package org.hqcm.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.engine.quantum.Pauli;
import org.hqcm.ui.internal.testing.UiTesting;
import org.junit.jupiter.api.Test;

/** In a real workbench (Xvfb in CI): the Circuit view opens, follows its settings and paints the circuit. */
class CircuitViewTest {

    @Test
    void opensAndRedrawsForNewSettings() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IViewPart part = page.showView(CircuitView.ID);
        CircuitView view = assertInstanceOf(CircuitView.class, part);
        assertTrue(page.isPartVisible(view));
        assertEquals(10, view.diagram().count(CircuitDiagram.Kind.CNOT), "paper default: 5 qubits, 2 layers");

        view.show(3, 4, Pauli.Z);
        assertEquals(12, view.diagram().count(CircuitDiagram.Kind.CNOT));
        assertEquals(Pauli.Z, view.diagram().spec().measurement());

        view.show(5, 2, Pauli.Y);
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // let the view paint
        }
        Path shot = UiTesting.screenshot(view, "circuit-view.png");
        assertTrue(Files.size(shot) > 1000, "screenshot written");
    }
}
