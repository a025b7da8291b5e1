package org.hqcm.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.hqcm.launch.internal.EngineInstallation;
import org.hqcm.launch.internal.RunProgressJob;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.ui.internal.compare.CellImagesView;
import org.hqcm.ui.internal.compare.CompareRunsView;
import org.hqcm.ui.internal.compare.ConfusionGrid;
import org.hqcm.ui.internal.editor.ExperimentEditor;
import org.hqcm.ui.internal.testing.FileDialogs;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.hqcm.ui.internal.testing.XInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A researcher's first session, twice in a row in one workbench, through menus, context menus, the mouse and the
 * keyboard only: File &gt; New &gt; HQCM Example Project, open the quickstart, shrink it by typing into the form and
 * save, Run As &gt; HQCM Experiment from the Project Explorer, watch the Runs view's live row, Cancel it there, Resume
 * it from its Run Report, run it a second time with the editor's Run button, select both runs and Compare, and export
 * the comparison as Markdown through the save dialog. Between the comparison and the export, the error drill-down:
 * a click on the fullest cell of the first run's confusion grid opens its test images with a column per run.
 */
class ResearcherWalkTest {

    /**
     * The quickstart shrunk by typing: 16 px, 16 phantoms per class, 2 x 2 qubits, 12 epochs of under a second (quiet
     * machine) to a few seconds (loaded), never stopping early: long enough to cancel in the middle.
     */
    private static final Map<String, String> TINY = new java.util.LinkedHashMap<>();

    static {
        TINY.put("dataset.imageSize", "16");
        TINY.put("dataset.sources[0].imagesPerClass", "16");
        TINY.put("architecture.backboneWidths", "4, 4, 4");
        TINY.put("architecture.head.qubits", "2");
        TINY.put("architecture.head.layers", "1");
        TINY.put("architecture.head.circuits", "2");
        TINY.put("training.maxEpochs", "12");
        TINY.put("training.earlyStoppingPatience", "0");
        TINY.put("training.batchSize", "8");
    }

