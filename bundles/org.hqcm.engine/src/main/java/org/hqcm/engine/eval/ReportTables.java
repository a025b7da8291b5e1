package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's tables as {@link Table}s: Table 1 (per-class precision, recall, F1, support; accuracy; macro
 * and weighted averages) for one or more models side by side, optionally with the differences of each
 * model from the first; Table 2 (mean Jaccard per threshold and the Wilcoxon test).
 */
public final class ReportTables {

    private ReportTables() {
    }

    /**
     * Table 1. With {@code deltas}, every model after the first gets Δ columns (its value minus the first
     * model's, said in the header). All reports must have the same classes.
     */
    public static Table table1(List<String> modelNames, List<ClassificationReport> reports, boolean deltas) {
        if (modelNames.size() != reports.size() || reports.isEmpty()) {
            throw new IllegalArgumentException(modelNames.size() + " names for " + reports.size() + " reports");
        }
        List<String> classes = reports.get(0).classNames();
        for (ClassificationReport r : reports) {
            if (!r.classNames().equals(classes)) {
                throw new IllegalArgumentException("reports have different classes: " + classes + " vs " + r.classNames());
            }
        }
        boolean sameSupport = reports.stream().allMatch(r -> supports(r).equals(supports(reports.get(0))));
        List<String> header = new ArrayList<>(List.of("Class"));
        for (int m = 0; m < reports.size(); m++) {
            String n = modelNames.get(m);
            header.addAll(List.of(n + " Precision", n + " Recall", n + " F1"));
            if (!sameSupport) {
                header.add(n + " Support");
            }
            if (deltas && m > 0) {
                String vs = " (" + n + " − " + modelNames.get(0) + ")";
                header.addAll(List.of("Δ Precision" + vs, "Δ Recall" + vs, "Δ F1" + vs));
            }
        }
        if (sameSupport) {
            header.add("Support");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            final int c = k;
            rows.add(row(classes.get(k), reports, deltas, sameSupport,
                    r -> new double[] {r.perClass(c).precision(), r.perClass(c).recall(), r.perClass(c).f1()},
                    r -> Long.toString(r.perClass(c).support())));
        }
        // accuracy as the paper prints it: a percentage in the first column of each model
        List<String> acc = new ArrayList<>(List.of("Overall Accuracy"));
        for (int m = 0; m < reports.size(); m++) {
            acc.addAll(List.of(percent(reports.get(m).accuracy()), "", ""));
            if (!sameSupport) {
                acc.add(Long.toString(reports.get(m).support()));
            }
            if (deltas && m > 0) {
                acc.addAll(List.of(signedPercent(reports.get(m).accuracy() - reports.get(0).accuracy()), "", ""));
            }
        }
        if (sameSupport) {
            acc.add(Long.toString(reports.get(0).support()));
        }
        rows.add(acc);
        rows.add(row("Macro Avg", reports, deltas, sameSupport,
                r -> new double[] {r.macro().precision(), r.macro().recall(), r.macro().f1()},
                r -> Long.toString(r.support())));
        rows.add(row("Weighted Avg", reports, deltas, sameSupport,
                r -> new double[] {r.weighted().precision(), r.weighted().recall(), r.weighted().f1()},
                r -> Long.toString(r.support())));
        return new Table(header, rows);
    }

