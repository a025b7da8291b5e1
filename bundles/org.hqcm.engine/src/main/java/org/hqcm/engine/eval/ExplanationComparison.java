package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paired Wilcoxon signed-rank tests on per-image explanation scores, with Table 2's conventions (SciPy's defaults,
 * first minus second, no correction for multiple tests): between every two methods of one run over the images they
 * both explained, or between two runs per method over the images both runs explained (the same test set picks the
 * same images; images only one run explained are left out, and {@code images} says how many were paired).
 */
public record ExplanationComparison(List<Row> rows) {

    /** One test: {@code a} minus {@code b} on {@code metric} over {@code images} paired images. */
    public record Row(String a, String b, String metric, int images, double meanA, double meanB,
            WilcoxonSignedRank.Result wilcoxon) {
    }

    public ExplanationComparison {
        rows = List.copyOf(rows);
    }

    /** Every pair of methods (in report order) on every metric. */
    public static ExplanationComparison betweenMethods(ExplanationScores s, WilcoxonSignedRank test) {
        List<Row> rows = new ArrayList<>();
        List<ExplanationScores.Method> m = s.methods();
        List<String> metrics = s.metrics();
        for (int i = 0; i < m.size(); i++) {
            for (int j = i + 1; j < m.size(); j++) {
                for (int k = 0; k < metrics.size(); k++) {
                    add(rows, m.get(i).name(), m.get(i), m.get(j).name(), m.get(j), metrics.get(k), k, k, test);
                }
            }
        }
        return new ExplanationComparison(rows);
    }

    /**
     * Run A against run B for every method both have, on the metrics both have (the Jaccard thresholds both used);
     * the rows' {@code a} and {@code b} are "RUN: method".
     */
    public static ExplanationComparison betweenRuns(String runA, ExplanationScores a, String runB, ExplanationScores b,
            WilcoxonSignedRank test) {
        List<Row> rows = new ArrayList<>();
        List<String> metricsA = a.metrics();
        List<String> metricsB = b.metrics();
        for (ExplanationScores.Method ma : a.methods()) {
            ExplanationScores.Method mb = b.method(ma.name());
            if (mb == null) {
                continue;
            }
            for (int k = 0; k < metricsA.size(); k++) {
                int kb = metricsB.indexOf(metricsA.get(k));
                if (kb >= 0) {
                    add(rows, runA + ": " + ma.name(), ma, runB + ": " + mb.name(), mb, metricsA.get(k), k, kb, test);
                }
            }
        }
        return new ExplanationComparison(rows);
    }

    /** The test of metric {@code ka} of A against {@code kb} of B over the images both scored; none without any. */
    private static void add(List<Row> rows, String nameA, ExplanationScores.Method a, String nameB,
            ExplanationScores.Method b, String metric, int ka, int kb, WilcoxonSignedRank test) {
        Map<Integer, Double> byId = new HashMap<>();
        double[] vb = b.valuesOf(kb);
        int[] idsB = b.sampleIds();
        for (int i = 0; i < idsB.length; i++) {
            byId.put(idsB[i], vb[i]);
        }
        double[] va = a.valuesOf(ka);
        int[] idsA = a.sampleIds();
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < idsA.length; i++) {
            Double other = byId.get(idsA[i]);
            if (other != null) {
                pairs.add(new double[] {va[i], other});
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        rows.add(new Row(nameA, nameB, metric, pairs.size(), mean(x), mean(y), test.test(x, y)));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The tests as a table: A, B, metric, images, the two means, statistic, p-value and how p was computed. */
    public Table table() {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(List.of(r.a(), r.b(), r.metric(), Integer.toString(r.images()), ReportTables.fixed(r.meanA(), 4),
                    ReportTables.fixed(r.meanB(), 4), ReportTables.fixed(r.wilcoxon().statistic(), 1),
                    ReportTables.pValue(r.wilcoxon().pValue()), ReportTables.methodName(r.wilcoxon())));
        }
        return new Table(List.of("A", "B", "metric", "images", "mean A", "mean B", "Wilcoxon statistic", "p-value",
                "method"), out);
    }

    public static final String NOTE = "Wilcoxon signed-rank test on per-image scores (A minus B) over the images both "
            + "explained, with the conventions of Table 2 (SciPy's defaults: zero differences dropped, two-sided, exact "
            + "for up to 50 pairs without ties or zeros, exact permutation for up to 13 with them, otherwise the normal "
            + "approximation with tie correction); no correction for the number of tests.";
}
