package org.hqcm.launch.internal.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ISetSelectionTarget;

/** What the launch UI tests share: a project with files, the Project Explorer, and waiting on the UI thread. */
final class Workbenches {

    static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    private Workbenches() {
    }

    static IProject project(String name) throws CoreException {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!p.exists()) {
            p.create(null);
        }
        p.open(null);
        return p;
    }

    static IFile file(IProject project, String name, String content) throws CoreException {
        IFile f = project.getFile(name);
        f.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
        return f;
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Selects a resource in the real Project Explorer and returns the view's selection, as a user's click would. */
    static ISelection selectInProjectExplorer(Object element) throws Exception {
        IViewPart view = page().showView(PROJECT_EXPLORER);
        ((ISetSelectionTarget) view).selectReveal(new StructuredSelection(element));
        waitUntil("the selection in the Project Explorer", Duration.ofSeconds(10),
                () -> element.equals(((StructuredSelection) view.getSite().getSelectionProvider().getSelection())
                        .getFirstElement()));
        page().activate(view);
        return view.getSite().getSelectionProvider().getSelection();
    }

    static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
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
                    throw new AssertionError(e);
                }
            }
        }
    }
}
