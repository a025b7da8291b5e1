package org.hqcm.ui.internal.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.run.ExplanationMaps;
import org.hqcm.model.Calibration;
import org.hqcm.model.ExplanationScore;
import org.hqcm.model.JaccardScore;
import org.hqcm.model.OodSource;
import org.hqcm.model.OutOfDistribution;
import org.hqcm.model.RunRecord;
import org.hqcm.model.TestMetrics;
import org.hqcm.model.validation.FeaturePaths;

/**
 * Two or more runs side by side, independent of SWT: every experiment parameter by its feature path, the test
 * metrics with their differences to the first run, once computed the paired statistics of {@code hqcm compare},
 * and all as Markdown or CSV. Every difference follows one convention, run - first run ({@link #deltaConvention()}).
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

    /** The one sign convention of every difference in the view and its exports, said once. */
    public String deltaConvention() {
        return "delta = run - first run (" + names.get(0) + ")";
    }

    /** Test metrics, one plain number per run (empty where a run lacks the metric). */
    public List<Row> metrics() {
        List<Map<String, Double>> perRun = perRun();
        List<Row> rows = new ArrayList<>();
        for (String k : metricNames(perRun)) {
            List<String> cells = new ArrayList<>();
            for (Map<String, Double> m : perRun) {
                double x = m.getOrDefault(k, Double.NaN);
                cells.add(Double.isNaN(x) ? "" : format(x));
            }
            rows.add(new Row(k, cells));
        }
        return rows;
    }

    /**
     * The same metrics as differences (run - first run), one cell per run after the first, in the order of
     * {@link #metrics()}; empty where either run lacks the metric.
     */
    public List<Row> metricDeltas() {
        List<Map<String, Double>> perRun = perRun();
        List<Row> rows = new ArrayList<>();
        for (String k : metricNames(perRun)) {
            double first = perRun.get(0).getOrDefault(k, Double.NaN);
            List<String> cells = new ArrayList<>();
            for (int i = 1; i < perRun.size(); i++) {
                double x = perRun.get(i).getOrDefault(k, Double.NaN);
                cells.add(Double.isNaN(x) || Double.isNaN(first) ? "" : signed(x - first));
            }
            rows.add(new Row(k, cells));
        }
        return rows;
    }

    /** Column titles of the delta columns: "NAME - FIRST" for every run after the first. */
    public List<String> deltaTitles() {
        return names.subList(1, names.size()).stream().map(n -> n + " - " + names.get(0)).toList();
    }

    private List<Map<String, Double>> perRun() {
        return records.stream().map(RunComparison::metricsOf).toList();
    }

    private static Set<String> metricNames(List<Map<String, Double>> perRun) {
        Set<String> keys = new LinkedHashSet<>();
        perRun.forEach(m -> keys.addAll(m.keySet()));
        return keys;
    }

    /** A difference with its sign: +0.0333, -0.0500, 0 for none. */
    static String signed(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return v == 0 ? "0" : String.format(Locale.ROOT, "%+d", (long) v);
        }
        return String.format(Locale.ROOT, "%+.4f", v);
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
        m.putAll(confidenceAndExplanations(r));
        return m;
    }

    /**
     * The calibration, out-of-distribution and explanation figures of a run's record by name (empty for runs made
     * before them): ECE, Brier and NLL as trained and temperature-scaled, the temperature, the shares of test images
     * flagged, and per explanation method its pointing game and energy in the mask. The Run Report shows the same.
     */
    public static Map<String, Double> confidenceAndExplanations(RunRecord r) {
        Map<String, Double> m = new LinkedHashMap<>();
        Calibration c = r.getCalibration();
        if (c != null) {
            m.put("ECE", c.getEce());
            m.put("Brier", c.getBrier());
            m.put("NLL", c.getNll());
            if (c.isFitted()) {
                m.put("temperature", c.getTemperature());
                m.put("ECE (temperature-scaled)", c.getScaledEce());
                m.put("Brier (temperature-scaled)", c.getScaledBrier());
            }
        }
        OutOfDistribution o = r.getOutOfDistribution();
        if (o != null) {
            m.put("test images flagged unlike the training data", o.getTestFlagged());
            for (OodSource s : o.getSources()) {
                m.put("flagged in " + s.getPath(), s.getFlagged());
            }
        }
        for (ExplanationScore e : r.getExplanations()) {
            String name = ExplanationMaps.label(e.getMethod());
            m.put("pointing game (" + name + ")", e.getPointingGame());
            m.put("energy in mask (" + name + ")", e.getEnergyInside());
        }
        return m;
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4f", x);
    }

    /**
     * The comparison as Markdown: the delta convention, a metrics table with a delta column per later run, the
     * paired statistics against the first run (same convention), then the parameters that differ.
     */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder("Runs: ").append(String.join(", ", names)).append(". Every difference is ")
                .append(deltaConvention()).append(".\n\n## Metrics\n\n");
        List<String> titles = new ArrayList<>(names);
        titles.addAll(deltaTitles());
        List<Row> metrics = metrics();
        List<Row> deltas = metricDeltas();
        List<Row> joined = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            List<String> cells = new ArrayList<>(metrics.get(i).cells());
            cells.addAll(deltas.get(i).cells());
            joined.add(new Row(metrics.get(i).name(), cells));
        }
        table(b, "metric", titles, joined);
        b.append("\n## Paired statistics against ").append(names.get(0)).append("\n\n");
        if (statistics == null) {
            b.append("Not computed yet.\n");
        } else {
            if (!statistics.rows().isEmpty()) {
                table(b, "statistic", names.subList(1, names.size()),
                        statistics.rows().stream().map(r -> new Row(r.name(), r.cells().subList(1, r.cells().size())))
                                .toList());
                b.append(statistics.hasUnavailable() ? "\n" : "");
            }
            b.append(statistics.unavailableMarkdown(names));
        }
        b.append("\n## Parameters that differ\n\n");
        table(b, "parameter", names, parameters(true));
        return b.toString();
    }

    private static void table(StringBuilder b, String first, List<String> titles, List<Row> rows) {
        b.append("| ").append(first).append(" | ").append(String.join(" | ", titles)).append(" |\n");
        b.append("|---".repeat(titles.size() + 1)).append("|\n");
        for (Row r : rows) {
            b.append("| ").append(r.name().replace("|", "\\|")).append(" | ")
                    .append(r.cells().stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
    }

    /**
     * The comparison as CSV (Commons CSV, RFC 4180, CRLF): section, name, one column of plain numbers per run, then
     * one delta column per later run titled "RUN - FIRST" (filled for metrics); statistics are in the column of the
     * run compared with the first, with the same convention.
     */
    public String toCsv() {
        List<String> header = new ArrayList<>(List.of("section", "name"));
        header.addAll(names);
        header.addAll(deltaTitles());
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            List<Row> metrics = metrics();
            List<Row> deltas = metricDeltas();
            for (int i = 0; i < metrics.size(); i++) {
                List<String> cells = new ArrayList<>(List.of("metric", metrics.get(i).name()));
                cells.addAll(metrics.get(i).cells());
                cells.addAll(deltas.get(i).cells());
                csv.printRecord(cells);
            }
            if (statistics != null) {
                for (Row r : statistics.rows()) {
                    record(csv, "statistic", r);
                }
                if (statistics.hasUnavailable()) {
                    List<String> why = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        why.add(statistics.unavailable(i) == null ? "" : statistics.unavailable(i));
                    }
                    record(csv, "statistic", new Row("not available because", why));
                }
            }
            for (Row r : parameters(false)) {
                record(csv, "parameter", r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void record(CSVPrinter csv, String section, Row r) throws IOException {
        List<String> cells = new ArrayList<>(List.of(section, r.name()));
        cells.addAll(r.cells());
        while (cells.size() < 2 + names.size() + names.size() - 1) {
            cells.add("");
        }
        csv.printRecord(cells);
    }

    /** A file name for an export of this comparison: compare-FIRST-vs-SECOND[-and-N-more].EXT. */
    public String fileName(String extension) {
        String more = names.size() > 2 ? "-and-" + (names.size() - 2) + "-more" : "";
        return org.hqcm.ui.internal.figures.FigureExport.fileName("compare-" + names.get(0) + "-vs-" + names.get(1) + more)
                + "." + extension;
    }
}
