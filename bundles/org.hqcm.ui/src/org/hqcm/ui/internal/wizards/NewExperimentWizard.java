package org.hqcm.ui.internal.wizards;

import java.io.InputStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.model.presets.Presets;

/** New &gt; HQCM Experiment: a .hqcm file made from one of the presets, opened in the experiment editor. */
public final class NewExperimentWizard extends Wizard implements INewWizard {

    private IWorkbench workbench;
    private IStructuredSelection selection;
    private Page page;

    @Override
    public void init(IWorkbench wb, IStructuredSelection sel) {
        this.workbench = wb;
        this.selection = sel;
        setWindowTitle(Messages.NewExperimentWizard_title);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new Page(selection);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) {
            return false;
        }
        try {
            IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), file);
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
        return true;
    }

    /** The page (tests fill it in). */
    public Page page() {
        return page;
    }

    /** Container and file name, and the preset the file starts from. */
    public static final class Page extends WizardNewFileCreationPage {

        private Combo preset;
        private Label summary;

        Page(IStructuredSelection selection) {
            super("experiment", selection == null ? new org.eclipse.jface.viewers.StructuredSelection() : selection);
            setTitle(Messages.NewExperimentWizard_title);
            setDescription(Messages.NewExperimentWizard_description);
            setFileExtension("hqcm");
            setFileName("experiment.hqcm");
        }

        @Override
        protected void createAdvancedControls(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(c);
            new Label(c, SWT.NONE).setText(Messages.NewExperimentWizard_preset);
            preset = new Combo(c, SWT.READ_ONLY);
            Presets.names().forEach(preset::add);
            preset.select(0);
            summary = new Label(c, SWT.WRAP);
            GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(summary);
            preset.addListener(SWT.Selection, e -> summary.setText(Presets.summary(preset.getText())));
            summary.setText(Presets.summary(preset.getText()));
        }

        @Override
        protected IStatus validateLinkedResource() {
            // the link controls are replaced by the preset choice
            return Status.OK_STATUS;
        }

        @Override
        protected void createLinkTarget() {
            // no linked files: an experiment lives in the workspace
        }

        @Override
        protected InputStream getInitialContents() {
            IFile file = ResourcesPlugin.getWorkspace().getRoot()
                    .getFile(getContainerFullPath().append(getFileName()));
            return PresetFiles.contents(preset.getText(), file);
        }

        /** Chooses a preset by name. */
        public void selectPreset(String name) {
            preset.setText(name);
            summary.setText(Presets.summary(name));
        }
    }
}
