package org.hqcm.ui.internal;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;
import org.hqcm.ui.internal.compare.CompareRunsView;
import org.hqcm.ui.internal.runs.RunDetailsView;
import org.hqcm.ui.internal.runs.RunsView;
import org.hqcm.ui.internal.views.CircuitView;

/** The HQCM perspective: projects on the left, editors in the middle, HQCM views and progress around them. */
public final class HqcmPerspective implements IPerspectiveFactory {

    /** Id of this perspective, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.22f, editors);
        IFolderLayout right = layout.createFolder("org.hqcm.ui.right", IPageLayout.RIGHT, 0.72f, editors);
        right.addView(IPageLayout.ID_PROGRESS_VIEW);
        right.addView(IPageLayout.ID_PROBLEM_VIEW);
        // the console in a folder of its own: when a run starts it comes forward without hiding the Progress view's
        // Cancel or the Runs view's live row
        IFolderLayout console = layout.createFolder("org.hqcm.ui.console", IPageLayout.BOTTOM, 0.5f, "org.hqcm.ui.right");
        console.addPlaceholder(IConsoleConstants.ID_CONSOLE_VIEW);
        // the platform's Run menu, Run/Debug toolbar buttons, Ctrl+F11 and Quick Access' "Run Configurations"
        layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
        // the circuit is wide: it gets the full width under the editors
        IFolderLayout bottom = layout.createFolder("org.hqcm.ui.bottom", IPageLayout.BOTTOM, 0.55f, editors);
        bottom.addView(RunsView.ID);
        bottom.addView(CircuitView.ID);
        bottom.addPlaceholder(RunDetailsView.ID);
        bottom.addPlaceholder(CompareRunsView.ID);
        layout.addNewWizardShortcut("org.hqcm.ui.wizards.newExperiment");
        layout.addNewWizardShortcut("org.hqcm.ui.wizards.newExampleProject");
        layout.addShowViewShortcut(RunsView.ID);
        layout.addShowViewShortcut(RunDetailsView.ID);
        layout.addShowViewShortcut(CompareRunsView.ID);
        layout.addShowViewShortcut(CircuitView.ID);
        layout.addShowViewShortcut(IConsoleConstants.ID_CONSOLE_VIEW);
    }
}
