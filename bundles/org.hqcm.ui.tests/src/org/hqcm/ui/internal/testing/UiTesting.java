package org.hqcm.ui.internal.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;

/** Waiting on the UI thread without blocking it, and screenshots into target/screenshots. */
public final class UiTesting {

    private UiTesting() {
    }

    /** Runs the event loop until the condition holds; fails after the timeout. */
    public static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }

    /** Lets the UI process what is pending (paints, async runnables). */
    public static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain
        }
    }

    /**
     * Captures the window with one part maximized (README pictures come from here, not from hand), then gives
     * the part its place back.
     */
    public static Path screenshot(IWorkbenchPart part, String name) throws Exception {
        IWorkbenchPage page = part.getSite().getPage();
        IWorkbenchPartReference ref = page.getReference(part);
        Shell shell = part.getSite().getShell();
        shell.setSize(1400, 900);
        page.setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
        try {
            return screenshot(shell, name);
        } finally {
            page.setPartState(ref, IWorkbenchPage.STATE_RESTORED);
            flush();
        }
    }

    /** Captures the window into the screenshot folder. */
    public static Path screenshot(Shell shell, String name) {
        flush();
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
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = dir.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }
}
