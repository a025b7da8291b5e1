package org.hqcm.ui.internal.wizards;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.model.presets.Presets;

/** New &gt; HQCM Example Project: a project with one experiment file per preset (quickstart, paper, classical). */
public final class NewExampleProjectWizard extends Wizard implements INewWizard {

    private WizardNewProjectCreationPage page;
    private IProject created;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        setWindowTitle(Messages.NewExampleProjectWizard_title);
    }

    @Override
    public void addPages() {
        page = new WizardNewProjectCreationPage("project");
        page.setTitle(Messages.NewExampleProjectWizard_title);
        page.setDescription(Messages.NewExampleProjectWizard_description);
        page.setInitialProjectName("hqcm-examples");
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IProject project = page.getProjectHandle();
        try {
            if (!project.exists()) {
                project.create(null);
            }
            project.open(null);
            for (String preset : Presets.names()) {
                IFile file = project.getFile(preset + ".hqcm");
                if (!file.exists()) {
                    file.create(PresetFiles.contents(preset, file), true, null);
                }
            }
            created = project;
            return true;
        } catch (CoreException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
            return false;
        }
    }

    /** The project made by the last finish. */
    public IProject project() {
        return created;
    }
}
