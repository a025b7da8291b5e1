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

    /**
     * Scrolls a form so that a field is in the middle of its view (or as near as the form allows), as a person scrolls
     * to a field before clicking it; returns the form's vertical origin. Fails when the field is still not in view.
     */
    public static int reveal(org.eclipse.ui.forms.widgets.ScrolledForm form, org.eclipse.swt.widgets.Control field) {
        org.eclipse.swt.graphics.Point inContent = form.getContent().toControl(field.toDisplay(0, 0));
        int max = Math.max(0, form.getContent().getSize().y - form.getClientArea().height);
        int y = Math.max(0, Math.min(max, inContent.y - form.getClientArea().height / 2));
        form.setOrigin(0, y);
        flush();
        Rectangle view = form.getClientArea();
        org.eclipse.swt.graphics.Point centre = form.toControl(field.toDisplay(field.getSize().x / 2, field.getSize().y / 2));
        if (!view.contains(centre)) {
            throw new AssertionError("the field is not in the form's view: " + centre + " in " + view);
        }
        return form.getOrigin().y;
    }

    /** Keeps the event loop running for a while (a popup to map, a tooltip's delay to pass). */
    public static void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        waitUntil("a pause of " + d.toMillis() + " ms", d.plusSeconds(5), () -> System.nanoTime() > end);
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
