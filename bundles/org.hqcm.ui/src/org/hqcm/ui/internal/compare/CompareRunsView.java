package org.hqcm.ui.internal.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.AtomicFiles;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.figures.FigureExport;
import org.hqcm.ui.internal.figures.LineChart;

/**
 * Two or more runs side by side: metrics with delta columns, the paired statistics of {@code hqcm compare} against
 * the first run, parameters (optionally only those that differ), each table on its own tab at full width; overlaid
 * curves (interactive charts) and a clickable confusion matrix per run, whose cells open their test images in the
 * error drill-down ({@link CellImagesView}). One delta convention, run - first run, is stated above the tables and
 * in every export.
 */
public final class CompareRunsView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.compareRuns";

    /** Widest a column grows to fit its cells; its header tooltip and the exports hold the whole text. */
    private static final int MAX_COLUMN_WIDTH = 420;

    private Button onlyDifferences;
    private Button exportMarkdown;
    private Button exportCsv;
    private Label convention;
    private Label exported;
    private CTabFolder tabs;
    private Table metrics;
    private Label statisticsMessage;
    private Table statistics;
    private Table parameters;
    private LineChart accuracy;
    private LineChart loss;
    private Composite confusions;
    private final List<ConfusionGrid> grids = new ArrayList<>();
    private List<IContainer> folders = List.of();
    private RunComparison comparison;
    private Job statisticsJob;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout barLayout = new GridLayout(4, false);
        barLayout.marginWidth = 0;
        barLayout.marginHeight = 0;
        bar.setLayout(barLayout);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        onlyDifferences = new Button(bar, SWT.CHECK);
        onlyDifferences.setText(Messages.CompareRunsView_onlyDifferences);
        onlyDifferences.setSelection(true);
        onlyDifferences.addListener(SWT.Selection, e -> fillParameters());
        exportMarkdown = new Button(bar, SWT.PUSH);
        exportMarkdown.setText(Messages.CompareRunsView_exportMarkdown);
        exportMarkdown.addListener(SWT.Selection, e -> export("md", "Markdown", () -> comparison.toMarkdown()));
        exportCsv = new Button(bar, SWT.PUSH);
        exportCsv.setText(Messages.CompareRunsView_exportCsv);
        exportCsv.addListener(SWT.Selection, e -> export("csv", "CSV", () -> comparison.toCsv()));
        exported = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(100, SWT.DEFAULT)
                .applyTo(exported);
        // the one sign convention of every delta, on its own line so it is never cut off
        convention = new Label(parent, SWT.WRAP);
        convention.setFont(org.eclipse.jface.resource.JFaceResources.getFontRegistry()
                .getBold(org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(convention);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        tabs = new CTabFolder(sash, SWT.BORDER | SWT.TOP);
        metrics = table(tabs);
        tab(Messages.CompareRunsView_metricsTab, metrics);
        Composite stats = new Composite(tabs, SWT.NONE);
        GridLayout statsLayout = new GridLayout(1, false);
        statsLayout.marginWidth = 0;
        statsLayout.marginHeight = 0;
        stats.setLayout(statsLayout);
        statisticsMessage = new Label(stats, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(statisticsMessage);
        statistics = table(stats);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(statistics);
        tab(Messages.CompareRunsView_statisticsTab, stats);
        parameters = table(tabs);
        tab(Messages.CompareRunsView_parametersTab, parameters);
        tabs.setSelection(0);
        // the two charts and the confusion grids side by side: each chart gets the whole height for its ticks, the
        // grids stay square
        SashForm figures = new SashForm(sash, SWT.HORIZONTAL);
        accuracy = chart(figures, Messages.CompareRunsView_validationAccuracy, Messages.CompareRunsView_accuracyAxis,
                "validation-accuracy");
        loss = chart(figures, Messages.CompareRunsView_trainLoss, Messages.CompareRunsView_lossAxis, "training-loss");
        confusions = new Composite(figures, SWT.NONE);
        figures.setWeights(3, 3, 4);
        sash.setWeights(2, 3);
        enableExport(false);
    }

    private void tab(String title, Control control) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(control);
    }

    private LineChart chart(Composite parent, String title, String yTitle, String fileName) {
        LineChart c = new LineChart(parent, title, Messages.CompareRunsView_epochAxis, yTitle, true);
        FigureExport.addExportItems(c.control(), c, () -> new FigureExport.Target(exportFolder(), fileName),
                this::confirm);
        return c;
    }

    private static Table table(Composite parent) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        return t;
    }

    /** Compares the runs of these folders (two or more). */
    public void show(List<IContainer> runFolders) {
        HqcmResources.registerGlobally();
        List<String> names = new ArrayList<>();
        List<RunRecord> records = new ArrayList<>();
        for (IContainer f : runFolders) {
            names.add(f.getName());
            records.add(HqcmResources.loadRunRecord(f.getLocation().toPath()));
        }
        folders = List.copyOf(runFolders);
        comparison = new RunComparison(names, records);
        convention.setText(comparison.deltaConvention());
        convention.getParent().layout(true, true);
        fillMetrics();
        fillParameters();
        accuracy.setSeries(series(names, records, EpochRecord::getValidationAccuracy));
        loss.setSeries(series(names, records, EpochRecord::getTrainLoss));
        showConfusions(names, records);
        computeStatistics(runFolders.stream().map(f -> f.getLocation().toPath()).toList());
    }

    private static List<LineChart.Series> series(List<String> names, List<RunRecord> records,
            ToDoubleFunction<EpochRecord> value) {
        List<LineChart.Series> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<EpochRecord> epochs = records.get(i).getEpochs();
            out.add(new LineChart.Series(names.get(i), epochs.stream().mapToDouble(EpochRecord::getEpoch).toArray(),
                    epochs.stream().mapToDouble(value).toArray()));
        }
        return out;
    }

    private void showConfusions(List<String> names, List<RunRecord> records) {
        grids.forEach(g -> g.control().dispose());
        grids.clear();
        confusions.setLayout(new GridLayout(records.size(), true));
        for (int i = 0; i < records.size(); i++) {
            ConfusionGrid g = new ConfusionGrid(confusions, names.get(i), records.get(i));
            GridDataFactory.fillDefaults().grab(true, true).applyTo(g.control());
            int run = i;
            g.onOpen((t, p) -> openCell(run, t, p));
            grids.add(g);
        }
        confusions.layout(true, true);
    }

    private void openCell(int run, int trueClass, int predictedClass) {
        try {
            CellImagesView.open(getSite().getPage(), folders, run, trueClass, predictedClass);
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    /**
     * Reads the runs' predictions and runs the engine's tests and bootstrap in a job (seconds on a full test set);
     * the result is shown only if the view still compares the same runs.
     */
    private void computeStatistics(List<Path> dirs) {
        if (statisticsJob != null) {
            statisticsJob.cancel();
        }
        enableExport(false);
        setStatisticsMessage(Messages.CompareRunsView_computingStatistics);
        fill(statistics, statisticsTitle(), comparison.names().subList(1, comparison.names().size()), List.of(), 1);
        RunComparison shown = comparison;
        Display display = statistics.getDisplay();
        Job job = Job.create(Messages.CompareRunsView_computingStatistics, monitor -> {
            PairedStatistics s = PairedStatistics.of(dirs);
            if (monitor.isCanceled() || display.isDisposed()) {
                return Status.CANCEL_STATUS;
            }
            display.asyncExec(() -> {
                if (!statistics.isDisposed() && comparison == shown) {
                    comparison = shown.withStatistics(s);
                    showStatistics(s);
                }
            });
            return Status.OK_STATUS;
        });
        job.setPriority(Job.SHORT);
        statisticsJob = job;
        job.schedule();
    }

    private void showStatistics(PairedStatistics s) {
        List<String> names = comparison.names();
        fill(statistics, statisticsTitle(), names.subList(1, names.size()), s.rows(), 1);
        StringBuilder why = new StringBuilder();
        for (int i = 1; i < names.size(); i++) {
            if (s.unavailable(i) != null) {
                why.append(why.length() == 0 ? "" : "\n")
                        .append(NLS.bind(Messages.CompareRunsView_noStatistics, names.get(i), s.unavailable(i)));
            }
        }
        setStatisticsMessage(why.toString());
        enableExport(true);
    }

    private String statisticsTitle() {
        return NLS.bind(Messages.CompareRunsView_statistic, comparison.names().get(0));
    }

    private void setStatisticsMessage(String text) {
        statisticsMessage.setText(text);
        ((GridData) statisticsMessage.getLayoutData()).exclude = text.isEmpty();
        statisticsMessage.setVisible(!text.isEmpty());
        statisticsMessage.getParent().layout(true);
    }

    private void enableExport(boolean enabled) {
        exportMarkdown.setEnabled(enabled);
        exportCsv.setEnabled(enabled);
    }

    private void fillMetrics() {
        List<String> titles = new ArrayList<>(comparison.names());
        titles.addAll(comparison.deltaTitles().stream().map(t -> "\u0394 " + t).toList());
        List<RunComparison.Row> values = comparison.metrics();
        List<RunComparison.Row> deltas = comparison.metricDeltas();
        List<RunComparison.Row> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            List<String> cells = new ArrayList<>(values.get(i).cells());
            cells.addAll(deltas.get(i).cells());
            rows.add(new RunComparison.Row(values.get(i).name(), cells));
        }
        fill(metrics, Messages.CompareRunsView_metric, titles, rows, 0);
    }

    private void fillParameters() {
        if (comparison != null) {
            fill(parameters, Messages.CompareRunsView_parameter, comparison.names(),
                    comparison.parameters(onlyDifferences.getSelection()), 0);
        }
    }

    /** Fills a table: the row names, then a column per title with the rows' cells from {@code from} on. */
    private static void fill(Table table, String first, List<String> titles, List<RunComparison.Row> rows, int from) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            column(table, first, SWT.LEFT);
            titles.forEach(n -> column(table, n, SWT.RIGHT));
            for (RunComparison.Row r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(r.name());
                cells.addAll(r.cells().subList(from, r.cells().size()));
                new TableItem(table, SWT.NONE).setText(cells.toArray(String[]::new));
            }
            for (TableColumn c : table.getColumns()) {
                // header and cells fit (pack measures both); only a very long text is cut, its tooltip is whole
                c.pack();
                c.setWidth(Math.min(c.getWidth() + 12, MAX_COLUMN_WIDTH));
            }
        } finally {
            table.setRedraw(true);
        }
    }

    private static void column(Table table, String title, int align) {
        TableColumn c = new TableColumn(table, align);
        c.setText(title);
        c.setToolTipText(title);
    }

    /** Where exports start: the project of the first run (the user's, not the IDE's working directory). */
    Path exportFolder() {
        if (folders.isEmpty() || folders.get(0).getProject() == null || folders.get(0).getProject().getLocation() == null) {
            return null;
        }
        return folders.get(0).getProject().getLocation().toPath();
    }

    private void export(String extension, String filterName, Supplier<String> text) {
        if (comparison == null) {
            return;
        }
        Path file = FigureExport.ask(getSite().getShell(), exportFolder(), comparison.fileName(extension), extension,
                filterName);
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, text.get().getBytes(StandardCharsets.UTF_8));
            confirm(FigureExport.saved(file));
        } catch (IOException e) {
            StatusManager.getManager().handle(Status.error(NLS.bind(Messages.CompareRunsView_exportFailed, file,
                    e.getMessage()), e), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    /** Says what was saved where: in the view's bar and the status line. */
    private void confirm(String message) {
        exported.setText(message);
        exported.setToolTipText(message);
        exported.getParent().layout(true);
        getViewSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    /** The comparison shown, or null. */
    public RunComparison comparison() {
        return comparison;
    }

    /** The job computing the paired statistics of the runs shown, or null before the first comparison. */
    public Job statisticsJob() {
        return statisticsJob;
    }

    /**
     * The statistics table as shown: one list of cells per row, the statistic's name first, then one cell per run
     * after the reference (tests).
     */
    public List<List<String>> statisticsRows() {
        return rowsOf(statistics);
    }

    /** The metrics table as shown: name, one value per run, one delta per later run (tests). */
    public List<List<String>> metricRows() {
        return rowsOf(metrics);
    }

    /** The three tables: metrics, statistics, parameters (tests check they are readable). */
    public List<Table> tables() {
        return List.of(metrics, statistics, parameters);
    }

    public CTabFolder tabs() {
        return tabs;
    }

    private static List<List<String>> rowsOf(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < table.getColumnCount(); c++) {
                cells.add(item.getText(c));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Why runs have no statistics, as shown above the statistics table; empty when all have them (tests). */
    public String statisticsMessage() {
        return statisticsMessage.getText();
    }

    /** The delta convention as stated above the tables. */
    public String conventionText() {
        return convention.getText();
    }

    /** The confirmation of the last export, empty before one (tests). */
    public String exportMessage() {
        return exported.getText();
    }

    /** The confusion matrices shown, one per run in column order; null for a run without one (tests). */
    public List<ConfusionCounts> confusionMatrices() {
        return grids.stream().map(ConfusionGrid::matrix).toList();
    }

    /** The confusion grids' controls, one per run (tests). */
    public List<Control> confusionControls() {
        return grids.stream().map(g -> (Control) g.control()).toList();
    }

    public List<ConfusionGrid> confusionGrids() {
        return List.copyOf(grids);
    }

    /** The accuracy and loss charts. */
    public List<LineChart> charts() {
        return List.of(accuracy, loss);
    }

    /** The export buttons: Markdown, CSV. */
    public List<Button> exportButtons() {
        return List.of(exportMarkdown, exportCsv);
    }

    /** Whether the export buttons are enabled: only once the statistics are computed (tests). */
    public boolean canExport() {
        return exportMarkdown.isEnabled() && exportCsv.isEnabled();
    }

    /** Rows shown in the parameters table (tests). */
    public int parameterRows() {
        return parameters.getItemCount();
    }

    /** Shows all parameters or only those that differ (as the check box does). */
    public void setOnlyDifferences(boolean only) {
        onlyDifferences.setSelection(only);
        fillParameters();
    }

    @Override
    public void dispose() {
        if (statisticsJob != null) {
            statisticsJob.cancel();
        }
        super.dispose();
    }

    @Override
    public void setFocus() {
        metrics.setFocus();
    }
}
