package org.hqcm.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.ui.internal.compare.CompareRunsView;
import org.hqcm.ui.internal.compare.RunComparison;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Runs view over two real run folders made by the engine in its own JVM (a quantum and a classical run of
 * the quickstart shrunk to seconds): rows, sorting, filtering, reload on a new run, the report view.
 */
class RunsViewTest {

    private static IProject project;

    @BeforeAll
    static void twoRealRuns() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("runs-view-test");
        project.create(null);
        project.open(null);
        Path dir = project.getLocation().toPath();
        Path quantum = TinyExperiments.write(dir.resolve("tiny-quantum.hqcm"), "tinyquantum", true);
        Path classical = TinyExperiments.write(dir.resolve("tiny-classical.hqcm"), "tinyclassical", false);
        TinyExperiments.run(quantum, dir.resolve("runs"), 1);
        TinyExperiments.run(classical, dir.resolve("runs"), 2);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
    }

    @AfterAll
    static void deleteProject() throws Exception {
        project.delete(true, true, null);
    }

    @Test
    void listsSortsFiltersAndOpensRuns() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        RunsView view = (RunsView) page.showView(RunsView.ID);
        awaitLoad(view);
        UiTesting.waitUntil("two runs", Duration.ofSeconds(20), () -> view.visibleRows().size() == 2);

        List<RunSummary> rows = view.visibleRows();
        RunSummary q = rows.stream().filter(r -> r.experiment().equals("tinyquantum")).findFirst().orElseThrow();
        RunSummary c = rows.stream().filter(r -> r.experiment().equals("tinyclassical")).findFirst().orElseThrow();
        assertEquals("quantum 2 x 2", q.head());
        assertEquals("classical 4", c.head());
        for (RunSummary r : rows) {
            assertEquals("Completed", r.status(), "the status in words");
            assertEquals(2, r.epochs());
            assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1, "accuracy " + r.accuracy());
            assertFalse(Double.isNaN(r.macroF1()));
            assertFalse(Double.isNaN(r.jaccard99()), "the engine writes Jaccard at 0.99");
            assertTrue(r.seconds() > 0);
        }

        view.sortBy(RunColumn.FOLDER);
        view.sortBy(RunColumn.EXPERIMENT);
        assertEquals(List.of("tinyclassical", "tinyquantum"), names(view), "another column sorts ascending first");
        view.sortBy(RunColumn.EXPERIMENT);
        assertEquals(List.of("tinyquantum", "tinyclassical"), names(view), "a second click reverses");
        view.sortBy(RunColumn.HEAD);
        assertEquals(List.of("tinyclassical", "tinyquantum"), names(view));

        view.setFilter("QUANTUM 2");
        assertEquals(List.of("tinyquantum"), names(view));
        view.setFilter("no such run");
        assertTrue(view.visibleRows().isEmpty());
        view.setFilter("");
        assertEquals(2, view.visibleRows().size());
        UiTesting.screenshot(view, "runs-view.png");

        view.open(new StructuredSelection(q));
        RunDetailsView details = (RunDetailsView) page.findView(RunDetailsView.ID);
        assertEquals(q.folder(), details.folder(), "a double-click opens the run's report");
        assertTrue(details.metricRows().contains(Messages.RunsView_epochs + "=2"), details.metricRows().toString());
        assertTrue(details.figureCount() >= 6, "loss, accuracy, explanations, reliability, score distribution at least");
        for (String metric : List.of("ECE=", "Brier=", "test images flagged unlike the training data=",
                "pointing game (T_s)=", "pointing game (Grad-CAM)=", "energy in mask (occlusion)=")) {
            assertTrue(details.metricRows().stream().anyMatch(r -> r.startsWith(metric)), metric + " in "
                    + details.metricRows());
        }
        Path shot = UiTesting.screenshot(details, "run-report.png");
        assertTrue(Files.size(shot) > 1000);
    }

    @Test
    void followsARunFolderThatGoes() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        RunsView view = (RunsView) page.showView(RunsView.ID);
        awaitLoad(view);
        UiTesting.waitUntil("two runs", Duration.ofSeconds(20), () -> view.allRows().size() == 2);
        IFolder runs = project.getFolder("runs");
        IFolder copy = project.getFolder("runs-copy");
        runs.copy(copy.getFullPath(), true, null);
        UiTesting.waitUntil("the copied runs", Duration.ofSeconds(20), () -> view.allRows().size() == 4);
        copy.delete(true, null);
        UiTesting.waitUntil("the copies gone", Duration.ofSeconds(20), () -> view.allRows().size() == 2);
    }

    @Test
    void comparesTwoSelectedRuns() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        RunsView view = (RunsView) page.showView(RunsView.ID);
        awaitLoad(view);
        UiTesting.waitUntil("two runs", Duration.ofSeconds(20), () -> view.visibleRows().size() == 2);
        view.sortBy(RunColumn.EXPERIMENT);
        assertFalse(view.compareAction().isEnabled(), "nothing selected");
        view.viewer().setSelection(new StructuredSelection(view.visibleRows()));
        assertTrue(view.compareAction().isEnabled());
        view.compareAction().run();
        CompareRunsView compare = (CompareRunsView) page.findView(CompareRunsView.ID);
        RunComparison c = compare.comparison();
        assertEquals(2, c.names().size());
        List<String> differing = c.parameters(true).stream().map(RunComparison.Row::name).toList();
        assertTrue(differing.contains("name"), differing.toString());
        assertTrue(differing.contains("architecture.head.type"), differing.toString());
        assertFalse(differing.contains("training.learningRate"), "equal values are no difference");
        assertEquals(differing.size(), compare.parameterRows());
        compare.setOnlyDifferences(false);
        assertTrue(compare.parameterRows() > differing.size());
        RunComparison.Row accuracy = c.metrics().stream().filter(r -> r.name().equals("accuracy")).findFirst().orElseThrow();
        RunComparison.Row delta = c.metricDeltas().stream().filter(r -> r.name().equals("accuracy")).findFirst()
                .orElseThrow();
        assertEquals(Double.parseDouble(accuracy.cells().get(1)) - Double.parseDouble(accuracy.cells().get(0)),
                Double.parseDouble(delta.cells().get(0)), 1e-4, "the second run's delta, in its own column");
        String md = c.toMarkdown();
        String deltaTitle = c.names().get(1) + " - " + c.names().get(0);
        assertTrue(md.contains("| metric | " + c.names().get(0) + " | " + c.names().get(1) + " | " + deltaTitle + " |"),
                md);
        String csv = c.toCsv();
        assertTrue(csv.startsWith("section,name," + c.names().get(0) + "," + c.names().get(1) + "," + deltaTitle
                + "\r\n"), csv);
        String[] rate = csv.lines().filter(l -> l.startsWith("parameter,training.learningRate,")).findFirst()
                .orElseThrow(() -> new AssertionError("no learning-rate row in\n" + csv)).split(",");
        assertEquals(4, rate.length, String.join(",", rate));
        assertEquals(rate[2], rate[3], "both runs share the learning rate: " + String.join(",", rate));
        assertTrue(Double.parseDouble(rate[2]) > 0, String.join(",", rate));
        compare.setOnlyDifferences(true);
    }

    private static void awaitLoad(RunsView view) {
        Job load = view.lastLoad();
        UiTesting.waitUntil("the runs load", Duration.ofSeconds(30), () -> load.getState() == Job.NONE);
        UiTesting.flush();
    }

    private static List<String> names(RunsView view) {
        return view.visibleRows().stream().map(RunSummary::experiment).toList();
    }
}
