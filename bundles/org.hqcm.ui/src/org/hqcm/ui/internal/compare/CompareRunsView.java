package org.hqcm.ui.internal.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;

/** Two or more runs side by side: parameters (optionally only those that differ), metrics with deltas, curves. */
public final class CompareRunsView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.compareRuns";

    private static final int MAX_COLUMN_WIDTH = 260;

    private Button onlyDifferences;
    private Table metrics;
    private Table parameters;
    private CurvesCanvas accuracy;
    private CurvesCanvas loss;
    private RunComparison comparison;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        onlyDifferences = new Button(parent, SWT.CHECK);
        onlyDifferences.setText(Messages.CompareRunsView_onlyDifferences);
        onlyDifferences.setSelection(true);
        onlyDifferences.addListener(SWT.Selection, e -> fillParameters());
        Button md = new Button(parent, SWT.PUSH);
        md.setText(Messages.CompareRunsView_exportMarkdown);
        md.addListener(SWT.Selection, e -> export("*.md", () -> comparison.toMarkdown()));
        Button csv = new Button(parent, SWT.PUSH);
        csv.setText(Messages.CompareRunsView_exportCsv);
        csv.addListener(SWT.Selection, e -> export("*.csv", () -> comparison.toCsv()));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(sash);
        SashForm tables = new SashForm(sash, SWT.HORIZONTAL);
        metrics = table(tables);
        parameters = table(tables);
        SashForm curves = new SashForm(sash, SWT.HORIZONTAL);
        accuracy = new CurvesCanvas(curves, Messages.CompareRunsView_validationAccuracy, e -> e.getValidationAccuracy());
        loss = new CurvesCanvas(curves, Messages.CompareRunsView_trainLoss, e -> e.getTrainLoss());
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
    }

    private void fillParameters() {
        if (comparison != null) {
            fill(parameters, Messages.CompareRunsView_parameter, comparison.parameters(onlyDifferences.getSelection()));
        }
    }

    private void fill(Table table, String first, List<RunComparison.Row> rows) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            new TableColumn(table, SWT.LEFT).setText(first);
            comparison.names().forEach(n -> new TableColumn(table, SWT.LEFT).setText(n));
            for (RunComparison.Row r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(r.name());
                cells.addAll(r.cells());
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
                Files.writeString(Path.of(file), text.get(), StandardCharsets.UTF_8);
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
    public void setFocus() {
        metrics.setFocus();
    }
}