    /**
     * Table 1 over repeated runs (seeds): every cell is mean ± sd across the runs of a model
     * ({@code reports.get(m)} are model m's runs). Accuracy is in percent.
     */
    public static Table table1AcrossSeeds(List<String> modelNames, List<List<ClassificationReport>> reports) {
        if (modelNames.size() != reports.size() || reports.isEmpty() || reports.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("every model needs at least one run: " + modelNames.size() + " names, "
                    + reports.size() + " run lists");
        }
        List<String> classes = reports.get(0).get(0).classNames();
        List<String> header = new ArrayList<>(List.of("Class"));
        for (int m = 0; m < modelNames.size(); m++) {
            String n = modelNames.get(m) + " (" + reports.get(m).size() + " runs)";
            header.addAll(List.of(n + " Precision", n + " Recall", n + " F1"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            final int c = k;
            rows.add(seedRow(classes.get(k), reports, r -> new double[] {r.perClass(c).precision(), r.perClass(c).recall(),
                    r.perClass(c).f1()}));
        }
        List<String> acc = new ArrayList<>(List.of("Overall Accuracy (%)"));
        for (List<ClassificationReport> runs : reports) {
            acc.addAll(List.of(MeanSd.of(runs.stream().mapToDouble(r -> 100 * r.accuracy()).toArray()).format(2), "", ""));
        }
        rows.add(acc);
        rows.add(seedRow("Macro Avg", reports, r -> new double[] {r.macro().precision(), r.macro().recall(), r.macro().f1()}));
        rows.add(seedRow("Weighted Avg", reports,
                r -> new double[] {r.weighted().precision(), r.weighted().recall(), r.weighted().f1()}));
        return new Table(header, rows);
    }

    private static List<String> seedRow(String label, List<List<ClassificationReport>> reports, Values values) {
        List<String> cells = new ArrayList<>(List.of(label));
        for (List<ClassificationReport> runs : reports) {
            for (int i = 0; i < 3; i++) {
                final int col = i;
                cells.add(MeanSd.of(runs.stream().mapToDouble(r -> values.of(r)[col]).toArray()).format(4));
            }
        }
        return cells;
    }

    /** Table 1 of a single model. */
    public static Table table1(String modelName, ClassificationReport report) {
        return table1(List.of(modelName), List.of(report), false);
    }

    /** Table 2: threshold, mean Jaccard of A and B, Wilcoxon statistic, p-value and how p was computed. */
    public static Table table2(String nameA, String nameB, List<JaccardComparison.Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (JaccardComparison.Row r : rows) {
            out.add(List.of(fixed(r.threshold(), 2), fixed(r.meanA(), 5), fixed(r.meanB(), 5),
                    fixed(r.wilcoxon().statistic(), 1), pValue(r.wilcoxon().pValue()), methodName(r.wilcoxon())));
        }
        return new Table(List.of("Threshold (τ)", nameA, nameB, "Wilcoxon statistic", "p-value", "method"), out);
    }

    static String methodName(WilcoxonSignedRank.Result r) {
        return switch (r.method()) {
            case EXACT -> "exact";
            case PERMUTATION -> "exact (permutation)";
            case NORMAL -> "normal approx.";
            case NO_DIFFERENCES -> "no differences";
            case AUTO -> "auto";
        } + ", n=" + r.n() + ", zeros dropped=" + r.zeros();
    }

    private interface Values {
        double[] of(ClassificationReport r);
    }

    private interface Support {
        String of(ClassificationReport r);
    }

    private static List<String> row(String label, List<ClassificationReport> reports, boolean deltas, boolean sameSupport,
            Values values, Support support) {
        List<String> cells = new ArrayList<>(List.of(label));
        double[] first = values.of(reports.get(0));
        for (int m = 0; m < reports.size(); m++) {
            double[] v = values.of(reports.get(m));
            for (double x : v) {
                cells.add(fixed(x, 4));
            }
            if (!sameSupport) {
                cells.add(support.of(reports.get(m)));
            }
            if (deltas && m > 0) {
                for (int i = 0; i < v.length; i++) {
                    cells.add(signed(v[i] - first[i], 4));
                }
            }
        }
        if (sameSupport) {
            cells.add(support.of(reports.get(0)));
        }
        return cells;
    }

    private static List<Long> supports(ClassificationReport r) {
        return r.perClass().stream().map(ClassMetrics::support).toList();
    }

    public static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String signed(double v, int decimals) {
        return String.format(Locale.ROOT, "%+." + decimals + "f", v);
    }

    public static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    static String signedPercent(double v) {
        return String.format(Locale.ROOT, "%+.2f pp", 100 * v);
    }

    /** p-values: four decimals, or two significant digits in scientific notation below 0.0001. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p >= 1e-4 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.1e", p);
    }
}
