package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.AttentionJaccard;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ComparedRun;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.eval.EvaluationFigures;
import org.hqcm.engine.eval.HtmlReport;
import org.hqcm.engine.eval.MeanSd;
import org.hqcm.engine.eval.PairedBootstrap;
import org.hqcm.engine.eval.PairedComparison;
import org.hqcm.engine.eval.ReportTables;
import org.hqcm.engine.eval.Table;
import org.hqcm.engine.eval.WilcoxonSignedRank;
import org.hqcm.engine.plot.LineChart;
import org.hqcm.engine.run.AttentionExamples;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.resource.AtomicFiles;

/**
 * The paper's tables and figures over repeated runs (seeds) of several models on one test set, as
 * {@code hqcm reproduce} writes them: Table 1 with mean ± sd across seeds, Table 2 (mean Jaccard per threshold,
 * mean ± sd across seeds, and a Wilcoxon signed-rank test of the first model against each other on the per-image
 * Jaccard averaged over each model's seeds), Fig 7 (curves, mean ± sd bands), Fig 8 (t-SNE of each model's first
 * seed), Fig 9 (confusion of each model summed over its seeds), Fig 10 (the first seeds' attention maps on the same
 * images), and McNemar and bootstrap intervals on the first seed of each model.
 */
public final class SeedComparison {

    static final String WILCOXON_BASIS = "Table 2's Wilcoxon test pairs, for every tumour test image, its Jaccard "
            + "averaged over the seeds of the first model with the same average of the other model.";

    private SeedComparison() {
    }

    /**
     * Writes comparison.md/.json/.html, table1.csv, table2.csv and figures/ into {@code dir}.
     *
     * @param runs runs.get(m): the completed runs of model m (at least one each), all on the same test set
     * @return the Markdown summary
     */
    public static String write(List<String> models, List<List<RunResults>> runs, Path dir) throws IOException {
        String fp = null;
        for (int m = 0; m < models.size(); m++) {
            for (RunResults r : runs.get(m)) {
                String f = r.compared(r.name()).fingerprint();
                if (fp == null) {
                    fp = f;
                } else if (!fp.equals(f)) {
                    throw new BadInputException("run " + r.folder().dir() + " was evaluated on a different test set "
                            + "(fingerprint " + f + ", the others " + fp + ")");
                }
            }
        }
        List<String> classes = runs.get(0).get(0).classNames();
        List<List<ClassificationReport>> reports = runs.stream().map(l -> l.stream().map(RunResults::report).toList())
                .toList();
        Table table1 = ReportTables.table1AcrossSeeds(models, reports);
        Path figures = dir.resolve("figures");
        Files.createDirectories(figures);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fingerprint", fp);
        json.put("images", runs.get(0).get(0).labels().length);
        for (int m = 0; m < models.size(); m++) {
            String k = "model." + models.get(m) + ".";
            json.put(k + "seeds", runs.get(m).size());
            MeanSd acc = MeanSd.of(reports.get(m).stream().mapToDouble(ClassificationReport::accuracy).toArray());
            MeanSd f1 = MeanSd.of(reports.get(m).stream().mapToDouble(r -> r.macro().f1()).toArray());
            json.put(k + "accuracy.mean", acc.mean());
            json.put(k + "accuracy.sd", acc.sd());
            json.put(k + "macroF1.mean", f1.mean());
            json.put(k + "macroF1.sd", f1.sd());
        }

        Table table2 = null;
        if (runs.stream().allMatch(l -> l.stream().allMatch(r -> r.jaccard() != null && !r.jaccard().images().isEmpty()))) {
            table2 = table2(models, runs, json);
        }

        List<String> captions = new ArrayList<>();
        List<Path> pngs = new ArrayList<>();
        curves(models, runs, figures, captions, pngs);
        for (int m = 0; m < models.size(); m++) {
            Path tsne = runs.get(m).get(0).folder().artefacts().resolve("tsne.png");
            if (runs.get(m).get(0).folder().hasFile("artefacts/tsne.png")) { // links are not followed
                Path png = figures.resolve("fig8-tsne-" + RunFolder.safeName(models.get(m)) + ".png");
                AtomicFiles.write(png, Files.readAllBytes(tsne));
                captions.add("Fig 8: t-SNE of the head's outputs, " + models.get(m) + " (seed "
                        + runs.get(m).get(0).record().getProvenance().getSeed() + ")");
                pngs.add(png);
            }
        }
        for (int m = 0; m < models.size(); m++) {
            long[][] sum = new long[classes.size()][classes.size()];
            for (ClassificationReport r : reports.get(m)) {
                long[][] c = r.confusion().counts();
                for (int i = 0; i < c.length; i++) {
                    for (int j = 0; j < c.length; j++) {
                        sum[i][j] += c[i][j];
                    }
                }
            }
            Path png = figures.resolve("fig9-confusion-" + RunFolder.safeName(models.get(m)) + ".png");
            String title = models.get(m) + ": confusion summed over " + runs.get(m).size() + " seeds";
            EvaluationFigures.confusion(ConfusionCounts.ofCounts(sum, classes), title, png);
            captions.add("Fig 9: " + title);
            pngs.add(png);
        }
        List<AttentionExamples> examples = new ArrayList<>();
        for (List<RunResults> l : runs) {
            RunFolder f = l.get(0).folder();
            if (AttentionExamples.exist(f)) {
                examples.add(AttentionExamples.read(f.file(AttentionExamples.FILE), l.get(0).record().getExperiment()));
            }
        }
        if (examples.size() == models.size() && !examples.get(0).isEmpty()) {
            Path png = figures.resolve("fig10-attention.png");
            AttentionExamples.writeComparisonGallery("Attention maps T_s on the same test images (first seeds)",
                    models, examples, classes, png);
            captions.add("Fig 10: attention maps of each model's first seed on the same tumour test images");
            pngs.add(png);
        }

        List<ComparedRun> firsts = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            firsts.add(runs.get(m).get(0).compared(models.get(m)));
        }
        PairedComparison paired = PairedComparison.of(firsts, classes, WilcoxonSignedRank.SCIPY_DEFAULT,
                PairedBootstrap.DEFAULT);
        paired.summary().forEach((k, v) -> json.put("firstSeeds." + k, v));

