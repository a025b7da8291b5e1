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

    /** Shows a resource in the real Project Explorer and returns its tree item (parents expanded). */
    public static TreeItem inProjectExplorer(IResource resource) throws Exception {
        CommonNavigator view = (CommonNavigator) page().showView(PROJECT_EXPLORER);
        page().activate(view);
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

    /**
     * Handles a dialog that an action will open (and block in): polls for a shell with this title and hands it to
     * {@code handle} on the UI thread, then the action's call returns.
     */
    public static void whenShellOpens(String title, Consumer<Shell> handle) {
        Display display = Display.getCurrent();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            Optional<Shell> shell = Arrays.stream(display.getShells())
                    .filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText())).findFirst();
            if (shell.isPresent()) {
                UiTesting.flush();
                handle.accept(shell.get());
            } else if (System.nanoTime() < end) {
                display.timerExec(100, poll[0]);
            }
        };
        display.timerExec(100, poll[0]);
    }
}
