package org.hqcm.ui.internal.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.resources.IResource;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;

/**
 * Input for the sweep tests that {@link UiRobot} does not give yet: the Project Explorer's row of a file, a read-only
 * drop-down chosen with the arrow keys (GTK moves a focused combo's choice with Up and Down), a line appended to a
 * multi-line field, a field typed over, and keys GTK takes only from the X server (Return, Escape: Display.post finds
 * no key code for them), sent with xdotool as the wheel tests do.
 */
public final class SweepInput {

    private SweepInput() {
    }

    /** Shows a resource in the real Project Explorer and returns its tree item (parents expanded). */
    public static TreeItem inProjectExplorer(IResource resource) throws Exception {
        CommonNavigator view = (CommonNavigator) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                .showView("org.eclipse.ui.navigator.ProjectExplorer");
        view.getCommonViewer().refresh();
        view.selectReveal(new StructuredSelection(resource));
        Tree tree = view.getCommonViewer().getTree();
        TreeItem[] found = new TreeItem[1];
        UiTesting.waitUntil(resource.getFullPath() + " in the Project Explorer", Duration.ofSeconds(10), () -> {
            found[0] = find(tree.getItems(), resource);
            return found[0] != null;
        });
        return found[0];
    }

    private static TreeItem find(TreeItem[] items, Object data) {
        for (TreeItem i : items) {
            if (data.equals(i.getData())) {
                return i;
            }
            TreeItem below = find(i.getItems(), data);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    /** Chooses an item of a read-only combo as the keyboard does: the focus on it, then Down or Up until it shows. */
    public static void chooseWithKeys(Combo combo, String item) {
        int want = combo.indexOf(item);
        if (want < 0) {
            throw new AssertionError("no '" + item + "' in " + Arrays.toString(combo.getItems()));
        }
        combo.getShell().forceActive();
        UiTesting.waitUntil("the focus in " + combo, Duration.ofSeconds(10), () -> {
            combo.setFocus();
            UiTesting.flush();
            return combo.getDisplay().getFocusControl() == combo;
        });
        for (int i = 0; i < combo.getItemCount() + 2 && combo.getSelectionIndex() != want; i++) {
            xdotool(combo.getDisplay(), "key", combo.getSelectionIndex() < want ? "Down" : "Up");
        }
        if (combo.getSelectionIndex() != want) {
            throw new AssertionError("the arrow keys did not reach '" + item + "': " + combo.getText());
        }
    }

    /** Clicks into a multi-line field, goes to its end (Ctrl+End) and types a new line and {@code line}. */
    public static void appendLine(Text text, String line) {
        focus(text);
        xdotool(text.getDisplay(), "key", "ctrl+End");
        xdotool(text.getDisplay(), "key", "Return");
        UiRobot.type(text.getDisplay(), line);
    }

    /** Clicks into a field, selects its text (End, Shift+Home) and types over it. */
    public static void typeOver(Text text, String typed) {
        focus(text);
        xdotool(text.getDisplay(), "key", "End");
        xdotool(text.getDisplay(), "key", "shift+Home");
        UiRobot.type(text.getDisplay(), typed);
        if (!text.getText().equals(typed)) {
            throw new AssertionError("typed '" + typed + "', the field shows '" + text.getText() + "'");
        }
    }

    private static void focus(Text text) {
        UiTesting.waitUntil("the keyboard focus in " + text, Duration.ofSeconds(10), () -> {
            UiRobot.click(text);
            return text.getDisplay().getFocusControl() == text;
        });
    }

    /** A key chord in xdotool's words ("Escape", "ctrl+s") to the window with the focus (a dialog's shell). */
    public static void key(Shell shell, String keys) {
        xdotool(shell.getDisplay(), "key", keys);
    }

    /** The push button with this text among a composite's children. */
    public static Button button(Composite parent, String text) {
        for (Control c : parent.getChildren()) {
            if (c instanceof Button b && text.equals(b.getText().replace("&", ""))) {
                return b;
            }
        }
        throw new AssertionError("no button '" + text + "' in " + parent);
    }

    /**
     * Handles a dialog that an action will open (and block in): polls for a shell with this title and hands it to
     * {@code handle} with the keyboard focus (Xvfb has no window manager to give it one).
     */
    public static void whenShellOpens(String title, Consumer<Shell> handle) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Optional<Shell> shell = Arrays.stream(display.getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText())).findFirst();
            if (shell.isPresent()) {
                Shell s = shell.get();
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (display.getActiveShell() != s && System.nanoTime() < until) {
                    s.forceActive();
                    UiTesting.flush();
                }
                try {
                    handle.accept(s);
                } catch (RuntimeException | AssertionError e) {
                    e.printStackTrace();
                    if (!s.isDisposed()) {
                        s.close();
                    }
                }
            } else if (System.nanoTime() < end) {
                display.timerExec(100, poll[0]);
            }
        };
        display.timerExec(100, poll[0]);
    }

    /** Runs xdotool (XTest input, as Display.post uses) and lets the toolkit handle what it sent. */
    static void xdotool(Display display, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "xdotool";
        System.arraycopy(args, 0, cmd, 1, args.length);
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
        long until = System.nanoTime() + Duration.ofMillis(250).toNanos();
        while (System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

}
