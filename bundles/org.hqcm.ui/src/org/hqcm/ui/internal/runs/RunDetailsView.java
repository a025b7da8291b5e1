package org.hqcm.ui.internal.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IContainer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.launch.internal.RunLaunches;
import org.hqcm.model.RunStatus;
import org.hqcm.model.Artefact;
import org.hqcm.model.ClassMetrics;
import org.hqcm.model.JaccardScore;
import org.hqcm.model.RunRecord;
import org.hqcm.model.TestMetrics;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.ui.internal.compare.CellImagesView;
import org.hqcm.ui.internal.compare.ConfusionGrid;
import org.hqcm.ui.internal.compare.RunComparison;

/**
 * The report of one run inside the IDE: the metrics of its record and the figures of its {@code artefacts/}
 * folder, drawn with SWT widgets (they need no browser component); a link opens report.html in the {@link ReportView},
 * and a cancelled, failed or interrupted run has a Resume link.
 */
public final class RunDetailsView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.runDetails";

    private ScrolledComposite scroller;
    private Composite body;
    private final List<Image> images = new ArrayList<>();
    private IContainer folder;
    private Table metrics;
    private Link resumeLink;
    private Label title;
    private ConfusionGrid confusion;

    @Override
    public void createPartControl(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        body = new Composite(scroller, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        new Label(body, SWT.WRAP).setText(Messages.RunDetailsView_none);
        scroller.setContent(body);
        layout();
    }

    /** Shows the run of a folder (reads its record on the UI thread: a record is a few kB). */
    public void show(IContainer runFolder) {
        HqcmResources.registerGlobally();
        this.folder = runFolder;
        Path dir = runFolder.getLocation().toPath();
        RunRecord record = HqcmResources.loadRunRecord(dir);
        clear();
        setPartName(runFolder.getName());
        RunSummary summary = RunSummary.of(runFolder, record);
        title = new Label(body, SWT.NONE);
        title.setText(summary.experiment() + "  (" + summary.head() + ", " + summary.status() + ")");
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());

        metrics = table(body, Messages.RunDetailsView_metric, Messages.RunDetailsView_value);
        row(metrics, Messages.RunsView_epochs, Integer.toString(summary.epochs()));
        row(metrics, Messages.RunsView_duration, RunColumn.duration(summary.seconds()));
        TestMetrics t = record.getTestMetrics();
        if (t != null) {
            row(metrics, Messages.RunsView_accuracy, RunColumn.figure(t.getAccuracy()));
            row(metrics, Messages.RunDetailsView_macro, RunColumn.figure(t.getMacroPrecision()) + " / "
                    + RunColumn.figure(t.getMacroRecall()) + " / " + RunColumn.figure(t.getMacroF1()));
            row(metrics, Messages.RunDetailsView_weighted, RunColumn.figure(t.getWeightedPrecision()) + " / "
                    + RunColumn.figure(t.getWeightedRecall()) + " / " + RunColumn.figure(t.getWeightedF1()));
        }
        for (JaccardScore j : record.getJaccard()) {
            row(metrics, String.format(Locale.ROOT, "Jaccard@%.2f", j.getThreshold()), RunColumn.figure(j.getMean()));
        }
        RunComparison.confidenceAndExplanations(record).forEach((k, v) -> row(metrics, k, RunColumn.figure(v)));
        if (record.getProvenance() != null) {
            row(metrics, Messages.RunDetailsView_seed, Long.toString(record.getProvenance().getSeed()));
            row(metrics, Messages.RunDetailsView_backend, String.valueOf(record.getProvenance().getBackend()));
        }
        if (record.getFailureMessage() != null) {
            // a cancelled run was stopped on request: not a failure
            row(metrics, record.getStatus() == RunStatus.CANCELLED ? Messages.RunDetailsView_cancelled
                    : Messages.RunDetailsView_failure, record.getFailureMessage());
        }
        pack(metrics);
        if (t != null && !t.getClasses().isEmpty()) {
            Table classes = table(body, Messages.RunDetailsView_class, Messages.RunDetailsView_precision,
                    Messages.RunDetailsView_recall, Messages.RunDetailsView_f1, Messages.RunDetailsView_support);
            for (ClassMetrics c : t.getClasses()) {
                row(classes, c.getClassName(), RunColumn.figure(c.getPrecision()), RunColumn.figure(c.getRecall()),
                        RunColumn.figure(c.getF1()), Integer.toString(c.getSupport()));
            }
            pack(classes);
        }
        if (summary.resumable(RunsView.alive(summary))) {
            Link resume = new Link(body, SWT.NONE);
            resume.setText("<a>" + Messages.RunDetailsView_resume + "</a>");
            resume.addListener(SWT.Selection, e -> {
                try {
                    RunLaunches.resume(runFolder);
                } catch (CoreException ex) {
                    StatusManager.getManager().handle(ex.getStatus(), StatusManager.SHOW | StatusManager.LOG);
                }
            });
            resumeLink = resume;
        }
        Path report = new RunFolder(dir).report();
        if (Files.isRegularFile(report)) {
            Link link = new Link(body, SWT.NONE);
            link.setText("<a>" + Messages.RunDetailsView_report + "</a>");
            link.addListener(SWT.Selection, e -> {
                try {
                    ReportView.open(getSite().getPage(), runFolder);
                } catch (PartInitException ex) {
                    StatusManager.getManager().handle(ex.getStatus(), StatusManager.SHOW | StatusManager.LOG);
                }
            });
        }
        for (Artefact a : record.getArtefacts()) {
            if ("confusion matrix".equals(a.getName()) && record.getConfusionMatrix() != null) {
                confusion(runFolder, record);
            } else if (a.getPath() != null && a.getPath().toLowerCase(Locale.ROOT).endsWith(".png")) {
                figure(a.getName(), dir.resolve(a.getPath()));
            }
        }
        layout();
    }

    /** The confusion matrix as a clickable grid: a cell opens its test images (compare.CellImagesView). */
    private void confusion(IContainer runFolder, RunRecord record) {
        confusion = new ConfusionGrid(body, org.hqcm.ui.internal.compare.Messages.ConfusionGrid_title, record);
        GridDataFactory.fillDefaults().hint(460, 400).applyTo(confusion.control());
        confusion.onOpen((t, p) -> {
            try {
                CellImagesView.open(getSite().getPage(), List.of(runFolder), 0, t, p);
            } catch (PartInitException e) {
                StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
            }
        });
    }

    /** The clickable confusion matrix, or null when the run has none (tests). */
    public ConfusionGrid confusionGrid() {
        return confusion;
    }

    private void figure(String name, Path png) {
        if (!Files.isRegularFile(png)) {
            return;
        }
        Label caption = new Label(body, SWT.NONE);
        caption.setText(name);
        Image image = new Image(body.getDisplay(), new ImageData(png.toString()));
        images.add(image);
        Label picture = new Label(body, SWT.NONE);
        picture.setImage(image);
    }

    private static Table table(Composite parent, String... titles) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String t : titles) {
            new TableColumn(table, SWT.LEFT).setText(t);
        }
        GridDataFactory.fillDefaults().applyTo(table);
        return table;
    }

    private static void row(Table table, String... cells) {
        new TableItem(table, SWT.NONE).setText(cells);
    }

    private static void pack(Table table) {
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
    }

    private void clear() {
        for (Control c : body.getChildren()) {
            c.dispose();
        }
        images.forEach(Image::dispose);
        images.clear();
        metrics = null;
        resumeLink = null;
        confusion = null;
    }

    private void layout() {
        body.layout(true, true);
        scroller.setMinSize(body.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** The heading: experiment, head and status in words. */
    public String title() {
        return title == null || title.isDisposed() ? "" : title.getText();
    }

    /** The run shown, or null. */
    public IContainer folder() {
        return folder;
    }

    /** The metric rows shown as "name=value" (tests read them). */
    public List<String> metricRows() {
        List<String> rows = new ArrayList<>();
        if (metrics != null) {
            for (TableItem item : metrics.getItems()) {
                rows.add(item.getText(0) + "=" + item.getText(1));
            }
        }
        return rows;
    }

    /** The "Resume this run" link, shown for a cancelled, failed or interrupted run (null otherwise). */
    public Link resumeLink() {
        return resumeLink;
    }

    /** How many figures are shown. */
    public int figureCount() {
        return images.size();
    }

    @Override
    public void setFocus() {
        scroller.setFocus();
    }

    @Override
    public void dispose() {
        images.forEach(Image::dispose);
        super.dispose();
    }
}
