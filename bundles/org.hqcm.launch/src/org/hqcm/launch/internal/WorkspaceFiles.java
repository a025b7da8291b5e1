package org.hqcm.launch.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.FilteredResourcesSelectionDialog;

/** The file field of a launch tab (experiment, sweep): a workspace path found, or chosen in a dialog. */
public final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    /** The workspace file at a full path such as {@code /project/x.hqcm}, or null (no such file, or no valid path). */
    public static IFile find(String path) {
        if (!ResourcesPlugin.getWorkspace().validatePath(path, IResource.FILE).isOK()) {
            return null;
        }
        return ResourcesPlugin.getWorkspace().getRoot().findMember(path) instanceof IFile f ? f : null;
    }

    /** A workspace file chosen in the resource dialog, starting from a name pattern ({@code *.hqcm}), or null. */
    public static IFile choose(Shell shell, String title, String pattern) {
        FilteredResourcesSelectionDialog dialog = new FilteredResourcesSelectionDialog(shell, false,
                ResourcesPlugin.getWorkspace().getRoot(), IResource.FILE);
        dialog.setTitle(title);
        dialog.setInitialPattern(pattern);
        return dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile f ? f : null;
    }
}
