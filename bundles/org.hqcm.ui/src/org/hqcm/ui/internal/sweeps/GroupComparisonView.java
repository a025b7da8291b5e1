package org.hqcm.ui.internal.sweeps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.hqcm.engine.eval.MeanSd;
import org.hqcm.engine.eval.SeedGroups;
import org.hqcm.engine.eval.SeedInterval;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.engine.sweep.SweepReport;
import org.hqcm.model.sweep.FeaturePath;
import org.hqcm.ui.internal.figures.LineChart;

/**
 * Compare Runs for groups: configurations of a sweep compared across their seeds, as the engine's seed-grouped report
 * compares them ({@link SweepReport#groups}, {@link SeedGroups}; the view computes nothing itself). Per configuration
 * the mean ± sd and 95% interval of accuracy, macro and weighted F1, per-class F1 and the attention Jaccard; for the
 * configurations that differ in one axis the per-seed paired differences, the Wilcoxon signed-rank test across seeds,
 * the pooled McNemar test and Holm's correction; and the validation accuracy per epoch as a mean line with its ± sd band
 * filled behind it per configuration.
 */
public final class GroupComparisonView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.compareGroups";

    private ScrolledComposite scroller;
    private Composite body;
    private Label title;
    private Table groups;
    private Table tests;
    private LineChart bands;
    private volatile Job load;
    private SeedGroups shown;

    @Override
    public void createPartControl(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        body = new Composite(scroller, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(body);
        scroller.setContent(body);
        scroller.addListener(SWT.Resize, e -> fit());
        title = new Label(body, SWT.WRAP);
        title.setText(Messages.GroupComparisonView_none);
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(title);
        layout();
    }

    /**
     * Compares configurations of a sweep: reads their seeds' run folders through the engine in the background, then
     * shows them.
     *
     * @param configurations configuration ids of the sweep's record
     */
    public Job show(SweepRow sweep, List<String> configurations) {
        Path dir = sweep.folder().getLocation().toPath();
        title.setText(NLS.bind(Messages.GroupComparisonView_title, sweep.name(), configurations.size()));
        layout();
        Job job = Job.create(sweep.name(), monitor -> {
            SeedGroups all;
            try {
                all = SweepReport.groups(new SweepFolder(dir));
            } catch (RuntimeException e) {
                String message = NLS.bind(Messages.GroupComparisonView_unreadable, dir, e.getMessage());
                body.getDisplay().asyncExec(() -> showMessage(message));
                return Status.warning(message, e);
            }
            List<SeedGroups.Group> chosen = all.groups().stream().map(SeedGroups.GroupSummary::group)
                    .filter(g -> configurations.contains(g.id())).toList();
            SeedGroups compared = chosen.isEmpty() ? null : SeedGroups.of(all.axes(), chosen, FeaturePath.HEAD);
            body.getDisplay().asyncExec(() -> {
                showGroups(sweep, compared);
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        load = job;
        job.schedule();
        return job;
    }

    private void showMessage(String message) {
        if (body.isDisposed()) {
            return;
        }
        clear();
        title.setText(message);
        layout();
    }

    private void clear() {
        for (Control c : body.getChildren()) {
            if (c != title) {
                c.dispose();
            }
        }
        groups = null;
        tests = null;
        bands = null;
    }

    private void showGroups(SweepRow sweep, SeedGroups g) {
        if (body.isDisposed()) {
            return;
        }
        clear();
        shown = g;
        if (g == null) {
            title.setText(Messages.GroupComparisonView_none);
            layout();
            return;
        }
        title.setText(NLS.bind(Messages.GroupComparisonView_title, sweep.name(), g.groups().size()));
        heading(Messages.GroupComparisonView_groups);
        List<String> metrics = new ArrayList<>(SeedGroups.HEADLINE);
        if (!g.groups().isEmpty()) {
            for (SeedGroups.GroupMetric m : g.groups().get(0).metrics()) {
                if (!metrics.contains(m.metric())) {
                    metrics.add(m.metric());
                }
            }
        }
        List<String> titles = new ArrayList<>(List.of(Messages.GroupComparisonView_configuration, Messages.GroupComparisonView_n));
        titles.addAll(metrics);
        groups = table(titles);
        for (SeedGroups.GroupSummary s : g.groups()) {
            List<String> row = new ArrayList<>(List.of(s.group().label(), Integer.toString(s.group().runs().size())));
            for (String m : metrics) {
                SeedInterval v = s.metrics().stream().filter(x -> x.metric().equals(m)).findFirst()
                        .map(SeedGroups.GroupMetric::value).orElse(null);
                row.add(v == null ? "" : v.format(3));
            }
            row(groups, row);
        }
        pack(groups);

        heading(Messages.GroupComparisonView_tests);
        if (g.comparisons().isEmpty()) {
            Label none = new Label(body, SWT.WRAP);
            none.setText(Messages.GroupComparisonView_noTests);
            GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(none);
        } else {
            tests = table(List.of(Messages.GroupComparisonView_axis, Messages.GroupComparisonView_pair,
                    Messages.GroupComparisonView_n, Messages.GroupComparisonView_diff, Messages.GroupComparisonView_wilcoxon,
                    Messages.GroupComparisonView_holm, Messages.GroupComparisonView_mcnemar, Messages.GroupComparisonView_holm));
            for (SeedGroups.Comparison c : g.comparisons()) {
                row(tests, List.of(c.axis(), c.a().label() + "  vs  " + c.b().label(), Integer.toString(c.seeds().length),
                        MeanSd.of(c.accuracyDiffs()).format(4), p(c.wilcoxonAccuracy() == null ? Double.NaN : c.wilcoxonAccuracy().p()),
                        p(c.wilcoxonAccuracy() == null ? Double.NaN : c.wilcoxonAccuracy().pHolm()),
                        p(c.mcnemarTest() == null ? Double.NaN : c.mcnemarTest().p()),
                        p(c.mcnemarTest() == null ? Double.NaN : c.mcnemarTest().pHolm())));
            }
            pack(tests);
            Label convention = new Label(body, SWT.WRAP);
            convention.setText(Messages.GroupComparisonView_convention);
            GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(convention);
        }

        heading(Messages.GroupComparisonView_bands);
        bands = new LineChart(body, Messages.GroupComparisonView_bands, Messages.GroupComparisonView_epoch,
                Messages.GroupComparisonView_validationAccuracy, true);
        GridDataFactory.fillDefaults().grab(true, true).hint(1, 320).applyTo(bands.control());
        List<LineChart.Series> series = new ArrayList<>();
        for (SeedGroups.GroupSummary s : g.groups()) {
            double[][] band = SeedGroups.band(s.group().runs(), SeedGroups.Curves::validationAccuracy);
            double[] x = IntStream.rangeClosed(1, band[0].length).asDoubleStream().toArray();
            if (s.group().runs().size() > 1) {
                double[] hi = new double[x.length];
                double[] lo = new double[x.length];
                for (int e = 0; e < x.length; e++) {
                    // an epoch that too few seeds reached has no sd (NaN): the band leaves a gap there
                    hi[e] = band[0][e] + band[1][e];
                    lo[e] = band[0][e] - band[1][e];
                }
                series.add(new LineChart.Series(NLS.bind(Messages.GroupComparisonView_meanSd, s.group().label()), x, band[0], lo, hi));
            } else {
                series.add(new LineChart.Series(s.group().label(), x, band[0]));
            }
        }
        bands.setSeries(series);
        layout();
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "" : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private void heading(String text) {
        Label l = new Label(body, SWT.WRAP);
        l.setText(text);
        l.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).indent(0, 8).applyTo(l);
    }

    private Table table(List<String> titles) {
        Table t = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (String s : titles) {
            new TableColumn(t, SWT.LEFT).setText(s);
        }
        // widthHint 1: the table takes the body's width, not its columns' (it scrolls them itself)
        GridDataFactory.fillDefaults().grab(true, false).hint(1, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private static void row(Table t, List<String> cells) {
        new TableItem(t, SWT.NONE).setText(cells.toArray(String[]::new));
    }

    private static void pack(Table t) {
        for (TableColumn c : t.getColumns()) {
            c.pack();
        }
    }

    private void layout() {
        body.layout(true, true);
        fit();
    }

    /**
     * Scrolls vertically only: the body is as wide as the view, so the chart ends at the view's right edge instead of
     * under it; tables wider than that scroll inside themselves.
     */
    private void fit() {
        int width = scroller.getClientArea().width;
        // no minimum width: the content takes the view's width, at the height it needs there
        scroller.setMinSize(new org.eclipse.swt.graphics.Point(0, body.computeSize(Math.max(width, 1), SWT.DEFAULT).y));
    }

    /** The groups shown, or null. */
    public SeedGroups shown() {
        return shown;
    }

    public Table groupsTable() {
        return groups;
    }

    public Table testsTable() {
        return tests;
    }

    public LineChart bands() {
        return bands;
    }

    /** The last comparison started (tests wait for it). */
    public Job lastLoad() {
        return load;
    }

    @Override
    public void setFocus() {
        body.setFocus();
    }
}