    @BeforeAll
    static void engine() {
        System.setProperty(EngineInstallation.PROPERTY, TinyExperiments.engineDir().toAbsolutePath().toString());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Workbench.page().closeAllEditors(false);
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
            c.delete();
        }
        for (String name : List.of("walk-1", "walk-2")) {
            IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
            if (p.exists()) {
                p.delete(true, true, null);
            }
        }
    }

    @Test
    void newProjectEditRunWatchCancelResumeRunAgainCompareAndExportTwiceInARow() throws Exception {
        walk("walk-1");
        walk("walk-2");
    }

    private static void walk(String projectName) throws Exception {
        IWorkbenchPage page = Workbench.page();
        Shell shell = Workbench.shell();

        // File > New > HQCM Example Project, the name typed, Finish clicked
        boolean[] finished = {false};
        Workbench.whenShellOpens(org.hqcm.ui.internal.wizards.Messages.NewExampleProjectWizard_title, wizard -> {
            Text name = find(wizard, Text.class, t -> true);
            UiRobot.typeOver(name, projectName);
            UiRobot.click(find(wizard, Button.class, b -> UiRobot.plain(b.getText()).equals("Finish")));
            finished[0] = true;
        });
        UiRobot.choose(UiRobot.menuBar(shell, "File", "New", "HQCM Example Project"));
        UiTesting.waitUntil("the wizard to finish", Duration.ofSeconds(60), () -> finished[0]);
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName);
        assertTrue(project.exists(), projectName + " made");
        IFile file = project.getFile("quickstart.hqcm");

        // selected in the Project Explorer with a click, opened with Return; shrunk by typing into the form, saved
        Workbench.selectInProjectExplorer(file);
        UiRobot.key(shell.getDisplay(), 0, SWT.CR);
        UiTesting.waitUntil("the experiment editor", Duration.ofSeconds(30),
                () -> page.getActiveEditor() instanceof ExperimentEditor e && e.file().equals(file));
        ExperimentEditor editor = (ExperimentEditor) page.getActiveEditor();
        for (Map.Entry<String, String> f : TINY.entrySet()) {
            Text field = (Text) editor.field(f.getKey());
            UiTesting.reveal(editor.form(), field);
            UiRobot.typeOver(field, f.getValue());
            assertEquals(f.getValue(), field.getText(), f.getKey());
            // the form validates a moment after typing stops and may grow a message line: let it settle
            UiTesting.pause(Duration.ofMillis(500));
        }
        UiRobot.key(shell.getDisplay(), SWT.CTRL, 's');
        UiTesting.waitUntil("the save", Duration.ofSeconds(10), () -> !editor.isDirty());
        assertEquals(12, HqcmResources.loadExperiment(file.getLocation().toPath()).getTraining().getMaxEpochs());

        // Run As > HQCM Experiment from the Project Explorer's context menu
        RunsView runs = (RunsView) page.showView(RunsView.ID);
        Table table = runs.viewer().getTable();
        TreeItem item = Workbench.inProjectExplorer(file);
        Menu menu = UiRobot.contextMenu(item.getParent(), item);
        Set<RunProgressJob> before = RunRows.jobs();
        UiRobot.choose(UiRobot.item(menu, "Run As", "HQCM Experiment"));
        RunProgressJob first = RunRows.newJob(before);
        Path dir = first.runFolder();

        // watched live in the Runs view, cancelled from its context menu in the second epoch
        assertTrue(RunRows.watchUntilEpoch(runs, first, "epoch 2/12").size() >= 2, "the row followed the run");
        page.activate(runs);
        UiRobot.choose(UiRobot.item(UiRobot.contextMenu(table, RunRows.row(runs, dir)), "Cancel"));
        RunRows.awaitEnd(first);
        assertEquals(RunStatus.CANCELLED, HqcmResources.loadRunRecord(dir).getStatus());
        UiTesting.waitUntil("Cancelled in the Runs view", Duration.ofSeconds(30), () -> RunRows.row(runs, dir) != null
                && RunRows.row(runs, dir).getText(RunColumn.STATUS.ordinal()).equals("Cancelled"));

        // the Run Report (double-click) says Cancelled; its Resume link continues the run to the end
        RunDetailsView details = RunRows.openReport(runs, dir);
        assertTrue(details.title().contains("Cancelled"), details.title());
        before = RunRows.jobs();
        Link resume = details.resumeLink();
        assertNotNull(resume, "the Run Report offers Resume");
        UiRobot.click(resume, new Point(8, resume.getSize().y / 2), 1);
        RunProgressJob resumed = RunRows.newJob(before);
        assertEquals(dir, resumed.runFolder());
        RunRows.awaitEnd(resumed);
        assertEquals(RunStatus.COMPLETED, HqcmResources.loadRunRecord(dir).getStatus());
        assertEquals(12, HqcmResources.loadRunRecord(dir).getEpochs().size(), "every epoch after the resume");

        // a second run with the Run button of the editor's header
        page.activate(editor);
        UiTesting.reveal(editor.form(), editor.runButton().getParent());
        before = RunRows.jobs();
        UiRobot.click(editor.runButton());
        RunProgressJob second = RunRows.newJob(before);
        assertNotEquals(dir, second.runFolder());
        RunRows.awaitEnd(second);
        assertEquals(RunStatus.COMPLETED, second.end().status());

        // both rows selected (a click, then Ctrl+click) and compared with the Runs view's Compare button
        page.activate(runs);
        // the view reloads (and may reorder its rows) when the second run's record is saved the last time: a person
        // waits until both rows say Completed, and clicks again when a reload came between the two clicks
        UiTesting.waitUntil("both runs Completed in the Runs view", Duration.ofSeconds(30),
                () -> completed(runs, dir) && completed(runs, second.runFolder()));
        UiTesting.waitUntil("both runs selected", Duration.ofSeconds(30), () -> {
            UiRobot.click(table, UiRobot.middle(table, RunRows.row(runs, dir)), 1);
            UiRobot.click(table, UiRobot.middle(table, RunRows.row(runs, second.runFolder())), 1, SWT.CTRL);
            UiTesting.pause(Duration.ofMillis(300));
            return runs.selectedRuns().size() == 2;
        });
        UiRobot.click(toolItem(runs, Messages.RunsView_compare));
        CompareRunsView compare = (CompareRunsView) page.findView(CompareRunsView.ID);
        assertNotNull(compare, "Compare Runs opened");
        UiTesting.waitUntil("the comparison with its statistics", Duration.ofSeconds(60),
                () -> compare.comparison() != null && compare.canExport());
        assertEquals(2, compare.comparison().names().size());

        // the error drill-down: a click on the fullest cell of the first run's confusion grid
        // the view may still rebuild its grids (the explanation and calibration tables arrive after the statistics):
        // a person clicks the cell again when the grid under the pointer was replaced
        ConfusionGrid[] clicked = new ConfusionGrid[1];
        UiTesting.waitUntil("the cell's images", Duration.ofSeconds(60), () -> {
            ConfusionGrid g = compare.confusionGrids().get(0);
            if (g.control().isDisposed() || g.cellBounds(0, 0) == null) {
                return false;
            }
            int[] c = fullestCell(g.matrix());
            Rectangle b = g.cellBounds(c[0], c[1]);
            try {
                XInput.click(g.control(), new Point(b.x + b.width / 2, b.y + b.height / 2), 1);
            } catch (org.eclipse.swt.SWTException disposed) {
                return false;
            }
            clicked[0] = g;
            UiTesting.pause(Duration.ofMillis(500));
            return page.findView(CellImagesView.ID) instanceof CellImagesView v && page.isPartVisible(v)
                    && !v.rows().isEmpty();
        });
        ConfusionGrid grid = clicked[0];
        int[] cell = fullestCell(grid.matrix());
        CellImagesView cells = (CellImagesView) page.findView(CellImagesView.ID);
        assertEquals(grid.matrix().count(cell[0], cell[1]), cells.rows().size(), "every image of the cell (a tiny test split)");
        for (CellImagesView.Row row : cells.rows()) {
            assertEquals(2, row.captions().size(), "a column per compared run: " + row);
            assertEquals(cell[0], row.trueClass(), "an image of the cell's true class");
        }
        page.activate(compare);

        // exported as Markdown: the save dialog (GTK's own) opens in the project with a proposed name; Return takes it
        Path md = project.getLocation().toPath().resolve(compare.comparison().fileName("md"));
        Control exportButton = find(shell, Button.class,
                x -> x.getText().equals(org.hqcm.ui.internal.compare.Messages.CompareRunsView_exportMarkdown));
        assertNotNull(exportButton, "the Export Markdown button");
        FileDialogs.acceptProposal(shell.getDisplay(), md, () -> UiRobot.click(exportButton));
        String text = Files.readString(md);
        assertTrue(text.contains("accuracy"), text);
        assertTrue(compare.exportMessage().contains(md.getFileName().toString()), compare.exportMessage());
        page.closeAllEditors(false);
    }

    /** The off-diagonal cell with the most images, or the fullest diagonal one when the run made no error. */
    private static int[] fullestCell(ConfusionCounts m) {
        int k = m.classNames().size();
        int[] best = null;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                if (t != p && m.count(t, p) > 0 && (best == null || m.count(t, p) > m.count(best[0], best[1]))) {
                    best = new int[] {t, p};
                }
            }
        }
        if (best == null) {
            best = new int[] {0, 0};
            for (int t = 0; t < k; t++) {
                if (m.count(t, t) > m.count(best[0], best[1])) {
                    best = new int[] {t, t};
                }
            }
        }
        return best;
    }

    private static boolean completed(RunsView view, Path runDir) {
        TableItem row = RunRows.row(view, runDir);
        return row != null && row.getText(RunColumn.STATUS.ordinal()).equals("Completed");
    }

    /** The button of a view's tool bar with this text or tooltip. */
    private static ToolItem toolItem(RunsView view, String text) {
        ToolBarManager m = (ToolBarManager) view.getViewSite().getActionBars().getToolBarManager();
        for (ToolItem i : m.getControl().getItems()) {
            if (text.equals(i.getText()) || text.equals(i.getToolTipText())) {
                return i;
            }
        }
        throw new AssertionError("no tool bar button '" + text + "'");
    }

    private static <T extends Control> T find(Control c, Class<T> type, java.util.function.Predicate<T> test) {
        if (type.isInstance(c) && c.isVisible() && test.test(type.cast(c))) {
            return type.cast(c);
        }
        if (c instanceof Composite k) {
            for (Control child : k.getChildren()) {
                T found = find(child, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
