package org.hqcm.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.launch.internal.EngineInstallation;
import org.hqcm.launch.internal.sweep.SweepLaunchSettings;
import org.hqcm.launch.internal.sweep.SweepLaunchShortcut;
import org.hqcm.launch.internal.sweep.SweepProgressJob;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.figures.LineChart;
import org.hqcm.ui.internal.sweeps.GroupComparisonView;
import org.hqcm.ui.internal.sweeps.SweepGroupsTree;
import org.hqcm.ui.internal.sweeps.SweepRow;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.TinySweeps;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Run As &gt; HQCM Sweep" end to end on a tiny sweep (the quickstart-sweep preset shrunk: 2 configurations x 2 seeds):
 * from the Project Explorer's context menu, ./hqcm sweep runs in its own JVM on embedded Spark, the Progress view
 * follows its trials, the Console shows the driver, and the sweep folder (4 ordinary run folders, the record, the
 * report) appears in the workspace; the Runs view shows the sweep with its configuration groups (mean ± sd) and Compare
 * Groups compares them. A second launch from the same menu is cancelled with Cancel Sweep in the Runs view: the sweep
 * stops cleanly, recorded as CANCELLED, with nothing in the error log, and Resume Sweep completes it without training a
 * completed trial again.
 */
class LaunchedSweepTest {

    private static IProject project;
    private static IFile file;

    @BeforeAll
    static void project() throws Exception {
        System.setProperty(EngineInstallation.PROPERTY, TinyExperiments.engineDir().toAbsolutePath().toString());
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("sweep-launch-test");
        project.create(null);
        project.open(null);
        TinySweeps.write(project.getLocation().toPath(), "tiny-sweep");
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        file = project.getFile("tiny-sweep.hqcmsweep");
    }

    @AfterAll
    static void deleteProject() throws Exception {
        // a failed test must not leave a sweep running after the workbench: cancel (SIGTERM), then end what is left
        for (Job j : Job.getJobManager().find(SweepProgressJob.FAMILY)) {
            j.cancel();
            j.join(90_000, null);
        }
        for (org.eclipse.debug.core.ILaunch l : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
            if (!l.isTerminated()) {
                l.terminate();
            }
        }
        project.delete(true, true, null);
    }

    @Test
    void runAsHqcmSweepRunsEveryTrialShowsGroupsComparesThemCancelsAndResumes() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.getWorkbenchWindow().getShell().setSize(1400, 950);
        List<IStatus> logged = new ArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            long start = System.nanoTime();
            SweepProgressJob job = runAs();
            // shown after the launch: shown just before it, the Progress view took the activation back from the
            // Project Explorer under Xvfb (no window manager), and Run As then read the Progress view's selection
            IViewPart progress = page.showView("org.eclipse.ui.views.ProgressView");
            ILaunchConfiguration config = SweepLaunchShortcut.configurationFor(file);
            SweepLaunchSettings settings = SweepLaunchSettings.of(config);
            assertEquals("local[" + Runtime.getRuntime().availableProcessors() + "]", settings.master(),
                    "the default master: embedded Spark on every core");
            assertTrue(job.folder().dir().startsWith(project.getLocation().toPath().resolve("sweeps")), job.folder().dir().toString());

