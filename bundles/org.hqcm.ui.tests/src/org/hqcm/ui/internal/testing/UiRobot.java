package org.hqcm.ui.internal.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Scrollable;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Input as a person gives it, for the UI tests. Mouse and keyboard go through {@link Display#post} (the X server's
 * XTest input under Xvfb: the toolkit sees real button and key events, opens real context menus and runs their
 * contributions' enablement); wheel notches and the keys Escape, Return, Tab and BackSpace through xdotool, also
 * XTest. Choosing an item of an open menu sends the item the events the toolkit sends
 * when it is clicked (Arm, Selection) and hides the menu, as SWTBot does: GTK menus have no item bounds to click
 * at. SWTBot itself is not on Maven Central (org.eclipse.swtbot.swt.finder 2.8.0 to 4.3.0 were looked up), so
 * these few methods stand in for it.
 */
public final class UiRobot {

    private UiRobot() {
    }

    /** Moves the pointer to a point of a control (its own coordinates). */
    public static void moveTo(Control control, Point local) {
        Point p = control.toDisplay(local);
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = p.x;
        move.y = p.y;
        post(control.getDisplay(), move);
    }

    /**
     * Waits until a control stays where it is on the screen across a round of events: a form that lays itself out
     * again after a selection (the sweep editor builds an axis's fields below its table) moves the controls under it,
     * and a click posted at once landed where a button had been (one CI run of 2026-12-01 removed no axis).
     */
    public static void waitInPlace(Control control) {
        UiTesting.waitUntil(control + " in place", Duration.ofSeconds(10), () -> {
            Rectangle before = control.getDisplay().map(control.getParent(), null, control.getBounds());
            UiTesting.flush();
            return before.equals(control.getDisplay().map(control.getParent(), null, control.getBounds()));
        });
    }

    /**
     * Once the control stays in place ({@link #waitInPlace}), moves the pointer over a point of it and waits until the
     * toolkit says the control is under it: a point of a control scrolled out of its parent's view lies over some
     * other control, and input would go there.
     */
    public static void hover(Control control, Point local) {
        control.getShell().forceActive();
        UiTesting.flush();
        waitInPlace(control);
        // entering, then moving inside: GTK starts a tooltip's timer on motion within the widget
        moveTo(control, new Point(Math.max(0, local.x - 3), local.y));
        UiTesting.flush();
        moveTo(control, local);
        UiTesting.waitUntil("the pointer over " + control, Duration.ofSeconds(5),
                () -> control.getDisplay().getCursorControl() == control);
    }

    /** Presses and releases a mouse button (1 left, 3 right) at a point of a control, once it stays in place. */
    public static void click(Control control, Point local, int button) {
        control.getShell().forceActive();
        UiTesting.flush();
        waitInPlace(control);
        moveTo(control, local);
        Event down = new Event();
        down.type = SWT.MouseDown;
        down.button = button;
        post(control.getDisplay(), down);
        Event up = new Event();
        up.type = SWT.MouseUp;
        up.button = button;
        post(control.getDisplay(), up);
        UiTesting.flush();
    }

    /**
     * A click with modifier keys held ({@code SWT.CTRL}: add a table row to the selection). Through xdotool: a
     * modifier pressed through {@link Display#post} reaches GTK's key handling (Ctrl+S works) but not the state of
     * the button press, so a Ctrl+click posted that way selected one row only.
     */
    public static void click(Control control, Point local, int button, int modifiers) {
        hover(control, local);
        List<String> args = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if ((modifiers & SWT.CTRL) != 0) {
            keys.add("ctrl");
        }
        if ((modifiers & SWT.SHIFT) != 0) {
            keys.add("shift");
        }
        for (String k : keys) {
            args.addAll(List.of("keydown", k));
        }
        args.addAll(List.of("click", String.valueOf(button)));
        for (int i = keys.size() - 1; i >= 0; i--) {
            args.addAll(List.of("keyup", keys.get(i)));
        }
        xdotool(args.toArray(String[]::new));
        settle(control.getDisplay(), 300);
    }

    /**
     * Two left clicks at a point of a control, 120 ms apart, as a person double-clicks: the toolkit reports a
     * double-click (a table's default selection). Through xdotool: two presses posted at once through
     * {@link Display#post} reach GTK as two single clicks (a table row never opened that way under Xvfb).
     */
    public static void doubleClick(Control control, Point local) {
        hover(control, local);
        xdotool("click", "--repeat", "2", "--delay", "120", "1");
        settle(control.getDisplay(), 300);
    }

    /** Clicks a tool bar button in its middle. */
    public static void click(org.eclipse.swt.widgets.ToolItem item) {
        if (!item.isEnabled()) {
            throw new AssertionError("the tool bar button '" + item.getToolTipText() + "' is disabled");
        }
        Rectangle b = item.getBounds();
        Point at = new Point(b.x + b.width / 2, b.y + b.height / 2);
        try {
            hover(item.getParent(), at);
        } catch (AssertionError e) {
            throw new AssertionError("the pointer is not over the tool bar of '" + item.getToolTipText() + "' (item " + b
                    + " of a bar of " + item.getParent().getSize() + " at " + item.getParent().toDisplay(0, 0) + "): "
                    + item.getDisplay().getCursorControl(), e);
        }
        click(item.getParent(), at, 1);
    }

    /** The middle of a table row's first cell, in the table's coordinates, once in view ({@link #atRest}). */
    public static Point middle(Table table, TableItem item) {
        table.showItem(item);
        return atRest(table, () -> item.getBounds(0), "the row " + item.getText());
    }

    /** The middle of a tree row's label, in the tree's coordinates, once in view ({@link #atRest}). */
    public static Point middle(Tree tree, TreeItem item) {
        tree.showItem(item);
        return atRest(tree, item::getBounds, "the row " + item.getText());
    }

    /**
     * A row's point to click (20 px in, or its middle if narrower) once its bounds hold across a round of events and
     * the point lies in the control's client area. GTK scrolls to a row on its next layout, not in showItem: the
     * bounds read at once can be those from before the scroll, and the click then selects another row (a CI run of
     * 2026-12-02: the second sweep's row was the 8th, in a tree that shows 3.6 rows, 80 of 114 px below its header).
     * A person clicks the row where it has come to rest.
     */
    private static Point atRest(Scrollable control, Supplier<Rectangle> bounds, String what) {
        Point[] at = new Point[1];
        UiTesting.waitUntil(what + " at rest in view", Duration.ofSeconds(10), () -> {
            Rectangle before = bounds.get();
            UiTesting.flush();
            Rectangle now = bounds.get();
            at[0] = new Point(now.x + Math.min(20, now.width / 2), now.y + now.height / 2);
            return before.equals(now) && now.height > 0 && control.getClientArea().contains(at[0]);
        });
        return at[0];
    }

    /** Left click in the middle of a control. */
    public static void click(Control control) {
        Rectangle b = control.getBounds();
        click(control, new Point(b.width / 2, b.height / 2), 1);
    }

    /**
     * Turns the mouse wheel over a point of a control (which must be under the pointer): notches down when positive,
     * up when negative, with modifier keys in xdotool's words ("ctrl") held meanwhile.
     */
    public static void wheel(Control control, Point local, int notchesDown, String... modifiers) {
        hover(control, local);
        for (String m : modifiers) {
            xdotool("keydown", m);
        }
        try {
            // X11 sends a wheel notch as a press and release of button 4 (up) or 5 (down); Display.post on GTK cannot
            // (its buttons 4 and 5 are X's 8 and 9, back and forward), so xdotool (XTest, like post) sends them
            for (int i = 0; i < Math.abs(notchesDown); i++) {
                xdotool("click", notchesDown > 0 ? "5" : "4");
                settle(control.getDisplay(), 300);
            }
        } finally {
            // a held Ctrl would reach every later test
            for (String m : modifiers) {
                xdotool("keyup", m);
            }
        }
        settle(control.getDisplay(), 150);
    }

    /** A key chord in xdotool's words ("alt+r"), sent through the X server to the window with the focus. */
    public static void chord(Display display, String keys) {
        xdotool("key", keys);
        settle(display, 300);
    }

    /** Runs xdotool (XTest input, as Display.post uses) and waits for it. */
    public static void xdotool(String... args) {
        List<String> cmd = new ArrayList<>(List.of("xdotool"));
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("xdotool " + String.join(" ", args) + " failed (releng/scripts/install-ui-deps.sh installs it)");
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("xdotool is missing: run releng/scripts/install-ui-deps.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Lets the toolkit read and handle what the X server has for it, for a while. */
    private static void settle(Display display, long millis) {
        UiTesting.pause(Duration.ofMillis(millis));
        UiTesting.flush();
    }

    /** Types a key with modifiers ({@code SWT.CTRL}, {@code SWT.SHIFT}; {@code 'y'} or {@code SWT.F11}). */
    public static void key(Display display, int modifiers, int key) {
        // a closed dialog leaves the X focus nowhere when no window manager gives it back: give it to the window
        if (display.getActiveShell() == null) {
            for (Shell s : display.getShells()) {
                if (s.isVisible() && s.getParent() == null && s.getMenuBar() != null) {
                    s.forceActive();
                    UiTesting.pause(Duration.ofMillis(200));
                    break;
                }
            }
        }
        String named = switch (key) {
            case SWT.ESC -> "Escape";
            case SWT.CR -> "Return";
            case SWT.TAB -> "Tab";
            case SWT.BS -> "BackSpace";
            default -> null;
        };
        if (named != null) {
            // Display.post on GTK takes no key event for these characters (it finds no X key code for them)
            StringBuilder chord = new StringBuilder();
            if ((modifiers & SWT.CTRL) != 0) {
                chord.append("ctrl+");
            }
            if ((modifiers & SWT.SHIFT) != 0) {
                chord.append("shift+");
            }
            if ((modifiers & SWT.ALT) != 0) {
                chord.append("alt+");
            }
            xdotool("key", chord + named);
            settle(display, 200);
            return;
        }
        List<Integer> mods = new ArrayList<>();
        for (int m : new int[] {SWT.CTRL, SWT.SHIFT, SWT.ALT}) {
            if ((modifiers & m) != 0) {
                mods.add(m);
            }
        }
        for (int m : mods) {
            post(display, keyEvent(SWT.KeyDown, m, (char) 0));
        }
        Event down = key < 0x10000 && (key & SWT.KEYCODE_BIT) == 0 ? keyEvent(SWT.KeyDown, 0, (char) key)
                : keyEvent(SWT.KeyDown, key, (char) 0);
        post(display, down);
        Event up = key < 0x10000 && (key & SWT.KEYCODE_BIT) == 0 ? keyEvent(SWT.KeyUp, 0, (char) key)
                : keyEvent(SWT.KeyUp, key, (char) 0);
        post(display, up);
        for (int i = mods.size() - 1; i >= 0; i--) {
            post(display, keyEvent(SWT.KeyUp, mods.get(i), (char) 0));
        }
        UiTesting.flush();
    }

    /** Selects a text field's content as a person does (a click into it, then End and Shift+Home) and types over it. */
    public static void typeOver(org.eclipse.swt.widgets.Text text, String typed) {
        for (int attempt = 1; ; attempt++) {
            // without a window manager (Xvfb) the X keyboard focus can stay with a shell that just closed (a wizard):
            // posted keys then reach no window; a person would click into the window, which a manager answers by
            // focusing it
            if (text.getDisplay().getActiveShell() != text.getShell()) {
                text.getShell().forceActive();
                UiTesting.flush();
            }
            // a form may still be moving (a message appearing in its header): click until the field has the focus
            UiTesting.waitUntil("the keyboard focus in " + text, Duration.ofSeconds(10), () -> {
                click(text);
                return text.getDisplay().getFocusControl() == text;
            });
            key(text.getDisplay(), 0, SWT.END);
            key(text.getDisplay(), SWT.SHIFT, SWT.HOME);
            type(text.getDisplay(), typed);
            if (text.getText().equals(typed) || attempt == 3) {
                return;
            }
            // seen under load: the keys reached the field before its selection, or no window; a person types again
            System.err.println("UiRobot.typeOver: '" + text.getText() + "' after typing '" + typed + "', typing again");
            text.getShell().forceActive();
            UiTesting.pause(Duration.ofMillis(300));
        }
    }

    /** Types text character by character. */
    public static void type(Display display, String text) {
        for (char c : text.toCharArray()) {
            post(display, keyEvent(SWT.KeyDown, 0, c));
            post(display, keyEvent(SWT.KeyUp, 0, c));
            // each key handled before the next: posted all at once, GTK under Xvfb dropped some (a last character, a
            // whole word) while the field's validation ran
            UiTesting.flush();
        }
    }

    private static Event keyEvent(int type, int keyCode, char character) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        return e;
    }

    private static void post(Display display, Event e) {
        if (!display.post(e)) {
            throw new AssertionError("the display did not take the event " + e);
        }
    }

    /** Right-clicks a tree item and returns its context menu once the toolkit has shown it. */
    public static Menu contextMenu(Tree tree, TreeItem item) {
        tree.setFocus();
        Point at = middle(tree, item);
        click(tree, at, 1);
        // a person's click in the window makes it the active one (a window manager does that); without one, under
        // Xvfb, forceActive takes a moment, and until then the debug UI reads no active window: its Run As submenu
        // then finds no selection and offers only Run Configurations... (seen on the first menu of a fresh workbench)
        UiTesting.waitUntil("the window of " + tree + " active", Duration.ofSeconds(10),
                () -> tree.getDisplay().getActiveShell() == tree.getShell()
                        && org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null);
        // the click's selection reaches the tree asynchronously (XTest); a right-click before it would show the menu
        // of the previous selection (under load, Run As then listed only Run Configurations...): a person sees the
        // row highlighted first
        try {
            UiTesting.waitUntil("the row " + item.getText() + " selected by the click", Duration.ofSeconds(10),
                    () -> Arrays.asList(tree.getSelection()).contains(item));
        } catch (AssertionError e) {
            List<String> selected = new ArrayList<>();
            for (TreeItem i : tree.getSelection()) {
                selected.add(i.getText());
            }
            throw new AssertionError(e.getMessage() + ": clicked at " + at + ", the row now "
                    + (item.isDisposed() ? "disposed" : "at " + item.getBounds()) + " in " + tree.getClientArea()
                    + ", selected " + selected, e);
        }
        return rightClick(tree, at);
    }

    /** Selects a table row with a click, right-clicks it and returns its context menu once shown. */
    public static Menu contextMenu(Table table, TableItem item) {
        table.setFocus();
        Point at = middle(table, item);
        // GTK leaves the selection alone on a right-click: a person clicks the row first
        if (!java.util.Arrays.asList(table.getSelection()).contains(item)) {
            click(table, at, 1);
        }
        return rightClick(table, at);
    }

    /** Right-clicks a point of a control (a canvas) and returns its context menu once shown. */
    public static Menu contextMenu(Control control, Point local) {
        return rightClick(control, local);
    }

    /** Right-clicks a control and returns its context menu once the toolkit has shown it. */
    public static Menu rightClick(Control control, Point at) {
        Menu menu = control.getMenu();
        if (menu == null) {
            throw new AssertionError("no context menu on " + control);
        }
        boolean[] shown = {false};
        org.eclipse.swt.widgets.Listener l = e -> shown[0] = true;
        menu.addListener(SWT.Show, l);
        try {
            click(control, at, 3);
            UiTesting.waitUntil("the context menu of " + control, Duration.ofSeconds(10), () -> shown[0]);
        } finally {
            menu.removeListener(SWT.Show, l);
        }
        UiTesting.flush();
        return menu;
    }

    /** The texts of a menu's items as shown (mnemonics and accelerators removed), filling it first. */
    public static List<String> texts(Menu menu) {
        show(menu);
        return Arrays.stream(menu.getItems()).map(UiRobot::text).toList();
    }

    /** An item of a menu by its path of shown texts ("Run As", "1 HQCM Experiment" matches "HQCM Experiment"). */
    public static MenuItem item(Menu menu, String... path) {
        Menu m = menu;
        MenuItem found = null;
        for (String step : path) {
            show(m);
            found = null;
            for (MenuItem i : m.getItems()) {
                String t = text(i);
                if (t.equals(step) || t.replaceFirst("^\\d+ ", "").equals(step)) {
                    found = i;
                    break;
                }
            }
            if (found == null) {
                throw new AssertionError("no item '" + step + "' in the menu; it has " + texts(m));
            }
            if (found.getMenu() != null) {
                m = found.getMenu();
            }
        }
        return found;
    }

    /** Whether a menu has an item with this path. */
    public static boolean has(Menu menu, String... path) {
        try {
            item(menu, path);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Chooses an item (as a click on it does) and closes the menus it was in. */
    public static void choose(MenuItem item) {
        if (!item.isEnabled()) {
            throw new AssertionError("the menu item '" + text(item) + "' is disabled");
        }
        Menu top = item.getParent();
        while (top.getParentMenu() != null) {
            top = top.getParentMenu();
        }
        // a click hides the menu first, then the item reports its selection
        if (top.isVisible()) {
            top.setVisible(false);
        }
        UiTesting.flush();
        if ((item.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            item.setSelection(!item.getSelection());
        }
        item.notifyListeners(SWT.Arm, new Event());
        item.notifyListeners(SWT.Selection, new Event());
        UiTesting.flush();
    }

    /** Closes a menu without choosing (Escape). */
    public static void hide(Menu menu) {
        if (menu.isVisible()) {
            menu.setVisible(false);
        }
        UiTesting.flush();
    }

    /** The item of a menu bar by path (File, Restart), its menus filled as when opened. */
    public static MenuItem menuBar(Shell shell, String... path) {
        return item(shell.getMenuBar(), path);
    }

    private static void show(Menu menu) {
        // the workbench fills menus (and runs the contributions' enablement) when they are about to show
        menu.notifyListeners(SWT.Show, new Event());
        UiTesting.flush();
    }

    /** An item's text as shown: without the mnemonic's '&' and the accelerator after a tab. */
    public static String text(MenuItem item) {
        return plain(item.getText());
    }

    /** A widget's text as shown ("&Finish" is "Finish"; an accelerator after a tab is left out). */
    public static String plain(String text) {
        String t = text;
        int tab = t.indexOf('\t');
        if (tab >= 0) {
            t = t.substring(0, tab);
        }
        return t.replace("&&", "\u0000").replace("&", "").replace('\u0000', '&').strip();
    }
}
