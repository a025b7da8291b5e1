package org.hqcm.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.TextConsole;
import org.eclipse.ui.ide.IDE;
import org.hqcm.launch.internal.EngineInstallation;
import org.hqcm.launch.internal.RunProgressJob;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.editor.ExperimentEditor;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run As from the Project Explorer's real context menu, as a person uses it: twice without a restart, and again
 * after the Run Configurations dialog was opened from the platform's Run menu (the two things that made Run As
 * vanish: both activate org.eclipse.debug.core). Each launch runs the engine in its own JVM; the Progress-view job
 * follows it, the Console shows its output in the normal colour, the run folder appears in the workspace.
 */
class LaunchedRunTest {

    private static IProject project;

    @BeforeAll
    static void project() throws Exception {
        System.setProperty(EngineInstallation.PROPERTY, TinyExperiments.engineDir().toAbsolutePath().toString());
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("launch-test");
        project.create(null);
        project.open(null);
    }

    @AfterAll
    static void deleteProject() throws Exception {
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
            c.delete();
        }
        project.delete(true, true, null);
    }

    @Test
    void runAsStaysInTheContextMenuAfterLaunchesAndTheRunConfigurationsDialog() throws Exception {
        Path dir = project.getLocation().toPath();
        TinyExperiments.write(dir.resolve("launched.hqcm"), "launched", true, 12, 1);
        project.refreshLocal(1, null);
        IFile file = project.getFile("launched.hqcm");
        IWorkbenchPage page = Workbench.page();
        RunsView runs = (RunsView) page.showView(RunsView.ID);
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        ILogListener log = (status, plugin) -> {
            if (status.getSeverity() == IStatus.ERROR) {
                errors.add(status.getMessage() + (status.getException() == null ? "" : ": " + status.getException()));
            }
        };
        Platform.addLogListener(log);
        Set<Path> folders = new HashSet<>();
        try {
            folders.add(runAsFromTheContextMenu(file, runs));
            folders.add(runAsFromTheContextMenu(file, runs));

            // Run > Run Configurations... from the platform's Run menu, then closed
            Menu bar = Workbench.shell().getMenuBar();
            assertTrue(UiRobot.has(bar, "Run", "Run Configurations..."), "the Run menu: " + UiRobot.texts(bar));
            boolean[] opened = {false};
            Workbench.whenShellOpens("Run Configurations", shell -> {
                opened[0] = true;
                UiTesting.screenshot(shell, "run-configurations.png");
                shell.close();
            });
            UiRobot.choose(UiRobot.item(bar, "Run", "Run Configurations..."));
            UiTesting.waitUntil("the Run Configurations dialog", Duration.ofSeconds(30), () -> opened[0]);

            folders.add(runAsFromTheContextMenu(file, runs));
        } finally {
            Platform.removeLogListener(log);
        }
        assertEquals(3, folders.size(), "each launch has its own run folder: " + folders);
        assertEquals(List.of(), errors, "nothing in the error log");

        // the console came forward (once) and shows the engine's normal output in the normal colour
        TextConsole console = console("launched");
        String text = console.getDocument().get();
        assertTrue(text.contains("epoch 1/1") && text.contains("test accuracy"), text);
        assertTrue(page.findView(IConsoleConstants.ID_CONSOLE_VIEW) != null, "the Console is open");
        assertTrue(page.isPartVisible(page.findView("org.eclipse.ui.views.ProgressView")),
                "the Console has its own place: the Progress view stays visible");
        UiTesting.waitUntil("every row to say Completed", Duration.ofSeconds(30), () -> runs.visibleRows().stream()
                .filter(r -> r.folder().getProject().equals(project)).allMatch(r -> runs.status(r).equals("Completed")));
        UiTesting.screenshot(Workbench.shell(), "launched-run.png");
    }

    @Test
    void theRunButtonInTheEditorsHeaderSavesAndLaunchesTheExperiment() throws Exception {
        Path dir = project.getLocation().toPath();
        TinyExperiments.write(dir.resolve("button.hqcm"), "button", false, 12, 1);
        project.refreshLocal(1, null);
        IFile file = project.getFile("button.hqcm");
        ExperimentEditor editor = (ExperimentEditor) IDE.openEditor(Workbench.page(), file);
        UiTesting.flush();
        ToolItem run = editor.runButton();
        assertNotNull(run, "a Run button in the form's header");
        assertEquals(org.hqcm.ui.internal.editor.Messages.ExperimentEditor_runTip, run.getToolTipText());
        Text epochs = (Text) editor.field("training.maxEpochs");
        UiTesting.reveal(editor.form(), epochs);
        UiRobot.typeOver(epochs, "2");
        assertTrue(editor.isDirty());

        // the header scrolls with the form: back up to it, as a person does
        UiTesting.reveal(editor.form(), run.getParent());
        Set<RunProgressJob> before = RunRows.jobs();
        UiRobot.click(run);
        RunProgressJob job = RunRows.newJob(before);
        assertFalse(editor.isDirty(), "the change was saved before the launch");
        RunRows.awaitEnd(job);
        assertEquals(RunStatus.COMPLETED, job.end().status());
        assertEquals(dir.resolve("runs"), job.runFolder().getParent());
        assertEquals(2, HqcmResources.loadRunRecord(job.runFolder()).getEpochs().size(), "it ran the saved experiment");
        Workbench.page().closeAllEditors(false);
    }

    @Test
    void theContextMenuOffersRunAsForExperimentFilesOnly() throws Exception {
        IFile notes = project.getFile("notes.txt");
        if (!notes.exists()) {
            notes.create(new java.io.ByteArrayInputStream("not an experiment".getBytes()), true, null);
        }
        TreeItem item = Workbench.inProjectExplorer(notes);
        Menu menu = UiRobot.contextMenu(item.getParent(), item);
        boolean offered = UiRobot.has(menu, "Run As", "HQCM Experiment");
        UiRobot.hide(menu);
        assertFalse(offered, "no HQCM launch for a text file");
    }

    /** Right-click on the file, Run As > HQCM Experiment; waits for the run to end and returns its folder. */
    private static Path runAsFromTheContextMenu(IFile file, RunsView runs) throws Exception {
        TreeItem item = Workbench.inProjectExplorer(file);
        Menu menu = UiRobot.contextMenu(item.getParent(), item);
        assertTrue(UiRobot.has(menu, "Run As", "HQCM Experiment"), "Run As offers the experiment: "
                + (UiRobot.has(menu, "Run As") ? UiRobot.texts(UiRobot.item(menu, "Run As").getMenu())
                        : UiRobot.texts(menu)));
        Set<Job> before = new HashSet<>(Arrays.asList(Job.getJobManager().find(RunProgressJob.FAMILY)));
        UiRobot.choose(UiRobot.item(menu, "Run As", "HQCM Experiment"));
        RunProgressJob[] job = new RunProgressJob[1];
        UiTesting.waitUntil("the run's progress job", Duration.ofSeconds(30), () -> {
            for (Job j : Job.getJobManager().find(RunProgressJob.FAMILY)) {
                if (!before.contains(j)) {
                    job[0] = (RunProgressJob) j;
                }
            }
            return job[0] != null;
        });
        UiTesting.waitUntil("the run to end", Duration.ofMinutes(3), () -> job[0].getState() == Job.NONE);
        assertEquals(0, job[0].process().exitValue());
        assertEquals(RunStatus.COMPLETED, job[0].end().status());
        assertTrue(job[0].batchesDone() >= 4, "progress followed every batch: " + job[0].batchesDone());
        Path run = job[0].runFolder();
        assertEquals(file.getParent().getLocation().toPath().resolve("runs"), run.getParent());
        assertEquals(RunStatus.COMPLETED, HqcmResources.loadRunRecord(run).getStatus());
        IFile record = file.getProject().getFolder("runs").getFolder(run.getFileName().toString())
                .getFile(HqcmResources.RUN_RECORD_FILE);
        assertTrue(record.exists(), "the workspace was refreshed");
        UiTesting.waitUntil("the run in the Runs view", Duration.ofSeconds(30),
                () -> runs.allRows().stream().anyMatch(r -> r.folder().equals(record.getParent())));
        assertNotEquals(null, console(file.getFullPath().removeFileExtension().lastSegment()));
        return run;
    }

    /** The process console of a configuration ("<terminated> " comes in front once the engine has ended). */
    private static TextConsole console(String configName) {
        UiTesting.waitUntil("a console for " + configName, Duration.ofSeconds(10),
                () -> Arrays.stream(ConsolePlugin.getDefault().getConsoleManager().getConsoles())
                        .anyMatch(c -> c.getName().contains(configName + " [")));
        return Arrays.stream(ConsolePlugin.getDefault().getConsoleManager().getConsoles())
                .filter(c -> c.getName().contains(configName + " [") && c instanceof TextConsole)
                .map(TextConsole.class::cast).findFirst().orElseThrow();
    }

}