            UiTesting.waitUntil("a first trial to end", Duration.ofMinutes(6), () -> done(job) >= 1 || job.getState() == Job.NONE);
            UiTesting.screenshot(progress, "sweep-progress.png");
            UiTesting.waitUntil("the sweep to end", Duration.ofMinutes(8), () -> job.getState() == Job.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("LaunchedSweepTest: a tiny sweep of 4 trials on %s took %.0f s (under load)%n",
                    settings.master(), seconds);
            assertEquals(0, job.process().exitValue(), console(job));
            SweepRecord record = HqcmResources.loadSweepRecord(job.folder().record());
            assertEquals(RunStatus.COMPLETED, record.getState(), record.getFailureMessage());
            assertEquals(4, record.getTrials().size());
            for (TrialRecord t : record.getTrials()) {
                assertEquals(RunStatus.COMPLETED, t.getState(), t.getId() + ": " + t.getFailureMessage());
                assertTrue(job.folder().isPublished(t.getId()), t.getId());
            }
            assertEquals(2, record.getConfigurations().size(), "seed-grouped: 2 configurations");
            assertTrue(Files.isRegularFile(job.folder().report().resolve("report.html")));
            assertTrue(console(job).contains("COMPLETED: all 4 trials completed"), console(job));
            IResource inWorkspace = ResourcesPlugin.getWorkspace().getRoot().getContainerForLocation(
                    org.eclipse.core.runtime.Path.fromOSString(job.folder().dir().toString()));
            assertNotNull(inWorkspace);
            assertTrue(inWorkspace.exists() && ((org.eclipse.core.resources.IContainer) inWorkspace)
                    .getFolder(org.eclipse.core.runtime.Path.fromPortableString("runs/" + record.getTrials().get(0).getId()))
                    .exists(), "the sweep folder is in the workspace");

            // the Runs view: the sweep, its two configurations as groups of 2 seeds with mean +- sd, their trials
            RunsView runs = (RunsView) page.showView(RunsView.ID);
            SweepGroupsTree sweeps = runs.sweeps();
            TreeItem sweepRow = sweepRow(sweeps, job.folder().dir());
            assertEquals("Completed", sweepRow.getText(1));
            assertEquals("4 of 4 done", sweepRow.getText(2));
            sweeps.viewer().expandAll();
            UiTesting.flush();
            // a reload (each change of a sweep record) keeps the rows and what the user opened
            sweeps.reload();
            UiTesting.waitUntil("a load", Duration.ofSeconds(10), () -> sweeps.lastLoad().getState() == Job.NONE);
            UiTesting.flush();
            assertFalse(sweepRow.isDisposed(), "a reload keeps the sweep's row");
            assertEquals(2, sweepRow.getItemCount(), "two configuration groups");
            for (TreeItem group : sweepRow.getItems()) {
                assertTrue(group.getExpanded(), "a reload keeps an opened group open: " + group.getText(0));
            }
            for (TreeItem group : sweepRow.getItems()) {
                assertTrue(group.getText(0).startsWith("architecture.head="), group.getText(0));
                assertEquals("2 of 2 seeds", group.getText(2));
                assertTrue(group.getText(3).matches("0\\.\\d{3} \u00b1 0\\.\\d{3}"), "accuracy mean +- sd: " + group.getText(3));
                assertEquals(2, group.getItemCount(), "a group's trials");
                assertTrue(group.getItem(0).getText(0).startsWith("seed "), group.getItem(0).getText(0));
            }
            UiTesting.screenshot(runs, "runs-view-sweeps.png");

            // Compare Groups from the sweep's context menu: the engine's seed groups, the paired test of the head axis
            Menu groupsMenu = UiRobot.contextMenu(sweeps.viewer().getTree(), sweepRow(sweeps, job.folder().dir()));
            UiRobot.choose(UiRobot.item(groupsMenu, "Compare Groups"));
            UiTesting.waitUntil("the Compare Groups view", Duration.ofSeconds(20),
                    () -> page.findView(GroupComparisonView.ID) != null);
            GroupComparisonView compare = (GroupComparisonView) page.findView(GroupComparisonView.ID);
            UiTesting.waitUntil("the groups compared", Duration.ofSeconds(60), () -> compare.shown() != null);
            assertEquals(2, compare.groupsTable().getItemCount(), "one row per configuration");
            assertEquals("2", compare.groupsTable().getItem(0).getText(1), "2 seeds each");
            assertEquals(1, compare.testsTable().getItemCount(), "quantum against classical: one paired comparison");
            assertEquals("architecture.head", compare.testsTable().getItem(0).getText(0));
            assertTrue(compare.testsTable().getItem(0).getText(1).startsWith("architecture.head=quantum"),
                    "quantum as A: " + compare.testsTable().getItem(0).getText(1));
            assertTrue(compare.testsTable().getItem(0).getText(4).matches("[0-9.e-]+"), "a Wilcoxon p-value: "
                    + compare.testsTable().getItem(0).getText(4));
            assertEquals(2, compare.bands().series().size(), "a mean line per configuration");
            assertTrue(compare.bands().series().stream().allMatch(LineChart.Series::hasBand),
                    "each with its filled +-sd band (2 seeds)");
            org.eclipse.swt.graphics.Rectangle chart = compare.bands().control().getBounds();
            int viewWidth = compare.bands().control().getParent().getParent().getClientArea().width;
            assertTrue(chart.x + chart.width <= viewWidth, "the chart ends inside the view: " + chart + " in " + viewWidth);
            UiTesting.screenshot(compare, "compare-groups.png");

            // a second launch from the same menu, cancelled with the Progress view's Cancel button
            SweepProgressJob second = runAs();
            assertTrue(!second.folder().dir().equals(job.folder().dir()), "a new sweep folder");
            UiTesting.waitUntil("a trial to be training", Duration.ofMinutes(3), () -> training(second.folder())
                    || second.getState() == Job.NONE);
            assertTrue(second.getState() != Job.NONE, "still running: " + console(second));
            // Cancel Sweep from the sweep's row in the Runs view (what the Progress view's Cancel does: the job's cancel)
            page.showView(RunsView.ID);
            TreeItem secondRow = sweepRow(runs.sweeps(), second.folder().dir());
            UiTesting.waitUntil("the new sweep open to its configurations", Duration.ofSeconds(10),
                    () -> !secondRow.isDisposed() && secondRow.getExpanded() && secondRow.getItemCount() == 2);
            Menu cancelMenu = UiRobot.contextMenu(runs.sweeps().viewer().getTree(), secondRow);
            UiRobot.choose(UiRobot.item(cancelMenu, "Cancel Sweep"));
            UiTesting.waitUntil("Cancel Sweep to reach the sweep's job (its next poll)", Duration.ofSeconds(10),
                    second::cancelRequested);
            UiTesting.waitUntil("the cancelled sweep to stop", Duration.ofMinutes(2), () -> second.getState() == Job.NONE);
            // SIGTERM ends the JVM with 128 + 15 once the shutdown hook has stopped the trials and recorded the sweep
            assertTrue(List.of(1, 143).contains(second.process().exitValue()), "cancelled: " + second.process().exitValue()
                    + "\n" + console(second));
            SweepRecord cancelled = HqcmResources.loadSweepRecord(second.folder().record());
            assertEquals(RunStatus.CANCELLED, cancelled.getState(), cancelled.getFailureMessage());
            assertTrue(cancelled.getFailureMessage().contains("hqcm sweep --resume"), cancelled.getFailureMessage());
            assertTrue(console(second).contains("CANCELLED"), console(second));
            // Resume Sweep from the Runs view's context menu: the cut-off trials resume, completed ones are kept
            UiTesting.waitUntil("the cancelled sweep in the Runs view", Duration.ofSeconds(30),
                    () -> sweepRow(runs.sweeps(), second.folder().dir()).getText(1).equals("Cancelled"));
            List<String> completedBefore = cancelled.getTrials().stream().filter(t -> t.getState() == RunStatus.COMPLETED)
                    .map(TrialRecord::getId).toList();
            Set<Job> jobsBefore = new HashSet<>(Arrays.asList(Job.getJobManager().find(SweepProgressJob.FAMILY)));
            Menu resumeMenu = UiRobot.contextMenu(runs.sweeps().viewer().getTree(), sweepRow(runs.sweeps(), second.folder().dir()));
            UiRobot.choose(UiRobot.item(resumeMenu, "Resume Sweep"));
            SweepProgressJob[] resumed = new SweepProgressJob[1];
            UiTesting.waitUntil("the resumed sweep's job", Duration.ofSeconds(60), () -> {
                for (Job j : Job.getJobManager().find(SweepProgressJob.FAMILY)) {
                    if (!jobsBefore.contains(j)) {
                        resumed[0] = (SweepProgressJob) j;
                    }
                }
                return resumed[0] != null;
            });
            assertEquals(second.folder().dir(), resumed[0].folder().dir(), "the same sweep folder, continued");
            UiTesting.waitUntil("the resumed sweep to end", Duration.ofMinutes(8), () -> resumed[0].getState() == Job.NONE);
            assertEquals(0, resumed[0].process().exitValue(), console(resumed[0]));
            SweepRecord done = HqcmResources.loadSweepRecord(second.folder().record());
            assertEquals(RunStatus.COMPLETED, done.getState(), done.getFailureMessage());
            for (TrialRecord t : done.getTrials()) {
                if (completedBefore.contains(t.getId())) {
                    assertEquals(1, t.getAttempts(), "a trial completed before the cancel is not trained again: " + t.getId());
                }
            }
            System.out.printf("LaunchedSweepTest: whole test %.0f s (under load)%n", (System.nanoTime() - start) / 1e9);
            assertEquals(List.of(), logged.stream().filter(s -> s.getSeverity() >= IStatus.WARNING).map(IStatus::getMessage)
                    .toList(), "nothing in the error log");
        } finally {
            Platform.removeLogListener(listener);
        }
    }

    /** The sweep's row in the Runs view's sweeps, once loaded. */
    private static TreeItem sweepRow(SweepGroupsTree sweeps, Path dir) {
        TreeItem[] found = new TreeItem[1];
        UiTesting.waitUntil("the sweep " + dir.getFileName() + " in the Runs view", Duration.ofSeconds(30), () -> {
            for (TreeItem i : sweeps.viewer().getTree().getItems()) {
                if (i.getData() instanceof SweepRow r && r.folder().getLocation() != null
                        && r.folder().getLocation().toPath().equals(dir)) {
                    found[0] = i;
                    return true;
                }
            }
            sweeps.reload();
            UiTesting.waitUntil("a load", Duration.ofSeconds(10), () -> sweeps.lastLoad().getState() == Job.NONE);
            UiTesting.flush();
            return false;
        });
        return found[0];
    }

    /** Run As &gt; HQCM Sweep from the Project Explorer's context menu; returns the new sweep's progress job. */
    private static SweepProgressJob runAs() throws Exception {
        Set<Job> before = new HashSet<>(Arrays.asList(Job.getJobManager().find(SweepProgressJob.FAMILY)));
        TreeItem item = Workbench.inProjectExplorer(file);
        Menu menu = UiRobot.contextMenu(item.getParent(), item);
        assertTrue(UiRobot.has(menu, "Run As", "HQCM Sweep"), "Run As offers the sweep at once: "
                + (UiRobot.has(menu, "Run As") ? UiRobot.texts(UiRobot.item(menu, "Run As").getMenu()) : UiRobot.texts(menu))
                + " (active part " + PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActivePart()
                + ", selection " + Arrays.toString(item.getParent().getSelection()) + ")");
        UiRobot.choose(UiRobot.item(menu, "Run As", "HQCM Sweep"));
        SweepProgressJob[] job = new SweepProgressJob[1];
        UiTesting.waitUntil("the sweep's progress job", Duration.ofSeconds(60), () -> {
            for (Job j : Job.getJobManager().find(SweepProgressJob.FAMILY)) {
                if (!before.contains(j)) {
                    job[0] = (SweepProgressJob) j;
                }
            }
            return job[0] != null;
        });
        return job[0];
    }

    private static int done(SweepProgressJob job) {
        SweepRecord r = job.record();
        return r == null ? 0 : (int) r.getTrials().stream().filter(t -> t.getState() == RunStatus.COMPLETED).count();
    }

    /** Whether some attempt of the sweep has written a run event (its trial's JVM trains). */
    private static boolean training(SweepFolder folder) {
        Path attempts = folder.dir().resolve("attempts");
        if (!Files.isDirectory(attempts)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(attempts, 4)) {
            return s.anyMatch(p -> p.getFileName().toString().equals("checkpoint.zip"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** The text of the job's console (the driver's output): the process console whose command line has its folder. */
    private static String console(SweepProgressJob job) {
        for (IConsole c : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
            if (c instanceof TextConsole t && c instanceof org.eclipse.debug.ui.console.IConsole pc && pc.getProcess() != null
                    && String.valueOf(pc.getProcess().getAttribute(org.eclipse.debug.core.model.IProcess.ATTR_CMDLINE))
                            .contains(job.folder().dir().toString())) {
                return t.getDocument().get();
            }
        }
        return "(no console of " + job.folder().dir() + " among " + Arrays.stream(ConsolePlugin.getDefault()
                .getConsoleManager().getConsoles()).map(IConsole::getName).toList() + ")";
    }
}
