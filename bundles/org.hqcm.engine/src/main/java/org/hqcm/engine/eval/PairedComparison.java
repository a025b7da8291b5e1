package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hqcm.engine.BadInputException;

/**
 * The comparison of two or more runs on the same test set: Table 1 side by side with differences from the
 * first run, and for each other run against the first: Table 2 (mean Jaccard, Wilcoxon signed-rank per
 * threshold), McNemar's test on paired correctness and bootstrap intervals of the accuracy and macro-F1
 * differences (first minus other). Runs evaluated on different test sets are refused.
 */
public record PairedComparison(List<String> classNames, List<ComparedRun> runs, List<ClassificationReport> reports,
        List<Pair> pairs) {

    /** The paired statistics of the first run against one other. */
    public record Pair(String nameA, String nameB, McNemar.Result mcnemar, PairedBootstrap.Result bootstrap,
            List<JaccardComparison.Row> jaccard, ExplanationComparison explanations) {
    }

    /** Compares {@code runs.get(0)} with each later run. */
    public static PairedComparison of(List<ComparedRun> runs, List<String> classNames, WilcoxonSignedRank wilcoxon,
            PairedBootstrap bootstrap) {
        if (runs.size() < 2) {
            throw new BadInputException("a comparison needs at least two runs, got " + runs.size());
        }
        ComparedRun first = runs.get(0);
        String fp = first.fingerprint();
        for (ComparedRun r : runs) {
            if (!r.fingerprint().equals(fp)) {
                throw new BadInputException("runs '" + first.name() + "' and '" + r.name()
                        + "' were evaluated on different test sets (fingerprint " + fp + " vs " + r.fingerprint()
                        + "): paired statistics need the same test images in the same order");
            }
        }
        List<ClassificationReport> reports = runs.stream()
                .map(r -> ClassificationReport.of(r.labels(), r.predicted(), classNames)).toList();
        List<Pair> pairs = new ArrayList<>();
        for (ComparedRun other : runs.subList(1, runs.size())) {
            List<JaccardComparison.Row> j = first.jaccard() != null && other.jaccard() != null
                    && !first.jaccard().images().isEmpty()
                            ? JaccardComparison.compare(first.jaccard(), other.jaccard(), wilcoxon)
                            : List.of();
            ExplanationComparison e = first.explanations() != null && other.explanations() != null
                    ? ExplanationComparison.betweenRuns(first.name(), first.explanations(), other.name(),
                            other.explanations(), wilcoxon)
                    : new ExplanationComparison(List.of());
            pairs.add(new Pair(first.name(), other.name(), McNemar.test(first.labels(), first.predicted(), other.predicted()),
                    bootstrap.compare(first.labels(), first.predicted(), other.predicted(), classNames.size()), j, e));
        }
        return new PairedComparison(List.copyOf(classNames), List.copyOf(runs), reports, List.copyOf(pairs));
    }

    public Table table1() {
        return ReportTables.table1(runs.stream().map(ComparedRun::name).toList(), reports, true);
    }

    /** Whether any run has calibration or out-of-distribution figures. */
    public boolean hasConfidence() {
        return runs.stream().anyMatch(r -> !r.confidence().isEmpty());
    }

    /** Calibration and out-of-distribution figures of every run on the test split, one row per run. */
    public Table confidenceTable() {
        List<List<String>> rows = new ArrayList<>();
        for (ComparedRun r : runs) {
            ConfidenceSummary c = r.confidence();
            rows.add(List.of(r.name(), ReportTables.fixed(c.ece(), 4), ReportTables.fixed(c.brier(), 4),
                    ReportTables.fixed(c.nll(), 4), c.fitted() ? ReportTables.fixed(c.temperature(), 3) : "not fitted",
                    ReportTables.fixed(c.scaledEce(), 4), ReportTables.fixed(c.scaledBrier(), 4),
                    ReportTables.fixed(c.scaledNll(), 4), Double.isNaN(c.oodFlagged()) ? "n/a"
                            : ReportTables.percent(c.oodFlagged())));
        }
        return new Table(List.of("Run", "ECE", "Brier", "NLL", "temperature", "ECE (T)", "Brier (T)", "NLL (T)",
                "test images flagged unlike the training data"), rows);
    }

    public static final String CONFIDENCE_NOTE = "ECE over the experiments' equal-width confidence bins (15 by default), "
            + "multi-class Brier score (sum over classes of squared probability errors, mean over images, in [0, 2]), "
            + "negative log-likelihood; (T): with the temperature each run fitted on its validation split. Flagged: by "
            + "each run's out-of-distribution score and the threshold it fixed on its validation split.";

    /** Markdown: Table 1, then per pair Table 2 and the paired tests, with how each p-value was computed. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("# Run comparison\n\n");
        sb.append("Test set fingerprint ").append(runs.get(0).fingerprint()).append(", ").append(runs.get(0).labels().length)
                .append(" images.\n\n## Table 1: test metrics\n\n").append(table1().toMarkdown());
        if (hasConfidence()) {
            sb.append("\n## Calibration and out-of-distribution flags\n\n").append(confidenceTable().toMarkdown())
                    .append('\n').append(CONFIDENCE_NOTE).append('\n');
        }
        for (Pair p : pairs) {
            sb.append("\n## ").append(p.nameA()).append(" vs ").append(p.nameB()).append("\n\n");
            if (!p.jaccard().isEmpty()) {
                sb.append("### Table 2: attention Jaccard\n\n").append(ReportTables.table2(p.nameA(), p.nameB(), p.jaccard()).toMarkdown())
                        .append('\n').append(WILCOXON_NOTE).append("\n\n");
            }
            if (!p.explanations().isEmpty()) {
                sb.append("### Explanations against the tumour masks, per method\n\n").append(p.explanations().table()
                        .toMarkdown()).append('\n').append(ExplanationComparison.NOTE).append("\n\n");
            }
            for (String line : pairedLines(p)) {
                sb.append("- ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** The same content as an HTML report (figures can be added by the caller). */
    public HtmlReport toHtml(HtmlReport page) {
        HtmlReport h = page.paragraph("Test set fingerprint " + runs.get(0).fingerprint() + ", " + runs.get(0).labels().length
                + " images.").heading("Table 1: test metrics").table(table1());
        if (hasConfidence()) {
            h = h.heading("Calibration and out-of-distribution flags").table(confidenceTable()).note(CONFIDENCE_NOTE);
        }
        for (Pair p : pairs) {
            h = h.heading(p.nameA() + " vs " + p.nameB());
            if (!p.jaccard().isEmpty()) {
                h = h.table(ReportTables.table2(p.nameA(), p.nameB(), p.jaccard())).note(WILCOXON_NOTE);
            }
            if (!p.explanations().isEmpty()) {
                h = h.table(p.explanations().table()).note(ExplanationComparison.NOTE);
            }
            for (String line : pairedLines(p)) {
                h = h.paragraph(line);
            }
        }
        return h;
    }

    /** Flat key-value pairs (numbers and strings) for a JSON summary. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", runs.get(0).fingerprint());
        m.put("images", runs.get(0).labels().length);
        for (int i = 0; i < runs.size(); i++) {
            String k = "run." + runs.get(i).name() + ".";
            ClassificationReport r = reports.get(i);
            m.put(k + "accuracy", r.accuracy());
            m.put(k + "macroF1", r.macro().f1());
            m.put(k + "weightedF1", r.weighted().f1());
            ConfidenceSummary c = runs.get(i).confidence();
            if (!c.isEmpty()) {
                m.put(k + "ece", c.ece());
                m.put(k + "brier", c.brier());
                m.put(k + "nll", c.nll());
                if (c.fitted()) {
                    m.put(k + "temperature", c.temperature());
                    m.put(k + "scaledEce", c.scaledEce());
                    m.put(k + "scaledBrier", c.scaledBrier());
                }
                m.put(k + "oodFlagged", c.oodFlagged());
            }
        }
        for (Pair p : pairs) {
            String k = "pair." + p.nameA() + "_vs_" + p.nameB() + ".";
            m.put(k + "mcnemar.b", p.mcnemar().aRightBWrong());
            m.put(k + "mcnemar.c", p.mcnemar().aWrongBRight());
            m.put(k + "mcnemar.exactP", p.mcnemar().exactPValue());
            m.put(k + "mcnemar.chiSquare", p.mcnemar().chiSquare());
            m.put(k + "mcnemar.chiSquareP", p.mcnemar().chiSquarePValue());
            interval(m, k + "accuracyDiff.", p.bootstrap().accuracy());
            interval(m, k + "macroF1Diff.", p.bootstrap().macroF1());
            for (JaccardComparison.Row row : p.jaccard()) {
                String t = k + String.format(Locale.ROOT, "jaccard@%.2f.", row.threshold());
                m.put(t + "meanA", row.meanA());
                m.put(t + "meanB", row.meanB());
                m.put(t + "wilcoxon.statistic", row.wilcoxon().statistic());
                m.put(t + "wilcoxon.p", row.wilcoxon().pValue());
                m.put(t + "wilcoxon.method", row.wilcoxon().method().name());
                m.put(t + "wilcoxon.n", row.wilcoxon().n());
            }
            for (ExplanationComparison.Row row : p.explanations().rows()) {
                String t = k + "explanation." + row.a().substring(p.nameA().length() + 2) + "." + row.metric() + ".";
                m.put(t + "meanA", row.meanA());
                m.put(t + "meanB", row.meanB());
                m.put(t + "images", row.images());
                m.put(t + "wilcoxon.statistic", row.wilcoxon().statistic());
                m.put(t + "wilcoxon.p", row.wilcoxon().pValue());
            }
        }
        return m;
    }

    private static void interval(Map<String, Object> m, String k, PairedBootstrap.Interval i) {
        m.put(k + "estimate", i.estimate());
        m.put(k + "lower", i.lower());
        m.put(k + "upper", i.upper());
        m.put(k + "confidence", i.confidence());
        m.put(k + "resamples", i.resamples());
        m.put(k + "seed", i.seed());
    }

    public static final String WILCOXON_NOTE = "Wilcoxon signed-rank test on per-image Jaccard values (first run minus second), "
            + "SciPy's default conventions: zero differences dropped, two-sided, exact distribution for up to 50 pairs "
            + "without ties or zeros, exact permutation for up to 13 pairs with ties or zeros, otherwise normal "
            + "approximation with tie correction and no continuity correction.";

    private static List<String> pairedLines(Pair p) {
        McNemar.Result m = p.mcnemar();
        PairedBootstrap.Interval a = p.bootstrap().accuracy();
        PairedBootstrap.Interval f = p.bootstrap().macroF1();
        return List.of(
                String.format(Locale.ROOT, "McNemar (exact binomial, two-sided): %d images only %s got right, %d only %s; "
                        + "p = %s (chi-square with continuity correction %s, p = %s)", m.aRightBWrong(), p.nameA(),
                        m.aWrongBRight(), p.nameB(), ReportTables.pValue(m.exactPValue()),
                        ReportTables.fixed(m.chiSquare(), 3), ReportTables.pValue(m.chiSquarePValue())),
                String.format(Locale.ROOT, "Accuracy difference (%s - %s): %s, %d%% bootstrap CI [%s, %s]", p.nameA(),
                        p.nameB(), ReportTables.signed(a.estimate(), 4), Math.round(a.confidence() * 100),
                        ReportTables.signed(a.lower(), 4), ReportTables.signed(a.upper(), 4)),
                String.format(Locale.ROOT, "Macro-F1 difference (%s - %s): %s, %d%% bootstrap CI [%s, %s]", p.nameA(),
                        p.nameB(), ReportTables.signed(f.estimate(), 4), Math.round(f.confidence() * 100),
                        ReportTables.signed(f.lower(), 4), ReportTables.signed(f.upper(), 4)),
                String.format(Locale.ROOT, "Bootstrap: percentile method, %d paired resamples of the test images, seed %d",
                        a.resamples(), a.seed()));
    }
}
