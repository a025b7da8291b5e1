package org.hqcm.ui.internal.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.AtomicFiles;
import org.hqcm.model.resource.HqcmResources;

/**
 * Two or more runs side by side: metrics with deltas, the paired statistics of {@code hqcm compare} against the
 * first run, parameters (optionally only those that differ), overlaid curves and confusion matrices.
 */
public final class CompareRunsView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.compareRuns";

    private static final int MAX_COLUMN_WIDTH = 260;

    private Button onlyDifferences;
    private Button exportMarkdown;
    private Button exportCsv;
    private Table metrics;
    private Label statisticsMessage;
    private Table statistics;
    private Table parameters;
    private CurvesCanvas accuracy;
    private CurvesCanvas loss;
    private Composite confusions;
    private final List<ConfusionGrid> grids = new ArrayList<>();
    private RunComparison comparison;
    private Job statisticsJob;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        onlyDifferences = new Button(parent, SWT.CHECK);
        onlyDifferences.setText(Messages.CompareRunsView_onlyDifferences);
        onlyDifferences.setSelection(true);
        onlyDifferences.addListener(SWT.Selection, e -> fillParameters());
        exportMarkdown = new Button(parent, SWT.PUSH);
        exportMarkdown.setText(Messages.CompareRunsView_exportMarkdown);
        exportMarkdown.addListener(SWT.Selection, e -> export("*.md", () -> comparison.toMarkdown()));
        exportCsv = new Button(parent, SWT.PUSH);
        exportCsv.setText(Messages.CompareRunsView_exportCsv);
        exportCsv.addListener(SWT.Selection, e -> export("*.csv", () -> comparison.toCsv()));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(sash);
        SashForm tables = new SashForm(sash, SWT.HORIZONTAL);
        metrics = table(tables);
        Composite stats = new Composite(tables, SWT.NONE);
        GridLayout statsLayout = new GridLayout(1, false);
        statsLayout.marginWidth = 0;
        statsLayout.marginHeight = 0;
        stats.setLayout(statsLayout);
        statisticsMessage = new Label(stats, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(statisticsMessage);
        statistics = table(stats);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(statistics);
        parameters = table(tables);
        tables.setWeights(3, 4, 3);
        // curves stacked on the left leave the confusion grids room to stay square and readable
        SashForm figures = new SashForm(sash, SWT.HORIZONTAL);
        SashForm curves = new SashForm(figures, SWT.VERTICAL);
        accuracy = new CurvesCanvas(curves, Messages.CompareRunsView_validationAccuracy, e -> e.getValidationAccuracy());
        loss = new CurvesCanvas(curves, Messages.CompareRunsView_trainLoss, e -> e.getTrainLoss());
        confusions = new Composite(figures, SWT.NONE);
        figures.setWeights(2, 3);
        sash.setWeights(2, 3);
        enableExport(false);
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
        comparison = new RunComparison(names, records);
        fill(metrics, Messages.CompareRunsView_metric, comparison.metrics());
        fillParameters();
        accuracy.show(names, records);
        loss.show(names, records);
        showConfusions(names, records);
        computeStatistics(runFolders.stream().map(f -> f.getLocation().toPath()).toList());
    }

    private void showConfusions(List<String> names, List<RunRecord> records) {
        grids.forEach(g -> g.control().dispose());
        grids.clear();
        confusions.setLayout(new GridLayout(records.size(), true));
        for (int i = 0; i < records.size(); i++) {
            ConfusionGrid g = new ConfusionGrid(confusions, names.get(i), records.get(i));
            GridDataFactory.fillDefaults().grab(true, true).applyTo(g.control());
            grids.add(g);
        }
        confusions.layout(true, true);
    }

    /**
     * Reads the runs' predictions and runs the engine's tests and bootstrap in a job (seconds on a full test set);
     * the result is shown only if the view still compares the same runs.
     */
    private void computeStatistics(List<Path> folders) {
        if (statisticsJob != null) {
            statisticsJob.cancel();
        }
        enableExport(false);
        setStatisticsMessage(Messages.CompareRunsView_computingStatistics);
        fill(statistics, statisticsTitle(), 1, List.of());
        RunComparison shown = comparison;
        Display display = statistics.getDisplay();
        Job job = Job.create(Messages.CompareRunsView_computingStatistics, monitor -> {
            PairedStatistics s = PairedStatistics.of(folders);
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
        fill(statistics, statisticsTitle(), 1, s.rows());
        StringBuilder why = new StringBuilder();
        for (int i = 1; i < comparison.names().size(); i++) {
            if (s.unavailable(i) != null) {
                why.append(why.length() == 0 ? "" : "\n")
                        .append(NLS.bind(Messages.CompareRunsView_noStatistics, comparison.names().get(i),
                                s.unavailable(i)));
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

    private void fillParameters() {
        if (comparison != null) {
            fill(parameters, Messages.CompareRunsView_parameter, comparison.parameters(onlyDifferences.getSelection()));
        }
    }

    private void fill(Table table, String first, List<RunComparison.Row> rows) {
        fill(table, first, 0, rows);
    }

    /** Fills a table with a column per run from run {@code fromRun} on (the reference has no paired statistics). */
    private void fill(Table table, String first, int fromRun, List<RunComparison.Row> rows) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            new TableColumn(table, SWT.LEFT).setText(first);
            List<String> names = comparison.names();
            names.subList(fromRun, names.size()).forEach(n -> new TableColumn(table, SWT.LEFT).setText(n));
            for (RunComparison.Row r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(r.name());
                cells.addAll(r.cells().subList(fromRun, r.cells().size()));
                new TableItem(table, SWT.NONE).setText(cells.toArray(String[]::new));
            }
            for (TableColumn c : table.getColumns()) {
                c.pack();
                // a long description must not push the other runs out of sight
                c.setWidth(Math.min(c.getWidth(), MAX_COLUMN_WIDTH));
            }
        } finally {
            table.setRedraw(true);
        }
    }

    private void export(String filter, java.util.function.Supplier<String> text) {
        if (comparison == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {filter});
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            try {
                AtomicFiles.writeString(Path.of(file), text.get());
            } catch (IOException e) {
                StatusManager.getManager().handle(Status.error(file + ": " + e.getMessage(), e),
                        StatusManager.LOG | StatusManager.SHOW);
            }
        }
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

    /** The metrics table as shown (tests). */
    public List<List<String>> metricRows() {
        return rowsOf(metrics);
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

    /** The confusion matrices shown, one per run in column order; null for a run without one (tests). */
    public List<ConfusionCounts> confusionMatrices() {
        return grids.stream().map(ConfusionGrid::matrix).toList();
    }

    /** The confusion grids' controls, one per run (tests). */
    public List<Control> confusionControls() {
        return grids.stream().map(g -> (Control) g.control()).toList();
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
