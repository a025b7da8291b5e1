package org.hqcm.ui.internal.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.resources.IResource;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.navigator.CommonNavigator;

/** The workbench as the tests drive it: the Project Explorer's tree, dialogs that open while an action runs. */
public final class Workbench {

    public static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    private Workbench() {
    }

    public static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    public static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** A new project with the shipped quickstart example in it; returns the example's file. */
    public static org.eclipse.core.resources.IFile projectWithQuickstart(String name) throws Exception {
        org.eclipse.core.resources.IProject project = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot()
                .getProject(name);
        project.create(null);
        project.open(null);
        java.nio.file.Files.copy(TinyExperiments.quickstart(), project.getLocation().toPath().resolve("quickstart.hqcm"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        return project.getFile("quickstart.hqcm");
    }

    /** Shows a resource in the real Project Explorer and returns its tree item (parents expanded). */
    public static TreeItem inProjectExplorer(IResource resource) throws Exception {
        // a person works in the Project Explorer of an active window; without a window manager (Xvfb) the window may
        // not be active yet, and activating a part then does not take: when the window became active, the part
        // activated last before (the Progress view of LaunchedSweepTest) was the active part again, and the debug
        // UI's Run As, which reads the active part's selection, offered only Run Configurations...
        Shell shell = page().getWorkbenchWindow().getShell();
        shell.forceActive();
        UiTesting.waitUntil("the workbench window active", Duration.ofSeconds(10),
                () -> shell.getDisplay().getActiveShell() == shell);
        CommonNavigator view = (CommonNavigator) page().showView(PROJECT_EXPLORER);
        page().activate(view);
        UiTesting.waitUntil("the Project Explorer the active part", Duration.ofSeconds(10), () -> {
            if (page().getActivePart() != view) {
                page().activate(view);
                return false;
            }
            return true;
        });
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

    /**
     * Selects a resource in the Project Explorer with a click on its row, as a person does before a keyboard command
     * (Ctrl+F11); clicks again while the tree is still changing under the pointer (a refresh moves rows).
     */
    public static TreeItem selectInProjectExplorer(IResource resource) throws Exception {
        TreeItem[] item = {inProjectExplorer(resource)};
        Tree tree = item[0].getParent();
        UiTesting.waitUntil(resource.getFullPath() + " selected by a click", Duration.ofSeconds(20), () -> {
            item[0] = find(tree.getItems(), resource);
            if (item[0] == null) {
                return false;
            }
            org.eclipse.swt.graphics.Rectangle b = item[0].getBounds();
            UiRobot.click(tree, new org.eclipse.swt.graphics.Point(b.x + Math.min(20, b.width / 2), b.y + b.height / 2), 1);
            TreeItem[] selected = tree.getSelection();
            return selected.length == 1 && resource.equals(selected[0].getData());
        });
        return item[0];
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

    /**
     * Handles a dialog that an action will open (and block in): polls for a shell with this title and hands it to
     * {@code handle} on the UI thread, with the keyboard focus (as a desktop's window manager gives a new dialog),
     * then the action's call returns.
     */
    public static void whenShellOpens(String title, Consumer<Shell> handle) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Optional<Shell> shell = Arrays.stream(display.getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText())).findFirst();
            if (shell.isPresent()) {
                // Xvfb has no window manager to give a new dialog the keyboard focus, as a desktop does; the focus
                // can only go to a window the X server has mapped, which a visible shell may not be yet
                Shell s = shell.get();
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (display.getActiveShell() != s && System.nanoTime() < until) {
                    s.forceActive();
                    UiTesting.pause(Duration.ofMillis(100));
                }
                UiTesting.flush();
                try {
                    handle.accept(s);
                } catch (RuntimeException | AssertionError e) {
                    // thrown here, it would end in the workbench's event loop and leave the dialog open: the test
                    // would wait behind it for ever. Closing it lets the test go on to fail on what did not happen
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
}
