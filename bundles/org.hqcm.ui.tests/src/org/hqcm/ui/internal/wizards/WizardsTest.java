package org.hqcm.ui.internal.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.ui.internal.editor.ExperimentEditor;
import org.hqcm.ui.internal.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two New wizards make valid experiment files from the presets. */
class WizardsTest {

    private final IWorkbench workbench = PlatformUI.getWorkbench();
    private IProject project;

    @AfterEach
    void cleanUp() throws Exception {
        workbench.getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        if (project != null) {
            project.delete(true, true, null);
        }
    }

    @Test
    void newExperimentFromAPresetOpensInTheEditor() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("wizard-test");
        project.create(null);
        project.open(null);
        NewExperimentWizard wizard = new NewExperimentWizard();
        wizard.init(workbench, new StructuredSelection(project));
        WizardDialog dialog = new WizardDialog(workbench.getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            wizard.page().setFileName("mine");
            wizard.page().selectPreset(Presets.CLASSICAL);
            assertTrue(wizard.canFinish(), String.valueOf(wizard.page().getErrorMessage()));
            dialog.updateButtons();
            UiTesting.screenshot(dialog.getShell(), "new-experiment-wizard.png");
            assertTrue(wizard.performFinish());
        } finally {
            dialog.close();
        }
        IFile file = project.getFile("mine.hqcm");
        assertTrue(file.exists());
        Experiment e = HqcmResources.loadExperiment(file.getLocation().toPath());
        assertEquals("mine", e.getName());
        assertInstanceOf(ClassicalHead.class, e.getArchitecture().getHead());
        IWorkbenchPage page = workbench.getActiveWorkbenchWindow().getActivePage();
        ExperimentEditor editor = assertInstanceOf(ExperimentEditor.class, page.getActiveEditor());
        assertEquals(file, editor.file());
    }

    @Test
    void exampleProjectHasEveryPreset() throws Exception {
        NewExampleProjectWizard wizard = new NewExampleProjectWizard();
        wizard.init(workbench, StructuredSelection.EMPTY);
        WizardDialog dialog = new WizardDialog(workbench.getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            assertTrue(wizard.performFinish());
        } finally {
            dialog.close();
        }
        project = wizard.project();
        assertEquals("hqcm-examples", project.getName());
        for (String preset : List.of(Presets.QUICKSTART, Presets.HQCM_EBTC, Presets.CLASSICAL)) {
            IFile file = project.getFile(preset + ".hqcm");
            assertTrue(file.exists(), preset);
            Experiment e = HqcmResources.loadExperiment(file.getLocation().toPath());
            assertTrue(ExperimentValidator.validate(e, file.getParent().getLocation().toPath()).stream()
                    .noneMatch(p -> p.isError()), preset + " is valid");
        }
        assertInstanceOf(QuantumHead.class, HqcmResources.loadExperiment(project.getFile("quickstart.hqcm")
                .getLocation().toPath()).getArchitecture().getHead());
    }
}
