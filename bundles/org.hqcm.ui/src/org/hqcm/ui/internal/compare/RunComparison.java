package org.hqcm.ui.internal.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.JaccardScore;
import org.hqcm.model.RunRecord;
import org.hqcm.model.TestMetrics;
import org.hqcm.model.validation.FeaturePaths;

/**
 * Two or more runs side by side, independent of SWT: every experiment parameter by its feature path, the test
 * metrics with their difference to the first run, once computed the paired statistics of {@code hqcm compare},
 * and all as Markdown or CSV.
 */
public final class RunComparison {

    /** One line of a table: a name and one cell per run. */
    public record Row(String name, List<String> cells) {
        boolean differs() {
            return cells.stream().distinct().count() > 1;
        }
    }

    private final List<String> names;
    private final List<RunRecord> records;
    private final PairedStatistics statistics;

    /** @param names column titles (run folder names), in the order of {@code records} */
    public RunComparison(List<String> names, List<RunRecord> records) {
        this(names, records, null);
    }

    private RunComparison(List<String> names, List<RunRecord> records, PairedStatistics statistics) {
        if (names.size() != records.size() || records.size() < 2) {
            throw new IllegalArgumentException("a comparison needs two or more runs with a name each");
        }
        this.names = List.copyOf(names);
        this.records = List.copyOf(records);
        this.statistics = statistics;
    }

    /** The same runs with their paired statistics (computed from the same runs' folders, in the same order). */
    public RunComparison withStatistics(PairedStatistics s) {
        return new RunComparison(names, records, s);
    }

    /** The paired statistics, or null while they are not computed. */
    public PairedStatistics statistics() {
        return statistics;
    }

    public List<String> names() {
        return names;
    }

    public List<RunRecord> records() {
        return records;
    }

    /** Every parameter of the experiments as run; with {@code onlyDifferences}, those whose values differ. */
    public List<Row> parameters(boolean onlyDifferences) {
        List<Map<String, String>> flat = records.stream().map(r -> flatten(r.getExperiment())).toList();
        Set<String> keys = new LinkedHashSet<>();
        flat.forEach(m -> keys.addAll(m.keySet()));
        List<Row> rows = new ArrayList<>();
        for (String k : keys) {
            Row row = new Row(k, flat.stream().map(m -> m.getOrDefault(k, "")).toList());
            if (!onlyDifferences || row.differs()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Experiment attributes by feature path from the experiment ({@code training.learningRate = 0.011}), also when
     * the experiment is inside a run record.
     */
    static Map<String, String> flatten(EObject root) {
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null) {
            return values;
        }
        add(values, root);
        for (TreeIterator<EObject> it = root.eAllContents(); it.hasNext();) {
            add(values, it.next());
        }
        String prefix = FeaturePaths.of(root);
        if (prefix.isEmpty()) {
            return values;
        }
        Map<String, String> relative = new LinkedHashMap<>();
        values.forEach((k, v) -> relative.put(k.startsWith(prefix + ".") ? k.substring(prefix.length() + 1) : k, v));
        return relative;
    }

    private static void add(Map<String, String> values, EObject o) {
        for (EAttribute a : o.eClass().getEAllAttributes()) {
            Object v = o.eGet(a);
            String text;
            if (a.isMany()) {
                text = ((List<?>) v).stream().map(x -> EcoreUtil.convertToString(a.getEAttributeType(), x))
                        .collect(Collectors.joining(", "));
            } else {
                text = v == null ? "" : EcoreUtil.convertToString(a.getEAttributeType(), v);
            }
            values.put(FeaturePaths.of(o, a, -1), text);
        }
        if (o.eContainer() != null && o.eContainingFeature().getName().equals("head")) {
            values.put(FeaturePaths.of(o) + ".type", o.eClass().getName());
        }
    }

    /** Test metrics, each with its difference to the first run in brackets. */
    public List<Row> metrics() {
        List<Map<String, Double>> perRun = records.stream().map(RunComparison::metricsOf).toList();
        Set<String> keys = new LinkedHashSet<>();
        perRun.forEach(m -> keys.addAll(m.keySet()));
        List<Row> rows = new ArrayList<>();
        for (String k : keys) {
            double first = perRun.get(0).getOrDefault(k, Double.NaN);
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < perRun.size(); i++) {
                double x = perRun.get(i).getOrDefault(k, Double.NaN);
                String cell = Double.isNaN(x) ? "" : format(x);
                if (i > 0 && !Double.isNaN(x) && !Double.isNaN(first)) {
                    cell += String.format(Locale.ROOT, " (%+.4f)", x - first);
                }
                cells.add(cell);
            }
            rows.add(new Row(k, cells));
        }
        return rows;
    }

    private static Map<String, Double> metricsOf(RunRecord r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("epochs", (double) r.getEpochs().size());
        TestMetrics t = r.getTestMetrics();
        if (t != null) {
            m.put("accuracy", t.getAccuracy());
            m.put("macro precision", t.getMacroPrecision());
            m.put("macro recall", t.getMacroRecall());
            m.put("macro F1", t.getMacroF1());
            m.put("weighted F1", t.getWeightedF1());
        }
        for (JaccardScore j : r.getJaccard()) {
            m.put(String.format(Locale.ROOT, "Jaccard@%.2f", j.getThreshold()), j.getMean());
        }
        return m;
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4f", x);
    }

    /**
     * The comparison as Markdown: a metrics table, the paired statistics as {@code hqcm compare} writes them,
     * then the parameters that differ.
     */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder("## Metrics\n\n");
        table(b, "metric", metrics());
        b.append("\n## Paired statistics against ").append(names.get(0)).append("\n\n");
        b.append(statistics == null ? "Not computed yet.\n" : statistics.toMarkdown(names));
        b.append("\n## Parameters that differ\n\n");
        table(b, "parameter", parameters(true));
        return b.toString();
    }

    private void table(StringBuilder b, String first, List<Row> rows) {
        b.append("| ").append(first).append(" | ").append(String.join(" | ", names)).append(" |\n");
        b.append("|---".repeat(names.size() + 1)).append("|\n");
        for (Row r : rows) {
            b.append("| ").append(r.name()).append(" | ")
                    .append(r.cells().stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
    }

    /**
     * The comparison as CSV (RFC 4180 quoting): section, name, one column per run; statistics are in the column
     * of the run compared with the first.
     */
    public String toCsv() {
        StringBuilder b = new StringBuilder();
        b.append(csv("section")).append(',').append(csv("name"));
        names.forEach(n -> b.append(',').append(csv(n)));
        b.append("\r\n");
        for (Row r : metrics()) {
            line(b, "metric", r);
        }
        if (statistics != null) {
            for (Row r : statistics.rows()) {
                line(b, "statistic", r);
            }
            List<String> why = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                why.add(statistics.unavailable(i) == null ? "" : statistics.unavailable(i));
            }
            if (statistics.hasUnavailable()) {
                line(b, "statistic", new Row("not available because", why));
            }
        }
        for (Row r : parameters(false)) {
            line(b, "parameter", r);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String section, Row r) {
        b.append(section).append(',').append(csv(r.name()));
        r.cells().forEach(c -> b.append(',').append(csv(c)));
        b.append("\r\n");
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
