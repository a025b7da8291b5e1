package org.hqcm.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.launch.internal.EngineInstallation;
import org.hqcm.launch.internal.RunProgressJob;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Runs view's context menu on real runs, as a person uses it: Ctrl+F11 on the selected experiment starts a run,
 * its row follows it live, Cancel stops it (it shows as Cancelled, with Resume in its Run Report), Resume continues
 * it to the end, Re-run makes a second run; Open Experiment, Open Report (the Report view, here its fallback: Xvfb
 * has no WebKitGTK) and Delete (its confirmation answered with the keyboard) on a finished run.
 */
class RunActionsTest {

    private static IProject project;
    private static IFile experiment;
    private static IContainer finished;

    @BeforeAll
    static void projectWithAnExperimentAndAFinishedRun() throws Exception {
        System.setProperty(EngineInstallation.PROPERTY, TinyExperiments.engineDir().toAbsolutePath().toString());
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("run-actions-test");
        project.create(null);
        project.open(null);
        Path dir = project.getLocation().toPath();
        // twelve epochs (never stopping early) of under a second to a few seconds: long enough to cancel in the middle
        // on a quiet machine, not too long on a loaded one
        Path actions = TinyExperiments.write(dir.resolve("actions.hqcm"), "actions", true, 24, 12);
        org.hqcm.model.Experiment e = HqcmResources.loadExperiment(actions);
        e.getTraining().setEarlyStoppingPatience(0);
        HqcmResources.save(e, actions);
        Path done = TinyExperiments.write(dir.resolve("done.hqcm"), "done", false);
        TinyExperiments.run(done, dir.resolve("runs"), 5);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        experiment = project.getFile("actions.hqcm");
        IContainer runs = project.getFolder("runs");
        finished = (IContainer) runs.members()[0];
    }

