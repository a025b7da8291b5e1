package org.hqcm.ui.internal.runs;

import java.text.DateFormat;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.eclipse.swt.SWT;

/** The columns of the Runs view: title, width, alignment, text, sort order and what counts as missing of each. */
public enum RunColumn {
    EXPERIMENT(Messages.RunsView_experiment, 150, SWT.LEFT, RunSummary::experiment,
            Comparator.comparing(RunSummary::experiment, String.CASE_INSENSITIVE_ORDER), r -> false),
    HEAD(Messages.RunsView_head, 110, SWT.LEFT, RunSummary::head, Comparator.comparing(RunSummary::head), r -> false),
    STATUS(Messages.RunsView_status, 90, SWT.LEFT, RunSummary::status, Comparator.comparing(RunSummary::status), r -> false),
    STARTED(Messages.RunsView_started, 140, SWT.LEFT, r -> started(r.started()),
            Comparator.comparing(RunSummary::started, Comparator.nullsLast(Comparator.naturalOrder())),
            r -> r.started() == null),
    EPOCHS(Messages.RunsView_epochs, 60, SWT.RIGHT, RunColumn::epochs, Comparator.comparingInt(RunSummary::epochs), r -> false),
    PROGRESS(Messages.RunsView_progress, 330, SWT.LEFT, r -> r.live() == null ? "" : r.live().progress(),
            Comparator.comparing(r -> r.live() == null ? "" : r.live().progress()), r -> r.live() == null),
    ACCURACY(Messages.RunsView_accuracy, 80, SWT.RIGHT, r -> figure(r.accuracy()), numeric(RunSummary::accuracy),
            r -> Double.isNaN(r.accuracy())),
    MACRO_F1(Messages.RunsView_macroF1, 80, SWT.RIGHT, r -> figure(r.macroF1()), numeric(RunSummary::macroF1),
            r -> Double.isNaN(r.macroF1())),
    JACCARD(Messages.RunsView_jaccard, 90, SWT.RIGHT, r -> figure(r.jaccard99()), numeric(RunSummary::jaccard99),
            r -> Double.isNaN(r.jaccard99())),
    DURATION(Messages.RunsView_duration, 80, SWT.RIGHT, r -> duration(r.seconds()), numeric(RunSummary::seconds),
            r -> Double.isNaN(r.seconds()) || r.seconds() <= 0),
    FOLDER(Messages.RunsView_folder, 240, SWT.LEFT, r -> r.folder().getFullPath().toString(),
            Comparator.comparing(r -> r.folder().getFullPath().toString()), r -> false);

    private final String title;
    private final int width;
    private final int alignment;
    private final Function<RunSummary, String> text;
    private final Comparator<RunSummary> order;
    private final Predicate<RunSummary> missing;

    RunColumn(String title, int width, int alignment, Function<RunSummary, String> text, Comparator<RunSummary> order,
            Predicate<RunSummary> missing) {
        this.title = title;
        this.width = width;
        this.alignment = alignment;
        this.text = text;
        this.order = order;
        this.missing = missing;
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int alignment() {
        return alignment;
    }

    public String text(RunSummary run) {
        return text.apply(run);
    }

    /** Ascending order of this column among runs that have its value. */
    public Comparator<RunSummary> order() {
        return order;
    }

    /** Whether a run has no value in this column (not evaluated yet, still running): such runs sort last. */
    public boolean missing(RunSummary run) {
        return missing.test(run);
    }

    private static Comparator<RunSummary> numeric(ToDoubleFunction<RunSummary> key) {
        return (a, b) -> Double.compare(key.applyAsDouble(a), key.applyAsDouble(b));
    }

    private static String epochs(RunSummary r) {
        if (r.live() != null && r.live().epochs() > 0) {
            return Math.max(r.epochs(), r.live().epochsDone()) + "/" + r.live().epochs();
        }
        return Integer.toString(r.epochs());
    }

    static String started(Date d) {
        return d == null ? "" : DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.MEDIUM).format(d);
    }

    static String figure(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds) || seconds <= 0) {
            return "";
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
    }
}