        StringBuilder md = new StringBuilder("# Reproduction: ").append(String.join(" vs ", models)).append("\n\n");
        md.append(runs.stream().mapToInt(List::size).max().orElse(0)).append(" seed(s) per model, test set fingerprint ")
                .append(fp).append(", ").append(json.get("images")).append(" test images.\n\n");
        md.append("## Table 1: test metrics, mean ± sd across seeds\n\n").append(table1.toMarkdown());
        if (table2 != null) {
            md.append("\n## Table 2: attention Jaccard, mean ± sd across seeds\n\n").append(table2.toMarkdown())
                    .append('\n').append(WILCOXON_BASIS).append(' ').append(PairedComparison.WILCOXON_NOTE).append("\n");
        }
        md.append("\n## Figures\n\n");
        for (int i = 0; i < pngs.size(); i++) {
            md.append("- ").append(captions.get(i)).append(": ").append(dir.relativize(pngs.get(i))).append('\n');
        }
        md.append("\n## Paired tests on the first seed of each model\n");
        // the comparison's own headings one level down, under this section
        for (String line : paired.toMarkdown().split("\n", -1)) {
            if (line.startsWith("# ")) {
                continue;
            }
            md.append(line.startsWith("#") ? "#" + line : line).append('\n');
        }

        HtmlReport html = HtmlReport.titled("Reproduction: " + String.join(" vs ", models))
                .paragraph(runs.get(0).size() + " seed(s) per model, test set fingerprint " + fp + ", "
                        + json.get("images") + " test images.")
                .heading("Table 1: test metrics, mean ± sd across seeds").table(table1);
        if (table2 != null) {
            html = html.heading("Table 2: attention Jaccard, mean ± sd across seeds").table(table2)
                    .note(WILCOXON_BASIS + " " + PairedComparison.WILCOXON_NOTE);
        }
        for (int i = 0; i < pngs.size(); i++) {
            html = html.figure(captions.get(i), pngs.get(i));
        }
        html = paired.toHtml(html.heading("Paired tests on the first seed of each model"));

