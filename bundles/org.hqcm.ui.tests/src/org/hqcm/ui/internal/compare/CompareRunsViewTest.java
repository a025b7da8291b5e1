package org.hqcm.ui.internal.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.eval.JaccardComparison;
import org.hqcm.engine.eval.PairedComparison;
import org.hqcm.engine.eval.PairedComparison.Pair;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Compare Runs view over real runs made by the engine in its own JVM: a quantum and a classical run of the
 * shrunk quickstart (same data, so the same test set) and a classical run on fewer images (another test set).
 * The statistics shown must be the engine's {@code hqcm compare} numbers for the same folders.
 */
class CompareRunsViewTest {

    private static IProject project;
    private static IFolder quantum;
    private static IFolder classical;
    private static IFolder otherData;

    @BeforeAll
    static void threeRealRuns() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("compare-view-test");
        project.create(null);
        project.open(null);
        Path dir = project.getLocation().toPath();
        quantum = run(TinyExperiments.write(dir.resolve("cmp-quantum.hqcm"), "cmpquantum", true), "runs-quantum", 1);
        // trained longer than the quantum run on the same images: other predictions, the same test set
        classical = run(TinyExperiments.write(dir.resolve("cmp-classical.hqcm"), "cmpclassical", false, 12, 6),
                "runs-classical", 2);
        otherData = run(TinyExperiments.write(dir.resolve("cmp-other.hqcm"), "cmpother", false, 8, 2), "runs-other", 1);
    }

    /** Runs the engine into its own parent folder of the project and returns the run folder it made. */
    private static IFolder run(Path experiment, String parent, long seed) throws Exception {
        Path out = project.getLocation().toPath().resolve(parent);
        TinyExperiments.run(experiment, out, seed);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        try (Stream<Path> s = Files.list(out)) {
            List<Path> runs = s.filter(Files::isDirectory).toList();
            assertEquals(1, runs.size(), "one run folder in " + out + ": " + runs);
            return project.getFolder(parent).getFolder(runs.get(0).getFileName().toString());
        }
    }

    @AfterAll
    static void deleteProject() throws Exception {
        project.delete(true, true, null);
    }

    private static CompareRunsView show(IContainer... runs) throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        CompareRunsView view = (CompareRunsView) page.showView(CompareRunsView.ID);
        view.show(List.of(runs));
        assertFalse(view.canExport(), "no export while the statistics are computed");
        UiTesting.waitUntil("the paired statistics", Duration.ofSeconds(90),
                () -> view.comparison().statistics() != null);
        UiTesting.flush();
        assertTrue(view.canExport());
        return view;
    }

    @Test
    void showsTheEnginesStatisticsAndAConfusionGridPerRun() throws Exception {
        CompareRunsView view = show(quantum, classical);
        Path q = quantum.getLocation().toPath();
        Path c = classical.getLocation().toPath();
        PairedComparison engine = RunResults.compare(List.of(RunResults.read(q), RunResults.read(c)));
        Pair pair = engine.pairs().get(0);
        List<List<String>> rows = view.statisticsRows();
        assertEquals("", view.statisticsMessage(), "both runs are on one test set");

        List<String> onlyReference = row(rows, "McNemar: right only in the reference");
        assertEquals(2, onlyReference.size(), "a column for the run compared with the reference: " + onlyReference);
        assertEquals(Long.toString(pair.mcnemar().aRightBWrong()), onlyReference.get(1));
        assertEquals(Long.toString(pair.mcnemar().aWrongBRight()), row(rows, "McNemar: right only in this run").get(1));
        assertClose(pair.mcnemar().exactPValue(), row(rows, "McNemar p (exact, two-sided)").get(1));

        RunRecord a = HqcmResources.loadRunRecord(q);
        RunRecord b = HqcmResources.loadRunRecord(c);
        double accuracy = number(row(rows, "Accuracy diff. (reference - run)").get(1));
        assertEquals(pair.bootstrap().accuracy().estimate(), accuracy, 5e-5);
        // the records' own accuracies, read independently of the engine's comparison: reference minus run
        assertEquals(a.getTestMetrics().getAccuracy() - b.getTestMetrics().getAccuracy(), accuracy, 5e-5);
        double lower = number(row(rows, "Accuracy diff. 95% CI lower").get(1));
        double upper = number(row(rows, "Accuracy diff. 95% CI upper").get(1));
        assertEquals(pair.bootstrap().accuracy().lower(), lower, 5e-5);
        assertEquals(pair.bootstrap().accuracy().upper(), upper, 5e-5);
        assertTrue(lower <= accuracy && accuracy <= upper, lower + " <= " + accuracy + " <= " + upper);
        assertEquals("percentile, " + pair.bootstrap().accuracy().resamples() + " paired resamples, seed "
                + pair.bootstrap().accuracy().seed(), row(rows, "Bootstrap CI method").get(1));
        assertEquals(pair.bootstrap().macroF1().estimate(),
                number(row(rows, "Macro-F1 diff. (reference - run)").get(1)), 5e-5);
        assertEquals(a.getTestMetrics().getMacroF1() - b.getTestMetrics().getMacroF1(),
                number(row(rows, "Macro-F1 diff. (reference - run)").get(1)), 5e-5);

        assertFalse(pair.jaccard().isEmpty(), "the engine writes per-image Jaccard for both heads");
        for (JaccardComparison.Row j : pair.jaccard()) {
            String t = String.format(Locale.ROOT, "Jaccard@%.2f ", j.threshold());
            assertEquals(j.wilcoxon().statistic(), number(row(rows, t + "Wilcoxon statistic").get(1)), 0.05);
            assertClose(j.wilcoxon().pValue(), row(rows, t + "Wilcoxon p (two-sided)").get(1));
        }

        List<ConfusionCounts> grids = view.confusionMatrices();
        assertEquals(2, grids.size());
        for (int i = 0; i < 2; i++) {
            ConfusionCounts expected = engine.reports().get(i).confusion();
            assertEquals(expected, grids.get(i), "run " + i + "'s record holds the counts of its predictions.csv");
            assertEquals(engine.runs().get(i).labels().length, grids.get(i).total());
            Control grid = view.confusionControls().get(i);
            assertTrue(grid.isVisible() && grid.getSize().x > 50 && grid.getSize().y > 50,
                    "grid size " + grid.getSize());
        }

        String md = view.comparison().toMarkdown();
        assertTrue(md.contains("### Table 2: attention Jaccard"), md);
        assertTrue(md.contains("McNemar (exact binomial, two-sided): " + pair.mcnemar().aRightBWrong() + " images"),
                md);
        assertTrue(md.indexOf("## Paired statistics") < md.indexOf("## Parameters that differ"), md);
        String csv = view.comparison().toCsv();
        assertTrue(csv.contains("\r\nstatistic,McNemar: right only in the reference,," + pair.mcnemar().aRightBWrong()
                + "\r\n"), csv);
        assertTrue(csv.contains("\r\nstatistic,Accuracy diff. (reference - run),," + row(rows,
                "Accuracy diff. (reference - run)").get(1) + "\r\n"), csv);
        // GTK fades the re-enabled export buttons in: let the fade end before the picture
        long settled = System.nanoTime() + Duration.ofMillis(600).toNanos();
        UiTesting.waitUntil("the buttons' fade", Duration.ofSeconds(5), () -> System.nanoTime() > settled);
        UiTesting.screenshot(view, "compare-runs.png");
    }

    @Test
    void aRunOnAnotherTestSetGetsAMessageInsteadOfStatistics() throws Exception {
        CompareRunsView view = show(quantum, classical, otherData);
        String message = view.statisticsMessage();
        assertTrue(message.contains(otherData.getName()) && message.contains("different test sets"), message);
        assertFalse(message.contains(classical.getName()), "the run on the same test set is compared: " + message);
        List<String> mcnemar = row(view.statisticsRows(), "McNemar: right only in the reference");
        assertFalse(mcnemar.get(1).isEmpty(), "the classical run is still compared: " + mcnemar);
        assertEquals("", mcnemar.get(2), "no numbers for the run on other images: " + mcnemar);
        // what does not need paired images is still there for every run
        List<String> accuracy = row(view.metricRows(), "accuracy");
        assertTrue(accuracy.stream().skip(1).noneMatch(String::isEmpty), accuracy.toString());
        assertEquals(3, view.confusionMatrices().size());
        view.confusionMatrices().forEach(m -> assertNotNull(m, "every completed run has a confusion matrix"));
        assertTrue(view.confusionMatrices().get(2).total() < view.confusionMatrices().get(0).total(),
                "fewer images, a smaller test set");
        assertTrue(view.comparison().toMarkdown().contains("- No paired statistics for " + otherData.getName() + ": "));
        assertTrue(view.comparison().toCsv().contains("\r\nstatistic,not available because,,,"));

        view.show(List.of(quantum, otherData));
        UiTesting.waitUntil("the paired statistics", Duration.ofSeconds(90),
                () -> view.comparison().statistics() != null);
        UiTesting.flush();
        assertTrue(view.statisticsRows().isEmpty(), "no pair left to compare: " + view.statisticsRows());
        assertTrue(view.statisticsMessage().contains("different test sets"), view.statisticsMessage());
    }

    private static List<String> row(List<List<String>> rows, String name) {
        return rows.stream().filter(r -> r.get(0).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + name + "' in " + rows));
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.strip());
    }

    /** A p-value as shown (four decimals, or two significant digits below 0.0001) against the engine's. */
    private static void assertClose(double expected, String shown) {
        double p = number(shown);
        assertTrue(Math.abs(p - expected) <= Math.max(5e-5, 0.06 * expected), shown + " vs " + expected + " "
                + Arrays.toString(new double[] {p, expected}));
    }
}
