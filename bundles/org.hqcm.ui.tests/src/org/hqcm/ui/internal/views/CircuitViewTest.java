package org.hqcm.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.engine.quantum.Pauli;
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
        Path shot = screenshot(page.getWorkbenchWindow().getShell(), "circuit-view.png");
        assertTrue(Files.size(shot) > 1000, "screenshot written");
    }

    /** Captures the window into target/screenshots (README pictures come from here, not from hand). */
    private static Path screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        Rectangle r = shell.getBounds();
        Image image = new Image(display, r.width, r.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        Path dir = Path.of(System.getProperty("hqcm.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }
}
