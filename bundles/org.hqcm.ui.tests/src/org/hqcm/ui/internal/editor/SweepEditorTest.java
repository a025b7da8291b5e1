package org.hqcm.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.model.Sweep;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.testing.SweepInput;
import org.hqcm.ui.internal.testing.TinySweeps;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tiny sweep (the quickstart-sweep preset shrunk) in the sweep editor, used as a person uses it: opened from the
 * Project Explorer's context menu, an axis added with the Add Axis button, its values typed one per line, Ctrl+Z and
 * Ctrl+Shift+Z, a bad value and a bad path becoming markers and form messages, Ctrl+S warning about errors, and the
 * Open button leading to the base experiment.
 */
class SweepEditorTest {

    private IProject project;
    private IFile file;
    private IWorkbenchPage page;

    @BeforeEach
    void tinySweepInAProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("sweep-editor-test");
        project.create(null);
        project.open(null);
        TinySweeps.write(project.getLocation().toPath(), "tiny-sweep");
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        file = project.getFile("tiny-sweep.hqcmsweep");
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.getWorkbenchWindow().getShell().setSize(1400, 950);
    }

    @AfterEach
    void cleanUp() throws Exception {
        page.closeAllEditors(false);
        project.delete(true, true, null);
    }

    /** Opens the sweep file with Open in the Project Explorer's context menu. */
    private SweepEditor openFromProjectExplorer() throws Exception {
        TreeItem item = Workbench.inProjectExplorer(file);
        Menu menu = UiRobot.contextMenu(item.getParent(), item);
        UiRobot.choose(UiRobot.item(menu, "Open"));
        UiTesting.waitUntil("the sweep editor", Duration.ofSeconds(20), () -> page.getActiveEditor() instanceof SweepEditor);
        SweepEditor editor = (SweepEditor) page.getActiveEditor();
        UiTesting.flush();
        return editor;
    }

    @Test
    void addsAnAxisTypesValuesUndoesRedoesMarksProblemsAndSaves() throws Exception {
        SweepEditor editor = openFromProjectExplorer();
        Sweep sweep = editor.sweep();
        Display display = editor.getSite().getShell().getDisplay();
        UiTesting.waitUntil("the first validation", Duration.ofSeconds(10), () -> editor.formMessageType() != IMessageProvider.ERROR);
        assertTrue(editor.problems().stream().noneMatch(p -> p.isError()), "the tiny sweep is valid: " + editor.problems());
        assertEquals("2 configuration(s) x 2 seed(s) = 4 trial(s)", editor.trialSummary());
        assertEquals("tiny.hqcm", ((Text) editor.field("experimentFile")).getText());

        // Add Axis: the path chosen with the keyboard in the drop-down of the base experiment's features
        SweepAxesPart axes = editor.axes();
        Combo paths = axes.pathChoice();
        assertTrue(Arrays.asList(paths.getItems()).containsAll(List.of("architecture.head", "training.learningRate",
                "dataset.imageSize", "architecture.head.qubits")), Arrays.toString(paths.getItems()));
        SweepInput.chooseWithKeys(paths, "training.learningRate");
        press(editor, axes.addButton());
        assertEquals(2, sweep.getAxes().size());
        assertEquals("training.learningRate", sweep.getAxes().get(1).getPath());
        assertEquals(List.of("0.003"), sweep.getAxes().get(1).getValues(), "starts with the base's value");
        Text values = axes.valuesField();
        assertEquals("0.003", values.getText());
        assertTrue(editor.isDirty());

        // a second value on its own line
        UiTesting.reveal(editor.form(), values);
        SweepInput.appendLine(values, "0.006");
        assertEquals(List.of("0.003", "0.006"), sweep.getAxes().get(1).getValues());
        assertEquals("0.003 | 0.006", axes.viewer().getTable().getItem(1).getText(2), "the table follows");
        assertEquals("4 configuration(s) x 2 seed(s) = 8 trial(s)", editor.trialSummary());
        UiTesting.screenshot(editor, "sweep-editor.png");

        // Ctrl+Z undoes the typing, then the Add; Ctrl+Shift+Z redoes
        for (int i = 0; i < 20 && sweep.getAxes().size() > 1; i++) {
            UiRobot.key(display, SWT.CTRL, 'z');
        }
        assertEquals(1, sweep.getAxes().size(), "undo removed the added axis");
        assertEquals("2 configuration(s) x 2 seed(s) = 4 trial(s)", editor.trialSummary());
        assertFalse(editor.isDirty(), "back at the saved state");
        UiRobot.key(display, SWT.CTRL | SWT.SHIFT, 'z');
        assertEquals(2, sweep.getAxes().size(), "redo brought it back");
        assertEquals(List.of("0.003"), sweep.getAxes().get(1).getValues());
        assertEquals("0.003", axes.valuesField().getText(), "and its fields");

        // a value the experiment's rules refuse: a marker on the axis value, the header and the row say so
        UiTesting.reveal(editor.form(), axes.valuesField());
        SweepInput.appendLine(axes.valuesField(), "-0.5");
        // validation follows the typing (each character is an edit): wait for the marker of the value typed
        UiTesting.waitUntil("a marker for the bad value", Duration.ofSeconds(30), () -> marker("axes[1].values[1]") != null
                && marker("axes[1].values[1]").getAttribute(IMarker.MESSAGE, "").contains("\"-0.5\""));
        String message = marker("axes[1].values[1]").getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.contains("training.learningRate = \"-0.5\" makes trial") && message.contains("expected > 0"), message);
        assertEquals(IMessageProvider.ERROR, editor.formMessageType(), "shown in the form too");
        assertNotNull(axes.viewer().getTable().getItem(1).getImage(0), "the axis' row has an error icon");

        // Ctrl+S with an error: the warning, answered with Escape, saves nothing
        Workbench.whenShellOpens("Save a Sweep with Errors", s -> UiRobot.key(s.getDisplay(), 0, SWT.ESC));
        UiRobot.key(display, SWT.CTRL, 's');
        assertTrue(editor.isDirty(), "not saved after Cancel");

        // a path that is no feature
        // each typed character was one edit ("-", "-0", "-0.", "-0.5"): Ctrl+Z until the value is gone
        for (int i = 0; i < 8 && sweep.getAxes().get(1).getValues().size() > 1; i++) {
            UiRobot.key(display, SWT.CTRL, 'z');
        }
        assertEquals(List.of("0.003"), sweep.getAxes().get(1).getValues(), "the bad value undone");
        UiTesting.reveal(editor.form(), editor.field("axes[1].path"));
        UiRobot.typeOver((Text) editor.field("axes[1].path"), "training.learningRat");
        UiTesting.waitUntil("a marker for the bad path", Duration.ofSeconds(30), () -> marker("axes[1].path") != null
                && marker("axes[1].path").getAttribute(IMarker.MESSAGE, "").contains("learningRat'"));
        assertTrue(marker("axes[1].path").getAttribute(IMarker.MESSAGE, "").contains("'learningRat' is not a feature of Training"),
                marker("axes[1].path").getAttribute(IMarker.MESSAGE, ""));
        UiTesting.screenshot(editor, "sweep-editor-problem.png");
        UiTesting.reveal(editor.form(), editor.field("axes[1].path"));
        UiRobot.typeOver((Text) editor.field("axes[1].path"), "training.learningRate");
        UiTesting.waitUntil("the markers to go", Duration.ofSeconds(20), () -> marker("axes[1].path") == null);

        // Ctrl+S saves the valid sweep
        UiRobot.key(display, SWT.CTRL, 's');
        UiTesting.waitUntil("saved", Duration.ofSeconds(10), () -> !editor.isDirty());
        Sweep saved = HqcmResources.loadSweep(file.getLocation().toPath());
        assertEquals(2, saved.getAxes().size());
        assertEquals("training.learningRate", saved.getAxes().get(1).getPath());
        assertEquals(List.of("0.003"), saved.getAxes().get(1).getValues());
        editor.setActivePage(XmiPage.ID);
        assertTrue(editor.xmi().contains("path=\"training.learningRate\""), editor.xmi());
    }

    @Test
    void openLeadsToTheBaseExperimentAndRemoveTakesAnAxisAway() throws Exception {
        SweepEditor editor = openFromProjectExplorer();
        SweepAxesPart axes = editor.axes();
        org.eclipse.swt.widgets.Table table = axes.viewer().getTable();
        UiTesting.reveal(editor.form(), table);
        UiRobot.hover(table, UiRobot.middle(table, table.getItem(0)));
        UiRobot.click(table, UiRobot.middle(table, table.getItem(0)), 1);
        assertEquals(editor.sweep().getAxes().get(0), axes.selected(), "the click selected the head axis");
        press(editor, axes.removeButton());
        UiTesting.waitUntil("Remove took the axis away", Duration.ofSeconds(5), () -> editor.sweep().getAxes().isEmpty());
        assertEquals("1 configuration(s) x 2 seed(s) = 2 trial(s)", editor.trialSummary());
        UiRobot.key(editor.getSite().getShell().getDisplay(), SWT.CTRL, 'z');
        assertEquals(1, editor.sweep().getAxes().size());

        org.eclipse.swt.widgets.Button open = SweepInput.button(editor.field("experimentFile").getParent(), "Open");
        press(editor, open);
        UiTesting.waitUntil("the base experiment's editor", Duration.ofSeconds(20),
                () -> page.getActiveEditor() instanceof ExperimentEditor);
        IEditorPart base = page.getActiveEditor();
        assertEquals("tiny.hqcm", base.getEditorInput().getName());
        assertInstanceOf(ExperimentEditor.class, base);
    }

    /**
     * Clicks a button once it is enabled (selecting an axis enables Remove) and the form has laid itself out again,
     * scrolled to it as a person does; {@link UiRobot#hover} then checks the pointer is over it.
     */
    private static void press(SweepEditor editor, Control button) {
        UiTesting.waitUntil(button + " enabled", Duration.ofSeconds(10), button::isEnabled);
        UiRobot.waitInPlace(button);
        UiTesting.reveal(editor.form(), button);
        org.eclipse.swt.graphics.Point middle = new org.eclipse.swt.graphics.Point(button.getSize().x / 2,
                button.getSize().y / 2);
        UiRobot.hover(button, middle);
        UiRobot.click(button, middle, 1);
    }

    private IMarker marker(String featurePath) {
        try {
            return Arrays.stream(file.findMarkers(ValidationMarkers.TYPE, false, IResource.DEPTH_ZERO))
                    .filter(m -> featurePath.equals(m.getAttribute(ValidationMarkers.FEATURE_PATH, ""))).findFirst()
                    .orElse(null);
        } catch (org.eclipse.core.runtime.CoreException e) {
            throw new AssertionError(e);
        }
    }
}