        AtomicFiles.writeString(dir.resolve("table1.csv"), table1.toCsv());
        if (table2 != null) {
            AtomicFiles.writeString(dir.resolve("table2.csv"), table2.toCsv());
        }
        AtomicFiles.writeString(dir.resolve("comparison.md"), md.toString());
        AtomicFiles.writeString(dir.resolve("comparison.json"), Json.object(json) + "\n");
        html.write(dir.resolve("comparison.html"));
        return md.toString();
    }

    private static Table table2(List<String> models, List<List<RunResults>> runs, Map<String, Object> json) {
        AttentionJaccard.Result reference = runs.get(0).get(0).jaccard();
        double[] thresholds = reference.thresholds();
        int[] images = reference.imageIndices();
        // per model: per-image Jaccard averaged over its seeds, one array per threshold
        List<double[][]> averaged = new ArrayList<>();
        for (List<RunResults> l : runs) {
            double[][] avg = new double[thresholds.length][images.length];
            for (RunResults r : l) {
                if (!java.util.Arrays.equals(r.jaccard().imageIndices(), images)
                        || !java.util.Arrays.equals(r.jaccard().thresholds(), thresholds)) {
                    throw new BadInputException(r.folder().dir() + ": scored other tumour images or thresholds than "
                            + runs.get(0).get(0).folder().dir());
                }
                for (int t = 0; t < thresholds.length; t++) {
                    double[] v = r.jaccard().valuesAt(t);
                    for (int i = 0; i < v.length; i++) {
                        avg[t][i] += v[i] / l.size();
                    }
                }
            }
            averaged.add(avg);
        }
        List<String> header = new ArrayList<>(List.of("Threshold (τ)"));
        for (String m : models) {
            header.add(m);
        }
        for (int m = 1; m < models.size(); m++) {
            String vs = models.size() > 2 ? " (" + models.get(0) + " vs " + models.get(m) + ")" : "";
            header.addAll(List.of("Wilcoxon statistic" + vs, "p-value" + vs, "method" + vs));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < thresholds.length; t++) {
            String tk = String.format(Locale.ROOT, "jaccard@%.2f.", thresholds[t]);
            List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "%.2f", thresholds[t])));
            for (int m = 0; m < models.size(); m++) {
                final int ti = t;
                MeanSd s = MeanSd.of(runs.get(m).stream().mapToDouble(r -> r.jaccard().means()[ti]).toArray());
                row.add(s.format(5));
                json.put("model." + models.get(m) + "." + tk + "mean", s.mean());
                json.put("model." + models.get(m) + "." + tk + "sd", s.sd());
            }
            for (int m = 1; m < models.size(); m++) {
                WilcoxonSignedRank.Result w = WilcoxonSignedRank.SCIPY_DEFAULT.test(averaged.get(0)[t],
                        averaged.get(m)[t]);
                row.add(String.format(Locale.ROOT, "%.1f", w.statistic()));
                row.add(ReportTables.pValue(w.pValue()));
                row.add(w.method().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", n=" + w.n() + ", zeros dropped=" + w.zeros());
                String k = "wilcoxon." + models.get(0) + "_vs_" + models.get(m) + "." + tk;
                json.put(k + "statistic", w.statistic());
                json.put(k + "p", w.pValue());
                json.put(k + "method", w.method().name());
                json.put(k + "n", w.n());
            }
            rows.add(row);
        }
        json.put("wilcoxon.basis", "per-image Jaccard averaged over each model's seeds; SciPy's default conventions");
        return new Table(header, rows);
    }

    /** Fig 7: per epoch, mean ± sd over the seeds that reached it (early stopping ends seeds at different epochs). */
    private static void curves(List<String> models, List<List<RunResults>> runs, Path figures, List<String> captions,
            List<Path> pngs) throws IOException {
        LineChart loss = LineChart.of("Loss per epoch, mean ± sd across seeds").xLabel("epoch").yLabel("loss");
        LineChart acc = LineChart.of("Accuracy per epoch, mean ± sd across seeds").xLabel("epoch").yLabel("accuracy")
                .yRange(0, 1);
        for (int m = 0; m < models.size(); m++) {
            List<RunResults> l = runs.get(m);
            String n = models.get(m);
            loss = band(band(loss, n + " train", l, EpochRecord::getTrainLoss, false), n + " validation", l,
                    EpochRecord::getValidationLoss, true);
            acc = band(band(acc, n + " train", l, EpochRecord::getTrainAccuracy, false), n + " validation", l,
                    EpochRecord::getValidationAccuracy, true);
        }
        Path lossPng = figures.resolve("fig7-loss.png");
        Path accPng = figures.resolve("fig7-accuracy.png");
        loss.writePng(lossPng, 800, 560);
        acc.writePng(accPng, 800, 560);
        captions.add("Fig 7: training (solid) and validation (dashed) loss, mean ± sd across seeds");
        pngs.add(lossPng);
        captions.add("Fig 7: training (solid) and validation (dashed) accuracy, mean ± sd across seeds");
        pngs.add(accPng);
    }

    private interface EpochValue {
        double of(EpochRecord e);
    }

    private static LineChart band(LineChart chart, String name, List<RunResults> runs, EpochValue value,
            boolean dashed) {
        int epochs = runs.stream().mapToInt(r -> r.record().getEpochs().size()).max().orElse(0);
        if (epochs == 0) {
            return chart;
        }
        double[] mean = new double[epochs];
        double[] sd = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            final int ei = e;
            double[] v = runs.stream().filter(r -> r.record().getEpochs().size() > ei)
                    .mapToDouble(r -> value.of(r.record().getEpochs().get(ei))).toArray();
            MeanSd s = MeanSd.of(v);
            mean[e] = s.mean();
            sd[e] = s.sd();
        }
        return chart.bandSeries(name, mean, sd, dashed);
    }
}
