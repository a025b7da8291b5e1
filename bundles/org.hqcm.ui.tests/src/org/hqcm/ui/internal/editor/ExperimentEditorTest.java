package org.hqcm.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.views.CircuitDiagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped quickstart example in the experiment editor: change the qubits, undo and redo, save, and see a
 * bad value become a problem marker and a form message.
 */
class ExperimentEditorTest {

    private IProject project;
    private IFile file;
    private IWorkbenchPage page;

    @BeforeEach
    void quickstartInAProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-test");
        project.create(null);
        project.open(null);
        Files.copy(TinyExperiments.quickstart(), project.getLocation().toPath().resolve("quickstart.hqcm"),
                StandardCopyOption.REPLACE_EXISTING);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        file = project.getFile("quickstart.hqcm");
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        page.closeAllEditors(false);
        project.delete(true, true, null);
    }

    @Test
    void editsUndoesSavesAndMarksBadValues() throws Exception {
        IEditorPart part = IDE.openEditor(page, file);
        ExperimentEditor editor = assertInstanceOf(ExperimentEditor.class, part, "the default editor of .hqcm");
        UiTesting.flush();
        QuantumHead head = (QuantumHead) editor.experiment().getArchitecture().getHead();
        assertEquals(5, head.getQubits());
        assertFalse(editor.isDirty());
        assertTrue(editor.problems().stream().noneMatch(p -> p.isError()), "the example is valid: " + editor.problems());

        Text qubits = (Text) editor.field("architecture.head.qubits");
        assertEquals("5", qubits.getText());
        qubits.setText("3");
        assertEquals(3, head.getQubits(), "the field is bound to the model");
        assertTrue(editor.isDirty());
        assertEquals(3, editor.circuit().diagram().spec().qubits(), "the circuit redraws");
        assertEquals(3 * 2, editor.circuit().diagram().count(CircuitDiagram.Kind.CNOT));

        editor.undoAction().run();
        assertEquals(5, head.getQubits());
        assertEquals("5", qubits.getText(), "undo shows in the form");
        assertFalse(editor.isDirty(), "back at the saved state");
        editor.redoAction().run();
        assertEquals(3, head.getQubits());

        editor.doSave(null);
        assertFalse(editor.isDirty());
        assertEquals(3, ((QuantumHead) HqcmResources.loadExperiment(file.getLocation().toPath()).getArchitecture()
                .getHead()).getQubits(), "saved to the file");

        Text rate = (Text) editor.field("training.learningRate");
        rate.setText("-0.1");
        assertEquals(-0.1, editor.experiment().getTraining().getLearningRate());
        UiTesting.waitUntil("a marker for the bad learning rate", Duration.ofSeconds(10), () -> marker("training.learningRate") != null);
        IMarker m = marker("training.learningRate");
        assertEquals(IMarker.SEVERITY_ERROR, m.getAttribute(IMarker.SEVERITY, -1));
        assertTrue(m.getAttribute(IMarker.MESSAGE, "").contains("-0.1"), m.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(IMessageProvider.ERROR, editor.formMessageType(), "shown in the form too");
        UiTesting.screenshot(editor, "experiment-editor.png");

        editor.setActivePage(XmiPage.ID);
        assertTrue(editor.xmi().contains("learningRate=\"-0.1\""), "the XMI page follows the model");
        editor.field("name").setFocus();
        IDE.gotoMarker(editor, m);
        assertEquals(ExperimentFormPage.ID, editor.getActivePageInstance().getId(), "the marker leads to the form");
        assertEquals(rate, rate.getDisplay().getFocusControl(), "and to the field");

        editor.undoAction().run();
        UiTesting.waitUntil("the marker to go", Duration.ofSeconds(10), () -> marker("training.learningRate") == null);
    }

    @Test
    void aTypoInANumberFieldLeavesTheModelAlone() throws Exception {
        ExperimentEditor editor = (ExperimentEditor) IDE.openEditor(page, file);
        UiTesting.flush();
        Text epochs = (Text) editor.field("training.maxEpochs");
        int before = editor.experiment().getTraining().getMaxEpochs();
        epochs.setText(before + "x");
        assertEquals(before, editor.experiment().getTraining().getMaxEpochs());
        assertFalse(editor.isDirty());
        Text widths = (Text) editor.field("architecture.backboneWidths");
        widths.setText("16, 16, 8");
        assertEquals(java.util.List.of(16, 16, 8), editor.experiment().getArchitecture().getBackboneWidths());
        editor.undoAction().run();
        assertEquals("32, 32, 16", widths.getText(), "list fields follow undo");
    }

    @Test
    void switchingTheHeadRebuildsItsSectionAndUndoes() throws Exception {
        ExperimentEditor editor = (ExperimentEditor) IDE.openEditor(page, file);
        UiTesting.flush();
        editor.selectHead(false);
        assertInstanceOf(org.hqcm.model.ClassicalHead.class, editor.experiment().getArchitecture().getHead());
        assertTrue(editor.field("architecture.head.width") instanceof Text, "the classical head's fields");
        assertEquals(null, editor.circuit(), "no circuit for a classical head");
        assertTrue(editor.isDirty());
        editor.undoAction().run();
        assertInstanceOf(QuantumHead.class, editor.experiment().getArchitecture().getHead());
        assertEquals("5", ((Text) editor.field("architecture.head.qubits")).getText());
        assertEquals(5, editor.circuit().diagram().spec().qubits());
        assertFalse(editor.isDirty());
    }

    private IMarker marker(String featurePath) {
        try {
            return Arrays.stream(file.findMarkers(ValidationMarkers.TYPE, false, IResource.DEPTH_ZERO))
                    .filter(m -> featurePath.equals(m.getAttribute(ValidationMarkers.FEATURE_PATH, "")))
                    .findFirst().orElse(null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
