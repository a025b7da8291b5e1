package org.hqcm.ui.internal.runs;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.swt.SWT;

/** The columns of the Runs view: title, width, alignment, text and sort order of each. */
public enum RunColumn {
    EXPERIMENT(Messages.RunsView_experiment, 160, SWT.LEFT, RunSummary::experiment, Comparator.comparing(RunSummary::experiment, String.CASE_INSENSITIVE_ORDER)),
    HEAD(Messages.RunsView_head, 110, SWT.LEFT, RunSummary::head, Comparator.comparing(RunSummary::head)),
    STATUS(Messages.RunsView_status, 90, SWT.LEFT, RunSummary::status, Comparator.comparing(RunSummary::status)),
    EPOCHS(Messages.RunsView_epochs, 60, SWT.RIGHT, r -> Integer.toString(r.epochs()), Comparator.comparingInt(RunSummary::epochs)),
    ACCURACY(Messages.RunsView_accuracy, 80, SWT.RIGHT, r -> figure(r.accuracy()), numeric(RunSummary::accuracy)),
    MACRO_F1(Messages.RunsView_macroF1, 80, SWT.RIGHT, r -> figure(r.macroF1()), numeric(RunSummary::macroF1)),
    JACCARD(Messages.RunsView_jaccard, 90, SWT.RIGHT, r -> figure(r.jaccard99()), numeric(RunSummary::jaccard99)),
    DURATION(Messages.RunsView_duration, 80, SWT.RIGHT, r -> duration(r.seconds()), numeric(RunSummary::seconds)),
    FOLDER(Messages.RunsView_folder, 240, SWT.LEFT, r -> r.folder().getFullPath().toString(), Comparator.comparing(r -> r.folder().getFullPath().toString()));

    private final String title;
    private final int width;
    private final int alignment;
    private final Function<RunSummary, String> text;
    private final Comparator<RunSummary> order;

    RunColumn(String title, int width, int alignment, Function<RunSummary, String> text, Comparator<RunSummary> order) {
        this.title = title;
        this.width = width;
        this.alignment = alignment;
        this.text = text;
        this.order = order;
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

    /** Ascending order of this column; runs without a figure come last. */
    public Comparator<RunSummary> order() {
        return order;
    }

    private static Comparator<RunSummary> numeric(java.util.function.ToDoubleFunction<RunSummary> key) {
        // NaN (not evaluated) sorts after every figure, in both directions of the table it stays readable
        return (a, b) -> Double.compare(key.applyAsDouble(a), key.applyAsDouble(b));
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
