package org.hqcm.ui.internal.testing;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;

/**
 * Mouse and keyboard input through the X server (xdotool, XTest): real motion, button and wheel events with
 * timestamps, as a hand makes them, which GTK treats like a hardware mouse (pop-up menus grab it, the wheel scrolls).
 * SWT's {@link Display#post} on GTK puts events into GDK's queue instead and has no wheel events at all.
 * releng/scripts/install-ui-deps.sh installs xdotool; {@link UiRobot#xdotool} runs it, {@link UiRobot#wheel} turns the
 * wheel. Each call lets the UI process what the input caused.
 */
public final class XInput {

    private XInput() {
    }

    /** Moves the pointer to a point of a control (its own coordinates), in two steps so the control sees a move. */
    public static void moveTo(Control control, Point local) {
        control.getShell().forceActive();
        UiTesting.flush();
        Point p = control.toDisplay(local);
        UiRobot.xdotool("mousemove", "--sync", Integer.toString(p.x + 1), Integer.toString(p.y + 1));
        UiRobot.xdotool("mousemove", "--sync", Integer.toString(p.x), Integer.toString(p.y));
        settle(control.getDisplay());
    }

    /** Presses and releases a button (1 left, 3 right) at a point of a control. */
    public static void click(Control control, Point local, int button) {
        moveTo(control, local);
        UiRobot.xdotool("click", Integer.toString(button));
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

    /** Types a key by its X keysym name ("Return", "Home", "Right", "minus", "ctrl+0") to the focused window. */
    public static void key(Display display, String keysym) {
        UiRobot.xdotool("key", keysym);
        if (display != null) {
            settle(display);
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
