package org.hqcm.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionConverter;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.TextConsole;
import org.hqcm.launch.internal.EngineInstallation;
import org.hqcm.launch.internal.RunProgressJob;
import org.hqcm.launch.internal.ui.HqcmLaunchShortcut;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Run As &gt; HQCM Experiment" end to end: the engine runs in its own JVM, the Progress-view job follows its
 * batches, the Console shows its output, the run folder appears in the workspace and in the Runs view; Cancel
 * stops the engine cleanly and keeps its checkpoint.
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
        project.delete(true, true, null);
    }

    @Test
    void aLaunchedRunAppearsInTheWorkspaceAndTheRunsView() throws Exception {
        Path dir = project.getLocation().toPath();
        TinyExperiments.write(dir.resolve("launched.hqcm"), "launched", true);
        project.refreshLocal(1, null);
        IFile file = project.getFile("launched.hqcm");
        ILaunchConfiguration config = HqcmLaunchShortcut.configurationFor(file);
        assertEquals(config, HqcmLaunchShortcut.configurationFor(file), "the shortcut reuses the file's configuration");

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        RunsView view = (RunsView) page.showView(RunsView.ID);
        config.launch(ILaunchManager.RUN_MODE, null);
        RunProgressJob job = runJob();
        UiTesting.waitUntil("the run to end", Duration.ofMinutes(3), () -> job.getState() == Job.NONE);

        assertEquals(0, job.process().exitValue());
        assertEquals(RunStatus.COMPLETED, job.end().status());
        assertTrue(job.batchesDone() >= 2 * 4, "progress followed every batch: " + job.batchesDone());
        Path run = job.runFolder();
        assertEquals(dir.resolve("runs"), run.getParent());
        IFile record = project.getFolder("runs").getFolder(run.getFileName().toString()).getFile(HqcmResources.RUN_RECORD_FILE);
        assertTrue(record.exists(), "the workspace was refreshed");
        // debug.ui makes the process console asynchronously
        UiTesting.waitUntil("a console for the run", Duration.ofSeconds(10), () -> console(config.getName()) != null);
        TextConsole console = console(config.getName());
        UiTesting.waitUntil("the engine's output in the console", Duration.ofSeconds(10),
                () -> console.getDocument().get().contains("test accuracy"));

        UiTesting.waitUntil("the run in the Runs view", Duration.ofSeconds(30),
                () -> view.allRows().stream().anyMatch(r -> r.folder().equals(record.getParent())));
        UiTesting.flush();
        assertTrue(view.visibleRows().stream().anyMatch(r -> r.experiment().equals("launched")), "shown in the table");
        UiTesting.screenshot(page.getWorkbenchWindow().getShell(), "launched-run.png");
    }

    @Test
    void cancelStopsTheEngineAndKeepsTheCheckpoint() throws Exception {
        Path dir = project.getLocation().toPath();
        TinyExperiments.write(dir.resolve("cancelled.hqcm"), "cancelled", true, 60, 20);
        project.refreshLocal(1, null);
        ILaunchConfiguration config = HqcmLaunchShortcut.configurationFor(project.getFile("cancelled.hqcm"));
        config.launch(ILaunchManager.RUN_MODE, null);
        RunProgressJob job = runJob();
        UiTesting.waitUntil("a first checkpoint", Duration.ofMinutes(2),
                () -> job.runFolder() != null && Files.exists(job.runFolder().resolve("checkpoint.zip")));
        long cancelledAt = System.nanoTime();
        job.cancel();
        UiTesting.waitUntil("the engine to stop", Duration.ofMinutes(1), () -> job.getState() == Job.NONE);
        double seconds = (System.nanoTime() - cancelledAt) / 1e9;

        assertTrue(!job.process().isAlive());
        assertEquals(RunStatus.CANCELLED, job.end().status());
        assertTrue(Files.exists(job.runFolder().resolve("checkpoint.zip")), "the checkpoint is kept");
        RunRecord record = HqcmResources.loadRunRecord(job.runFolder());
        assertEquals(RunStatus.CANCELLED, record.getStatus());
        assertTrue(record.getEpochs().size() < 20, "stopped early: " + record.getEpochs().size() + " epochs");
        assertTrue(seconds < 30, "stopped after the current batch, not after the run: " + seconds + " s");
    }

    @Test
    void runAsIsOfferedForExperimentFilesOnly() throws Exception {
        IConfigurationElement shortcut = Arrays.stream(Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts"))
                .filter(e -> "org.hqcm.launch.shortcut".equals(e.getAttribute("id"))).findFirst().orElseThrow();
        IConfigurationElement enablement = shortcut.getChildren("contextualLaunch")[0].getChildren("enablement")[0];
        Expression expression = ExpressionConverter.getDefault().perform(enablement);
        IFile experiment = project.getFile("offered.hqcm");
        IFile other = project.getFile("notes.txt");
        assertEquals(EvaluationResult.TRUE, expression.evaluate(selection(experiment)));
        assertEquals(EvaluationResult.FALSE, expression.evaluate(selection(other)));
    }

    private static EvaluationContext selection(Object element) {
        EvaluationContext context = new EvaluationContext(null, java.util.List.of(element));
        context.addVariable("selection", java.util.List.of(element));
        return context;
    }

    /** The process console of a configuration ("<terminated> " comes in front once the engine has ended). */
    private static TextConsole console(String configName) {
        return Arrays.stream(ConsolePlugin.getDefault().getConsoleManager().getConsoles())
                .filter(c -> c.getName().contains(configName + " [") && c instanceof TextConsole)
                .map(TextConsole.class::cast).findFirst().orElse(null);
    }

    private static RunProgressJob runJob() {
        UiTesting.waitUntil("the run's progress job", Duration.ofSeconds(30),
                () -> Job.getJobManager().find(RunProgressJob.FAMILY).length > 0);
        Job[] jobs = Job.getJobManager().find(RunProgressJob.FAMILY);
        assertNotNull(jobs[0]);
        assertSame(RunProgressJob.class, jobs[0].getClass());
        return (RunProgressJob) jobs[0];
    }
}
