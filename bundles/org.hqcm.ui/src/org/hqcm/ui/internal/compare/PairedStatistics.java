package org.hqcm.ui.internal.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hqcm.engine.eval.JaccardComparison;
import org.hqcm.engine.eval.McNemar;
import org.hqcm.engine.eval.PairedBootstrap;
import org.hqcm.engine.eval.PairedComparison;
import org.hqcm.engine.eval.PairedComparison.Pair;
import org.hqcm.engine.eval.ReportTables;
import org.hqcm.engine.run.RunResults;

/**
 * The statistics of {@code hqcm compare} for runs shown side by side, each later run against the first (the
 * reference), as the engine computes them from the run folders. A run that cannot be paired with the reference
 * (another test set, other classes, not completed) gets the engine's reason instead of numbers, and the others
 * are still compared. Independent of SWT; computing it reads every run's predictions and bootstraps, so the view
 * does it off the UI thread.
 */
public final class PairedStatistics {

    private final int runs;
    /** The engine's comparison of the reference with the runs it can be paired with; null when there are none. */
    private final PairedComparison engine;
    /** For each run, the index of its pair in {@code engine.pairs()}; -1 for the reference and unpaired runs. */
    private final int[] pairOf;
    /** Why a run (by index) has no statistics. */
    private final Map<Integer, String> unavailable;

    private PairedStatistics(int runs, PairedComparison engine, int[] pairOf,
            Map<Integer, String> unavailable) {
        this.runs = runs;
        this.engine = engine;
        this.pairOf = pairOf;
        this.unavailable = Map.copyOf(unavailable);
    }

    /** Reads the runs of these folders (the first is the reference) and compares them as {@code hqcm compare}. */
    public static PairedStatistics of(List<Path> folders) {
        int[] pairOf = new int[folders.size()];
        Arrays.fill(pairOf, -1);
        Map<Integer, String> unavailable = new LinkedHashMap<>();
        RunResults reference;
        try {
            reference = RunResults.read(folders.get(0));
        } catch (RuntimeException e) {
            // without a reference there is nothing to pair: every run carries the reason
            for (int i = 1; i < folders.size(); i++) {
                unavailable.put(i, reason(e));
            }
            return new PairedStatistics(folders.size(), null, pairOf, unavailable);
        }
        List<RunResults> comparable = new ArrayList<>(List.of(reference));
        for (int i = 1; i < folders.size(); i++) {
            try {
                RunResults r = RunResults.read(folders.get(i));
                r.checkComparableWith(reference);
                comparable.add(r);
                pairOf[i] = comparable.size() - 2;
            } catch (RuntimeException e) {
                unavailable.put(i, reason(e));
            }
        }
        if (comparable.size() < 2) {
            return new PairedStatistics(folders.size(), null, pairOf, unavailable);
        }
        try {
            return new PairedStatistics(folders.size(), RunResults.compare(comparable), pairOf, unavailable);
        } catch (RuntimeException e) {
            // files that passed the checks but not the tests (say, a jaccard.csv of other images): no pair is shown
            for (int i = 1; i < folders.size(); i++) {
                if (pairOf[i] >= 0) {
                    unavailable.put(i, reason(e));
                }
            }
            Arrays.fill(pairOf, -1);
            return new PairedStatistics(folders.size(), null, pairOf, unavailable);
        }
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The engine's comparison of the reference with every run that could be paired with it, or null. */
    public PairedComparison engine() {
        return engine;
    }

    /** Why run {@code index} has no statistics, or null when it has them (or is the reference). */
    public String unavailable(int index) {
        return unavailable.get(index);
    }

    /** Whether some run could not be paired with the reference. */
    public boolean hasUnavailable() {
        return !unavailable.isEmpty();
    }

    /**
     * One row per statistic, one cell per run: empty for the reference and for a run without statistics.
     * Differences follow the view's one convention, run - reference: the engine's paired bootstrap estimates
     * reference - run (as {@code hqcm compare} prints them), so estimate and interval are negated here.
     */
    public List<RunComparison.Row> rows() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (int i = 1; i < runs; i++) {
            if (pairOf[i] < 0) {
                continue;
            }
            Pair p = engine.pairs().get(pairOf[i]);
            McNemar.Result m = p.mcnemar();
            put(rows, i, "McNemar: right only in the reference", Long.toString(m.aRightBWrong()));
            put(rows, i, "McNemar: right only in this run", Long.toString(m.aWrongBRight()));
            put(rows, i, "McNemar p (exact, two-sided)", ReportTables.pValue(m.exactPValue()));
            interval(rows, i, "Accuracy delta", p.bootstrap().accuracy());
            interval(rows, i, "Macro-F1 delta", p.bootstrap().macroF1());
            PairedBootstrap.Interval a = p.bootstrap().accuracy();
            put(rows, i, "Bootstrap CI method", String.format(Locale.ROOT, "percentile, %d paired resamples, seed %d",
                    a.resamples(), a.seed()));
            for (JaccardComparison.Row j : p.jaccard()) {
                String t = String.format(Locale.ROOT, "Jaccard@%.2f ", j.threshold());
                put(rows, i, t + "Wilcoxon statistic", String.format(Locale.ROOT, "%.1f", j.wilcoxon().statistic()));
                put(rows, i, t + "Wilcoxon p (two-sided)", ReportTables.pValue(j.wilcoxon().pValue()));
                String method = j.wilcoxon().method().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                put(rows, i, t + "Wilcoxon method", method + ", n=" + j.wilcoxon().n() + ", zeros dropped="
                        + j.wilcoxon().zeros());
            }
        }
        List<RunComparison.Row> out = new ArrayList<>();
        rows.forEach((name, cells) -> out.add(new RunComparison.Row(name,
                Arrays.stream(cells).map(c -> c == null ? "" : c).toList())));
        return out;
    }

    private void put(Map<String, String[]> rows, int run, String name, String value) {
        rows.computeIfAbsent(name, k -> new String[runs])[run] = value;
    }

    private void interval(Map<String, String[]> rows, int run, String what, PairedBootstrap.Interval i) {
        String ci = String.format(Locale.ROOT, " %d%% CI ", Math.round(i.confidence() * 100));
        put(rows, run, what, signed(-i.estimate()));
        put(rows, run, what + ci + "lower", signed(-i.upper()));
        put(rows, run, what + ci + "upper", signed(-i.lower()));
    }

    private static String signed(double v) {
        v = v == 0 ? 0 : v; // no "-0.0000"
        return String.format(Locale.ROOT, "%+.4f", v);
    }

    /** The runs without statistics and why, as Markdown list items (empty when every run has them). */
    public String unavailableMarkdown(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < runs; i++) {
            String why = unavailable.get(i);
            if (why != null) {
                b.append("- No paired statistics for ").append(names.get(i))
                        .append(": ").append(why).append('\n');
            }
        }
        return b.toString();
    }
}
