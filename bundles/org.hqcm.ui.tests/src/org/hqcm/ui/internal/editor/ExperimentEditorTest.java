package org.hqcm.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.hqcm.model.DataSource;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.hqcm.ui.internal.views.CircuitDiagram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped quickstart example in the experiment editor: change the qubits, undo and redo, save, and see a
 * bad value become a problem marker and a form message; add, edit and remove data sources the same way.
 */
class ExperimentEditorTest {

    private IProject project;
    private IFile file;
    private IWorkbenchPage page;

    @BeforeEach
    void quickstartInAProject() throws Exception {
        file = Workbench.projectWithQuickstart("editor-test");
        project = file.getProject();
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

    @Test
    void addsEditsAndRemovesDataSourcesUndoablyAndSavesThem() throws Exception {
        ExperimentEditor editor = (ExperimentEditor) IDE.openEditor(page, file);
        UiTesting.flush();
        DataSourcesPart part = editor.sources();
        Table table = part.viewer().getTable();
        var sources = editor.experiment().getDataset().getSources();
        DataSource original = sources.get(0);
        assertEquals(1, sources.size());
        assertEquals(1, table.getItemCount());
        assertEquals(600, original.getImagesPerClass());

        click(part, SourceKind.SYNTHETIC, part.addButton());
        assertEquals(2, sources.size(), "Add puts a source into the model");
        DataSource added = sources.get(1);
        assertEquals(SourceKind.SYNTHETIC, added.getKind());
        assertEquals(200, added.getImagesPerClass(), "with the model's defaults");
        assertTrue(editor.isDirty());
        assertEquals(2, table.getItemCount());
        assertEquals(1, table.getSelectionIndex(), "the new source is selected");
        Text images = (Text) editor.field("dataset.sources[1].imagesPerClass");
        assertEquals("200", images.getText(), "its fields are shown");
        images.setText("12");
        assertEquals(12, added.getImagesPerClass());
        assertTrue(table.getItem(1).getText(2).contains("12"), table.getItem(1).getText(2));

        editor.undoAction().run();
        assertEquals(200, added.getImagesPerClass());
        editor.undoAction().run();
        assertEquals(java.util.List.of(original), sources, "undo takes the source out again");
        assertEquals(1, table.getItemCount());
        assertFalse(editor.isDirty());
        editor.redoAction().run();
        editor.redoAction().run();
        assertEquals(java.util.List.of(original, added), sources);
        assertEquals(12, added.getImagesPerClass());

        table.setSelection(0);
        table.notifyListeners(SWT.Selection, new Event());
        assertEquals("600", ((Text) editor.field("dataset.sources[0].imagesPerClass")).getText());
        part.removeButton().notifyListeners(SWT.Selection, new Event());
        assertEquals(java.util.List.of(added), sources, "Remove takes the selected source out");
        assertEquals(1, table.getItemCount());
        editor.undoAction().run();
        assertEquals(java.util.List.of(original, added), sources, "undo puts it back in its place");
        assertEquals(0, table.getSelectionIndex(), "and selects it");
        assertEquals("600", ((Text) editor.field("dataset.sources[0].imagesPerClass")).getText());

        editor.doSave(null);
        assertFalse(editor.isDirty());
        Experiment saved = HqcmResources.loadExperiment(file.getLocation().toPath());
        assertEquals(2, saved.getDataset().getSources().size(), "saved to the file");
        assertEquals(12, saved.getDataset().getSources().get(1).getImagesPerClass());
        page.closeAllEditors(false);
        ExperimentEditor reopened = (ExperimentEditor) IDE.openEditor(page, file);
        UiTesting.flush();
        assertEquals(2, reopened.sources().viewer().getTable().getItemCount(), "read back from disk");
        assertEquals("12", ((Text) reopened.field("dataset.sources[1].imagesPerClass")).getText());
    }

    @Test
    void aSourceWithoutItsDataIsMarked() throws Exception {
        ExperimentEditor editor = (ExperimentEditor) IDE.openEditor(page, file);
        UiTesting.flush();
        DataSourcesPart part = editor.sources();
        click(part, SourceKind.SYNTHETIC, part.addButton());
        Combo kind = (Combo) editor.field("dataset.sources[1].kind");
        kind.select(SourceKind.IMAGE_FOLDER.getValue());
        kind.notifyListeners(SWT.Selection, new Event());
        DataSource added = editor.experiment().getDataset().getSources().get(1);
        assertEquals(SourceKind.IMAGE_FOLDER, added.getKind());
        UiTesting.flush();
        Text path = assertInstanceOf(Text.class, editor.field("dataset.sources[1].path"), "a folder source has a path field");
        assertEquals(null, editor.field("dataset.sources[1].imagesPerClass"), "and no generator fields");
        assertEquals("", path.getText());
        UiTesting.waitUntil("a marker for the missing path", Duration.ofSeconds(10), () -> marker("dataset.sources[1].path") != null);
        IMarker missing = marker("dataset.sources[1].path");
        assertEquals(IMarker.SEVERITY_ERROR, missing.getAttribute(IMarker.SEVERITY, -1));
        assertTrue(missing.getAttribute(IMarker.MESSAGE, "").contains("needs a path"), missing.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(IMessageProvider.ERROR, editor.formMessageType());
        UiTesting.waitUntil("the row marked", Duration.ofSeconds(5),
                () -> part.viewer().getTable().getItem(1).getImage(0) != null);
        assertEquals(null, part.viewer().getTable().getItem(0).getImage(0), "the valid source is not marked");
        UiTesting.screenshot(editor, "experiment-editor.png");

        path.setText("scans");
        assertEquals("scans", added.getPath());
        UiTesting.waitUntil("the marker to name the folder that is not there", Duration.ofSeconds(10),
                () -> marker("dataset.sources[1].path") != null
                        && marker("dataset.sources[1].path").getAttribute(IMarker.MESSAGE, "").contains("does not exist"));
        Files.createDirectories(project.getLocation().toPath().resolve("scans"));
        editor.validateNow();
        assertEquals(null, marker("dataset.sources[1].path"), "a folder that exists is fine");

        // the Problems view leads to a source's field even when another source is selected
        Files.delete(project.getLocation().toPath().resolve("scans"));
        editor.validateNow();
        IMarker notThere = marker("dataset.sources[1].path");
        Table table = part.viewer().getTable();
        table.setSelection(0);
        table.notifyListeners(SWT.Selection, new Event());
        assertEquals(null, part.shownControl("dataset.sources[1].path"));
        IDE.gotoMarker(editor, notThere);
        assertEquals(1, table.getSelectionIndex());
        Control focused = table.getDisplay().getFocusControl();
        assertEquals(part.shownControl("dataset.sources[1].path"), focused, "the path field of that source");

        // no source at all is an error on the table
        part.removeButton().notifyListeners(SWT.Selection, new Event());
        table.setSelection(0);
        table.notifyListeners(SWT.Selection, new Event());
        part.removeButton().notifyListeners(SWT.Selection, new Event());
        assertEquals(0, table.getItemCount());
        assertFalse(part.removeButton().isEnabled());
        UiTesting.waitUntil("a marker for no sources", Duration.ofSeconds(10), () -> marker("dataset.sources") != null);
        editor.undoAction().run();
        editor.undoAction().run();
        assertEquals(2, table.getItemCount());
        UiTesting.waitUntil("the marker to go", Duration.ofSeconds(10), () -> marker("dataset.sources") == null);
    }

    /** Chooses a kind in the Add combo and presses a button, as a user would. */
    private static void click(DataSourcesPart part, SourceKind kind, Button button) {
        part.kindChoice().select(kind.getValue());
        part.kindChoice().notifyListeners(SWT.Selection, new Event());
        button.notifyListeners(SWT.Selection, new Event());
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
