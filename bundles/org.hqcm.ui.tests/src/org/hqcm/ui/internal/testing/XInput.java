package org.hqcm.ui.internal.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;

/**
 * Mouse and keyboard input through the X server (xdotool, XTest): real motion, button and wheel events with
 * timestamps, as a hand makes them, which GTK treats like a hardware mouse (pop-up menus grab it, the wheel scrolls).
 * SWT's {@link Display#post} on GTK puts events into GDK's queue instead and has no wheel events at all.
 * releng/scripts/install-ui-deps.sh installs xdotool. Each call lets the UI process what the input caused.
 */
public final class XInput {

    private XInput() {
    }

    /** Moves the pointer to a point of a control (its own coordinates), in two steps so the control sees a move. */
    public static void moveTo(Control control, Point local) {
        control.getShell().forceActive();
        UiTesting.flush();
        Point p = control.toDisplay(local);
        xdotool("mousemove", "--sync", Integer.toString(p.x + 1), Integer.toString(p.y + 1));
        xdotool("mousemove", "--sync", Integer.toString(p.x), Integer.toString(p.y));
        settle(control.getDisplay());
    }

    /** Presses and releases a button (1 left, 3 right) at a point of a control. */
    public static void click(Control control, Point local, int button) {
        moveTo(control, local);
        xdotool("click", Integer.toString(button));
        settle(control.getDisplay());
    }

    /** A left click in the middle of a control. */
    public static void click(Control control) {
        Point size = control.getSize();
        click(control, new Point(size.x / 2, size.y / 2), 1);
    }

    /** Right-clicks a point of a control and returns its context menu once the toolkit shows it. */
    public static Menu contextMenu(Control control, Point local) {
        click(control, local, 3);
        UiTesting.waitUntil("the context menu of " + control, java.time.Duration.ofSeconds(10),
                () -> control.getMenu() != null && control.getMenu().isVisible());
        return control.getMenu();
    }

    /** Turns the wheel over a point of a control: notches up when positive, down when negative. */
    public static void wheel(Control control, Point local, int notchesUp, String... modifiers) {
        moveTo(control, local);
        for (String m : modifiers) {
            xdotool("keydown", m);
        }
        for (int i = 0; i < Math.abs(notchesUp); i++) {
            xdotool("click", notchesUp > 0 ? "4" : "5");
            settle(control.getDisplay());
        }
        for (String m : modifiers) {
            xdotool("keyup", m);
        }
        settle(control.getDisplay());
    }

    /** Types a key by its X keysym name ("Return", "Home", "Right", "minus", "ctrl+0") to the focused window. */
    public static void key(Display display, String keysym) {
        xdotool("key", keysym);
        if (display != null) {
            settle(display);
        }
    }

    /** Runs xdotool and waits for it (it returns once the X server has the events). */
    static void xdotool(String... args) {
        List<String> cmd = new ArrayList<>(List.of("xdotool"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("xdotool did not finish: " + cmd);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("xdotool failed (" + p.exitValue() + "): " + cmd + ": "
                        + new String(p.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            throw new AssertionError("xdotool is missing: run releng/scripts/install-ui-deps.sh (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Dispatches what the X server sent for about 150 ms (events arrive asynchronously). */
    private static void settle(Display display) {
        long end = System.nanoTime() + 150_000_000L;
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        UiTesting.flush();
    }
}