    @AfterAll
    static void deleteProject() throws Exception {
        IWorkbenchPage page = Workbench.page();
        page.closeAllEditors(false);
        for (String view : new String[] {ReportView.ID, RunDetailsView.ID}) {
            if (page.findViewReference(view) != null) {
                page.hideView(page.findViewReference(view));
            }
        }
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
            c.delete();
        }
        project.delete(true, true, null);
    }

    @Test
    void ctrlF11RunsTheSelectionAndTheContextMenuCancelsResumesAndReRunsIt() throws Exception {
        IWorkbenchPage page = Workbench.page();
        RunsView view = (RunsView) page.showView(RunsView.ID);
        Table table = view.viewer().getTable();

        // Ctrl+F11 with the experiment selected in the Project Explorer
        Workbench.selectInProjectExplorer(experiment);
        Set<RunProgressJob> before = RunRows.jobs();
        UiRobot.key(table.getDisplay(), SWT.CTRL, SWT.F11);
        RunProgressJob job = RunRows.newJob(before);
        Path dir = job.runFolder();

        // the row is there while the run trains and follows its event stream
        List<String> seen = RunRows.watchUntilEpoch(view, job, "epoch 2/12");
        assertTrue(seen.size() >= 2, "the row changed as the run went: " + seen);
        Menu menu = UiRobot.contextMenu(table, RunRows.row(view, dir));
        // the menu is a window of its own: mapped a moment after the toolkit said it shows
        UiTesting.pause(Duration.ofMillis(700));
        UiTesting.screenshot(Workbench.shell(), "runs-view-live.png");
        assertTrue(UiRobot.item(menu, "Cancel").isEnabled(), "a live run can be cancelled");
        assertFalse(UiRobot.item(menu, "Resume").isEnabled(), "and is not resumed while it runs");
        assertFalse(UiRobot.item(menu, "Delete...").isEnabled(), "nor deleted");
        UiRobot.choose(UiRobot.item(menu, "Cancel"));
        RunRows.awaitEnd(job);
        assertTrue(job.cancelRequested());
        assertEquals(RunStatus.CANCELLED, job.end().status(), job.end().message());
        RunRecord record = HqcmResources.loadRunRecord(dir);
        assertEquals(RunStatus.CANCELLED, record.getStatus());
        int epochsBefore = record.getEpochs().size();
        assertTrue(epochsBefore < 12, "stopped before the end: " + epochsBefore + " epochs");
        UiTesting.waitUntil("the row to say Cancelled", Duration.ofSeconds(30),
                () -> RunRows.row(view, dir) != null && RunRows.row(view, dir).getText(RunColumn.STATUS.ordinal()).equals("Cancelled"));

        // a double-click shows its Run Report: Cancelled, not a failure, with Resume
        RunDetailsView details = RunRows.openReport(view, dir);
        assertTrue(details.title().contains("Cancelled"), details.title());
        assertTrue(details.metricRows().stream().anyMatch(r -> r.startsWith("Cancelled=")), details.metricRows().toString());
        assertTrue(details.metricRows().stream().noneMatch(r -> r.startsWith("Failure")), details.metricRows().toString());
        assertNotNull(details.resumeLink(), "Resume offered");
        UiTesting.screenshot(details, "run-report-cancelled.png");

        // Resume continues the same folder to the end
        page.activate(view);
        before = RunRows.jobs();
        UiRobot.choose(UiRobot.item(UiRobot.contextMenu(table, RunRows.row(view, dir)), "Resume"));
        RunProgressJob resumed = RunRows.newJob(before);
        assertEquals(dir, resumed.runFolder(), "resumed in its own folder");
        RunRows.awaitEnd(resumed);
        assertEquals(RunStatus.COMPLETED, resumed.end().status());
        assertEquals(12, HqcmResources.loadRunRecord(dir).getEpochs().size(), "all epochs after the resume");
        UiTesting.waitUntil("the row to say Completed", Duration.ofSeconds(30),
                () -> RunRows.row(view, dir) != null && RunRows.row(view, dir).getText(RunColumn.STATUS.ordinal()).equals("Completed"));

        // Re-run: the same experiment and seed into a new folder
        before = RunRows.jobs();
        UiRobot.choose(UiRobot.item(UiRobot.contextMenu(table, RunRows.row(view, dir)), "Re-run"));
        RunProgressJob again = RunRows.newJob(before);
        assertNotEquals(dir, again.runFolder());
        RunRows.awaitEnd(again);
        assertEquals(RunStatus.COMPLETED, again.end().status());
        assertEquals(HqcmResources.loadRunRecord(dir).getProvenance().getSeed(),
                HqcmResources.loadRunRecord(again.runFolder()).getProvenance().getSeed(), "with the run's seed");
        UiTesting.waitUntil("the second run's row", Duration.ofSeconds(30), () -> RunRows.row(view, again.runFolder()) != null);
    }

    @Test
    void openExperimentOpenReportAndDeleteWithItsConfirmationAnsweredByKeyboard() throws Exception {
        IWorkbenchPage page = Workbench.page();
        RunsView view = (RunsView) page.showView(RunsView.ID);
        Table table = view.viewer().getTable();
        Path dir = finished.getLocation().toPath();
        UiTesting.waitUntil("the finished run's row", Duration.ofSeconds(30), () -> RunRows.row(view, dir) != null);

        UiRobot.choose(UiRobot.item(UiRobot.contextMenu(table, RunRows.row(view, dir)), "Open Experiment"));
        IEditorPart editor = page.getActiveEditor();
        assertNotNull(editor, "an editor opened");
        assertEquals(project.getFile("done.hqcm"), ((IFileEditorInput) editor.getEditorInput()).getFile(),
                "the run's experiment file");

        page.activate(view);
        UiRobot.choose(UiRobot.item(UiRobot.contextMenu(table, RunRows.row(view, dir)), "Open Report"));
        ReportView report = (ReportView) page.findView(ReportView.ID);
        assertNotNull(report, "the Report view opened");
        assertTrue(page.isPartVisible(report));
        Path html = new RunFolder(dir).report();
        if (report.inBrowser()) {
            UiTesting.screenshot(report, "report-view.png");
        } else {
            // this machine kind has no WebKitGTK: the view says why and where the report is
            assertTrue(report.message().contains("no web browser component"), report.message());
            assertEquals(html.toString(), report.shownPath());
            UiTesting.screenshot(report, "report-view.png");
            UiRobot.click(report.externalButton());
            assertFalse(report.externalResult().isEmpty(), "the system-browser button says what it did");
        }

        // Delete: Escape keeps the run, Return deletes its folder
        page.activate(view);
        List<String> questions = new ArrayList<>();
        Workbench.whenShellOpens(Messages.RunsView_deleteTitle, shell -> {
            questions.add(shell.getText());
            UiTesting.screenshot(shell, "delete-run.png");
            UiRobot.key(shell.getDisplay(), 0, SWT.ESC);
        });
        UiRobot.choose(UiRobot.item(UiRobot.contextMenu(table, RunRows.row(view, dir)), "Delete..."));
        UiTesting.waitUntil("the confirmation", Duration.ofSeconds(30), () -> questions.size() == 1);
        UiTesting.flush();
        assertTrue(Files.isDirectory(dir), "Escape: kept");
        Workbench.whenShellOpens(Messages.RunsView_deleteTitle, shell -> {
            questions.add(shell.getText());
            UiRobot.key(shell.getDisplay(), 0, SWT.CR);
        });
        UiRobot.choose(UiRobot.item(UiRobot.contextMenu(table, RunRows.row(view, dir)), "Delete..."));
        UiTesting.waitUntil("the second confirmation", Duration.ofSeconds(30), () -> questions.size() == 2);
        UiTesting.waitUntil("the run folder to go", Duration.ofSeconds(30), () -> !Files.exists(dir));
        UiTesting.waitUntil("its row to go", Duration.ofSeconds(30), () -> RunRows.row(view, dir) == null);
    }
}
