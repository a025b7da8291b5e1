package org.hqcm.ui.internal.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.eval.JaccardComparison;
import org.hqcm.engine.eval.PairedComparison;
import org.hqcm.engine.eval.PairedComparison.Pair;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.figures.LineChart;
import org.hqcm.ui.internal.runs.RunDetailsView;
import org.hqcm.ui.internal.testing.FileDialogs;
import org.hqcm.ui.internal.testing.TinyExperiments;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.XInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void restoreTheLayout() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        var ref = page.findViewReference(CompareRunsView.ID);
        if (ref != null) {
            page.setPartState(ref, IWorkbenchPage.STATE_RESTORED);
        }
        UiTesting.flush();
    }

    @AfterAll
    static void deleteProject() throws Exception {
        project.delete(true, true, null);
    }

    private static CompareRunsView show(IContainer... runs) throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        CompareRunsView view = (CompareRunsView) page.showView(CompareRunsView.ID);
        // a laptop screen, the view maximized (a double-click on its tab) as a researcher looking at results does
        view.getSite().getShell().setSize(1400, 900);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
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
        // one convention everywhere: run - reference; the engine's bootstrap estimates reference - run
        double accuracy = number(row(rows, "Accuracy delta").get(1));
        assertEquals(-pair.bootstrap().accuracy().estimate(), accuracy, 5e-5);
        // the records' own accuracies, read independently of the engine's comparison: run minus reference
        assertEquals(b.getTestMetrics().getAccuracy() - a.getTestMetrics().getAccuracy(), accuracy, 5e-5);
        double lower = number(row(rows, "Accuracy delta 95% CI lower").get(1));
        double upper = number(row(rows, "Accuracy delta 95% CI upper").get(1));
        assertEquals(-pair.bootstrap().accuracy().upper(), lower, 5e-5);
        assertEquals(-pair.bootstrap().accuracy().lower(), upper, 5e-5);
        assertTrue(lower <= accuracy && accuracy <= upper, lower + " <= " + accuracy + " <= " + upper);
        assertEquals("percentile, " + pair.bootstrap().accuracy().resamples() + " paired resamples, seed "
                + pair.bootstrap().accuracy().seed(), row(rows, "Bootstrap CI method").get(1));
        assertEquals(b.getTestMetrics().getMacroF1() - a.getTestMetrics().getMacroF1(),
                number(row(rows, "Macro-F1 delta").get(1)), 5e-5);
        // the metrics table says the same in its delta column
        List<String> metric = row(view.metricRows(), "accuracy");
        assertEquals(b.getTestMetrics().getAccuracy() - a.getTestMetrics().getAccuracy(), number(metric.get(3)), 5e-5);
        // calibration, out-of-distribution flags and explanation scores from the records, with their deltas
        List<String> ece = row(view.metricRows(), "ECE");
        assertEquals(a.getCalibration().getEce(), number(ece.get(1)), 5e-5);
        assertEquals(b.getCalibration().getEce() - a.getCalibration().getEce(), number(ece.get(3)), 5e-5);
        assertEquals(a.getCalibration().getTemperature(), number(row(view.metricRows(), "temperature").get(1)), 5e-5);
        assertEquals(b.getOutOfDistribution().getTestFlagged(),
                number(row(view.metricRows(), "test images flagged unlike the training data").get(2)), 5e-5);
        assertEquals(a.getExplanations().get(1).getPointingGame(),
                number(row(view.metricRows(), "pointing game (Grad-CAM)").get(1)), 5e-5);

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
        assertTrue(md.contains("| McNemar: right only in the reference | " + pair.mcnemar().aRightBWrong() + " |"), md);
        assertTrue(md.indexOf("## Paired statistics") < md.indexOf("## Parameters that differ"), md);
        String csv = view.comparison().toCsv();
        assertTrue(csv.contains("\r\nstatistic,McNemar: right only in the reference,," + pair.mcnemar().aRightBWrong()
                + ",\r\n"), csv);
        assertTrue(csv.contains("\r\nstatistic,Accuracy delta,," + row(rows, "Accuracy delta").get(1) + ",\r\n"), csv);
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

    @Test
    void everyColumnIsReadableAndOneDeltaConventionIsStatedOnce() throws Exception {
        CompareRunsView view = show(quantum, classical, otherData);
        assertEquals("delta = run - first run (" + quantum.getName() + ")", view.conventionText());
        List<String> header = new java.util.ArrayList<>();
        for (TableColumn c : view.tables().get(0).getColumns()) {
            header.add(c.getText());
        }
        assertEquals(List.of("Metric", quantum.getName(), classical.getName(), otherData.getName(),
                "\u0394 " + classical.getName() + " - " + quantum.getName(),
                "\u0394 " + otherData.getName() + " - " + quantum.getName()), header);
        GC gc = new GC(view.tables().get(0));
        try {
            for (int t = 0; t < view.tables().size(); t++) {
                view.tabs().setSelection(t);
                UiTesting.flush();
                Table table = view.tables().get(t);
                for (int c = 0; c < table.getColumnCount(); c++) {
                    TableColumn column = table.getColumn(c);
                    int widest = gc.textExtent(column.getText()).x;
                    for (TableItem item : table.getItems()) {
                        widest = Math.max(widest, gc.textExtent(item.getText(c)).x);
                    }
                    assertTrue(column.getWidth() >= Math.min(widest, 420), "table " + t + " column '"
                            + column.getText() + "' is " + column.getWidth() + " px for text of " + widest + " px");
                }
            }
        } finally {
            gc.dispose();
        }
        for (List<String> r : view.metricRows()) {
            for (String cell : r.subList(1, r.size())) {
                assertTrue(cell.isEmpty() || cell.matches("[+-]?\\d+(\\.\\d+)?"), "a plain number: '" + cell + "' in " + r);
            }
        }
        view.tabs().setSelection(0);
        UiTesting.flush();
        UiTesting.screenshot(view, "compare-runs-three.png");
    }

    @Test
    void csvAndMarkdownExportsStartInTheProjectWithANameAndAreConfirmed() throws Exception {
        CompareRunsView view = show(quantum, classical);
        Path csvFile = project.getLocation().toPath()
                .resolve("compare-" + quantum.getName() + "-vs-" + classical.getName() + ".csv");
        Display display = Display.getCurrent();
        FileDialogs.acceptProposal(display, csvFile, () -> XInput.click(view.exportButtons().get(1)));
        assertTrue(view.exportMessage().startsWith("Saved " + csvFile.getFileName()), view.exportMessage());
        RunRecord a = HqcmResources.loadRunRecord(quantum.getLocation().toPath());
        RunRecord b = HqcmResources.loadRunRecord(classical.getLocation().toPath());
        try (CSVParser csv = CSVParser.parse(csvFile, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            String delta = classical.getName() + " - " + quantum.getName();
            assertEquals(List.of("section", "name", quantum.getName(), classical.getName(), delta), csv.getHeaderNames());
            CSVRecord accuracy = csv.getRecords().stream().filter(r -> r.get("name").equals("accuracy")).findFirst()
                    .orElseThrow();
            assertEquals(a.getTestMetrics().getAccuracy(), Double.parseDouble(accuracy.get(quantum.getName())), 5e-5);
            assertEquals(b.getTestMetrics().getAccuracy(), Double.parseDouble(accuracy.get(classical.getName())), 5e-5);
            assertEquals(b.getTestMetrics().getAccuracy() - a.getTestMetrics().getAccuracy(),
                    Double.parseDouble(accuracy.get(delta)), 5e-5);
        }
        Path mdFile = csvFile.resolveSibling(csvFile.getFileName().toString().replace(".csv", ".md"));
        FileDialogs.acceptProposal(display, mdFile, () -> XInput.click(view.exportButtons().get(0)));
        String md = Files.readString(mdFile);
        assertEquals(1, md.split("delta = run - first run", -1).length - 1, "the convention once: " + md);
        assertTrue(md.contains("| " + quantum.getName() + " | " + classical.getName() + " | " + classical.getName()
                + " - " + quantum.getName() + " |"), md);
        assertTrue(view.exportMessage().startsWith("Saved " + mdFile.getFileName()), view.exportMessage());
    }

    @Test
    void chartsReadOutZoomPanResetAndExport() throws Exception {
        CompareRunsView view = show(quantum, classical);
        LineChart chart = view.charts().get(0);
        Canvas canvas = chart.control();
        RunRecord b = HqcmResources.loadRunRecord(classical.getLocation().toPath());
        double value = b.getEpochs().get(2).getValidationAccuracy();
        UiTesting.flush();
        Point point = chart.pixel(3, value);
        XInput.moveTo(canvas, point);
        UiTesting.waitUntil("the read-out", Duration.ofSeconds(5), () -> chart.hoverText() != null);
        assertEquals(classical.getName() + ": epoch 3, " + String.format(Locale.ROOT, "%.4f", value),
                chart.hoverText());
        UiTesting.screenshot(view, "compare-runs-hover.png");
        // the screenshot gave the part its place back: maximized again to explore
        IWorkbenchPage page = view.getSite().getPage();
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        UiTesting.flush();
        double[] all = chart.shownRange();
        assertTrue(all[0] == 1 && all[1] == b.getEpochs().size(), "the x axis spans the epochs: " + Arrays.toString(all));
        Rectangle plot = chart.plotArea();
        UiRobot.wheel(canvas, new Point(plot.x + plot.width / 2, plot.y + plot.height / 2), -2);
        UiTesting.flush();
        double[] zoomed = chart.shownRange();
        assertTrue(chart.isZoomed() && zoomed[1] - zoomed[0] < 0.7 * (all[1] - all[0]),
                "two notches up zoom in: " + Arrays.toString(zoomed));
        // a click gives the chart the keyboard (no drag: the view stays)
        XInput.click(canvas, new Point(plot.x + 3, plot.y + plot.height - 3), 1);
        assertArrayEquals(zoomed, chart.shownRange(), 1e-9);
        XInput.key(canvas.getDisplay(), "Right");
        double[] panned = chart.shownRange();
        assertTrue(panned[0] > zoomed[0], "the arrow pans right: " + Arrays.toString(panned));
        XInput.key(canvas.getDisplay(), "Home");
        UiTesting.flush();
        assertFalse(chart.isZoomed());
        assertEquals(Arrays.toString(all), Arrays.toString(chart.shownRange()), "Home shows all again");

        Path svg = project.getLocation().toPath().resolve("validation-accuracy.svg");
        Menu menu = XInput.contextMenu(canvas, new Point(plot.x + 5, plot.y + 5));
        FileDialogs.acceptProposal(canvas.getDisplay(), svg, () -> UiRobot.choose(UiRobot.item(menu, "Export as SVG...")));
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var doc = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals(2, doc.getElementsByTagName("polyline").getLength(), "one line per run");
        String text = Files.readString(svg);
        assertTrue(text.contains(">Epoch</text>") && text.contains(">Accuracy</text>") && text.contains(">"
                + classical.getName() + "</text>"), "axis titles and the legend: " + text);
        Path png = project.getLocation().toPath().resolve("validation-accuracy.png");
        Menu again = XInput.contextMenu(canvas, new Point(plot.x + 5, plot.y + 5));
        FileDialogs.acceptProposal(canvas.getDisplay(), png, () -> UiRobot.choose(UiRobot.item(again, "Export as PNG...")));
        ImageData image = new ImageData(png.toString());
        assertEquals(canvas.getSize().x, image.width);
    }

    @Test
    void aConfusionCellOpensItsImagesForEveryRunSideBySide() throws Exception {
        CompareRunsView view = show(quantum, classical, otherData);
        ConfusionGrid grid = view.confusionGrids().get(0);
        var m = grid.matrix();
        int[] cell = fullestErrorCell(m);
        try {
            UiTesting.waitUntil("the grid painted", Duration.ofSeconds(10), () -> grid.cellBounds(0, 0) != null);
        } catch (AssertionError e) {
            UiTesting.screenshot(view.getSite().getShell(), "debug-grid.png");
            throw new AssertionError(e.getMessage() + ": grid " + grid.control().getSize() + " visible "
                    + grid.control().isVisible() + " disposed " + grid.control().isDisposed(), e);
        }
        Rectangle r = grid.cellBounds(cell[0], cell[1]);
        XInput.click(grid.control(), new Point(r.x + r.width / 2, r.y + r.height / 2), 1);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        UiTesting.waitUntil("the drill-down", Duration.ofSeconds(10),
                () -> page.findView(CellImagesView.ID) != null && page.isPartVisible(page.findView(CellImagesView.ID)));
        CellImagesView cells = (CellImagesView) page.findView(CellImagesView.ID);
        List<String> classes = m.classNames();
        assertTrue(cells.heading().startsWith("True " + classes.get(cell[0]) + ", predicted " + classes.get(cell[1])
                + " in " + quantum.getName() + ": " + m.count(cell[0], cell[1]) + " test images"), cells.heading());
        assertEquals(Math.min(CellImagesView.MAX_IMAGES, m.count(cell[0], cell[1])), cells.rows().size());
        Map<Integer, String[]> predictions = predictionsCsv(quantum);
        for (CellImagesView.Row row : cells.rows()) {
            assertEquals(3, row.captions().size(), "a column per run: " + row);
            String[] line = predictions.get(row.sampleId());
            assertEquals(cell[0], Integer.parseInt(line[2]), "the image is of the cell's true class");
            assertEquals(cell[1], Integer.parseInt(line[3]), "and was predicted as the cell's class");
            double p = Double.parseDouble(line[4 + cell[1]]);
            assertTrue(row.captions().get(0).startsWith((cell[0] == cell[1] ? "right: " : "wrong: predicted ")
                    + classes.get(cell[1]) + String.format(Locale.ROOT, " (%.2f)", p)), row.captions().get(0));
            assertTrue(row.overlays().get(0) && row.overlays().get(1), "T_s over the image in both runs of the "
                    + "test set: " + row);
            assertTrue(row.captions().get(2).contains("another test set"), row.captions().get(2));
            // tumour images were explained by both runs (the tiny runs explain every one), healthy ones by none
            List<String> methods = row.trueClass() == 0 ? List.of()
                    : List.of("Grad-CAM", "Grad-CAM on F*(1+T_s)", "occlusion");
            assertEquals(methods, row.explanations().get(0), "explanations beside T_s: " + row);
            assertEquals(methods, row.explanations().get(1));
            assertEquals(List.of(), row.explanations().get(2), "another test set");
        }
        UiTesting.screenshot(cells, "confusion-cell-images.png");

        // keyboard: the grid takes focus, the arrows choose a cell and Return opens it
        CompareRunsView again = (CompareRunsView) page.showView(CompareRunsView.ID);
        ConfusionGrid second = again.confusionGrids().get(1);
        // a click on the title (no cell) gives the grid the focus
        XInput.click(second.control(), new Point(3, 3), 1);
        XInput.key(second.control().getDisplay(), "Right");
        XInput.key(second.control().getDisplay(), "Return");
        UiTesting.waitUntil("the cell (0, 1) of the second run", Duration.ofSeconds(10), () -> cells.heading()
                .startsWith("True " + classes.get(0) + ", predicted " + classes.get(1) + " in " + classical.getName()));
    }

    @Test
    void theRunReportsConfusionMatrixIsClickableToo() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        RunDetailsView report = (RunDetailsView) page.showView(RunDetailsView.ID);
        report.getSite().getShell().setSize(1400, 900);
        report.show(classical);
        UiTesting.flush();
        ConfusionGrid grid = report.confusionGrid();
        assertNotNull(grid, "the report draws the confusion matrix as a grid");
        int[] cell = fullestErrorCell(grid.matrix());
        ((org.eclipse.swt.custom.ScrolledComposite) grid.control().getParent().getParent()).showControl(grid.control());
        UiTesting.waitUntil("the grid painted", Duration.ofSeconds(10), () -> grid.cellBounds(0, 0) != null);
        Rectangle r = grid.cellBounds(cell[0], cell[1]);
        XInput.click(grid.control(), new Point(r.x + r.width / 2, r.y + r.height / 2), 1);
        UiTesting.waitUntil("the drill-down", Duration.ofSeconds(10), () -> page.findView(CellImagesView.ID) != null
                && ((CellImagesView) page.findView(CellImagesView.ID)).heading().contains(" in " + classical.getName()));
        CellImagesView cells = (CellImagesView) page.findView(CellImagesView.ID);
        assertEquals(grid.matrix().count(cell[0], cell[1]), cells.rows().size());
        cells.rows().forEach(row -> assertEquals(1, row.captions().size(), "one run: " + row));
    }

    /** The off-diagonal cell with the most images, or the fullest cell when the run made no error. */
    private static int[] fullestErrorCell(ConfusionCounts m) {
        int k = m.classNames().size();
        int[] best = {0, 0};
        long most = -1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                long n = m.count(t, p) + (t == p ? -1_000_000 : 0);
                if (n > most) {
                    most = n;
                    best = new int[] {t, p};
                }
            }
        }
        if (m.count(best[0], best[1]) == 0) {
            for (int t = 0; t < k; t++) {
                if (m.count(t, t) > m.count(best[0], best[1])) {
                    best = new int[] {t, t};
                }
            }
        }
        return best;
    }

    /** predictions.csv of a run, read here line by line (no engine code): sample id to its fields. */
    private static Map<Integer, String[]> predictionsCsv(IContainer run) throws Exception {
        Map<Integer, String[]> out = new java.util.HashMap<>();
        List<String> lines = Files.readAllLines(run.getLocation().toPath().resolve("predictions.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            out.put(Integer.parseInt(f[0]), f);
        }
        return out;
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
