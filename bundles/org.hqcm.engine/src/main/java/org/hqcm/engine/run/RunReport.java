package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.eval.HtmlReport;
import org.hqcm.engine.eval.ReportTables;
import org.hqcm.engine.eval.Table;
import org.hqcm.engine.eval.ExplanationComparison;
import org.hqcm.engine.eval.ExplanationScores;
import org.hqcm.engine.eval.TestSetFingerprint;
import org.hqcm.engine.eval.WilcoxonSignedRank;
import org.hqcm.model.Calibration;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.Evaluation;
import org.hqcm.model.Experiment;
import org.hqcm.model.ExplanationScore;
import org.hqcm.model.JaccardScore;
import org.hqcm.model.OodSource;
import org.hqcm.model.OutOfDistribution;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;

/**
 * The self-contained HTML report of one run ({@value #FILE} in the run folder): Table 1, the confusion matrix in
 * counts and row-normalised, the attention Jaccard per threshold, the explanations beside T_s with their scores,
 * paired tests, costs and gallery, the calibration with its reliability diagram, the out-of-distribution thresholds
 * with the shares they flag, the training curves, the t-SNE and the attention gallery. Built from the run folder's
 * files only (record, predictions.csv, jaccard.csv, explanations.csv, the PNGs in artefacts/),
 * so {@code hqcm report} rewrites exactly what the run wrote. It says nothing that changes after the test
 * evaluation (status, end time), for the same reason.
 */
public final class RunReport {

    public static final String FILE = "report.html";

    private RunReport() {
    }

    /** Rewrites the report of a completed run from its folder; returns the report's path. */
    public static Path write(Path runDir) {
        RunResults results = RunResults.read(runDir);
        Path written = write(results);
        RunRecord record = results.record();
        // runs from before reports existed get theirs registered like a new run's
        if (record.getArtefacts().stream().noneMatch(a -> FILE.equals(a.getPath()))) {
            var a = HqcmFactory.eINSTANCE.createArtefact();
            a.setName("report");
            a.setPath(FILE);
            record.getArtefacts().add(a);
            HqcmResources.save(record, results.folder().record());
        }
        return written;
    }

    static Path write(RunFolder folder, RunRecord record) {
        return write(RunResults.of(folder, record));
    }

    private static Path write(RunResults r) {
        Path target = r.folder().dir().resolve(FILE);
        try {
            build(r).write(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    static HtmlReport build(RunResults r) throws IOException {
        RunRecord record = r.record();
        Experiment e = record.getExperiment();
        ClassificationReport report = r.report();
        HtmlReport h = HtmlReport.titled("Run " + record.getId() + ": " + e.getName());
        var p = record.getProvenance();
        h = h.paragraph(String.format(Locale.ROOT,
                "Experiment %s, run seed %d, %d epochs trained. %d test images (test-set fingerprint %s). "
                        + "Dataset fingerprint %s. Engine %s.",
                e.getName(), p.getSeed(), record.getEpochs().size(), r.labels().length,
                TestSetFingerprint.of(r.sampleIds(), r.labels()), p.getDatasetFingerprint(), p.getEngineVersion()));
        if (record.getSkippedFiles() > 0) {
            h = h.note(record.getSkippedFiles() + " unreadable files of the dataset were skipped (see run.log).");
        }
        h = h.heading("Table 1: test metrics").table(ReportTables.table1(e.getName(), report));
        ConfusionCounts cm = report.confusion();
        h = h.heading("Confusion matrix (rows: true class, columns: predicted)").table(confusionCounts(cm))
                .table(confusionShares(cm)).note("The second table is row-normalised: each row sums to 1.");
        if (r.jaccard() != null) {
            h = h.heading("Attention Jaccard (Table 2 for this run)").table(jaccardTable(r))
                    .note("T_s upsampled bilinearly to the input size, min-max normalised per image, binarised at "
                            + "value >= threshold, compared with the tumour mask; images without a tumour are not "
                            + "scored. Per-image values in jaccard.csv.");
        }
        Path a = r.folder().artefacts();
        h = explanations(h, r, a);
        h = calibration(h, record, a);
        h = outOfDistribution(h, record, a);
        h = figure(h, "Fig 7: loss per epoch (train solid, validation dashed)", a.resolve("loss.png"));
        h = figure(h, "Fig 7: accuracy per epoch (train solid, validation dashed)", a.resolve("accuracy.png"));
        h = figure(h, "Fig 9: confusion matrix of the test split", a.resolve("confusion.png"));
        h = figure(h, "Fig 8: t-SNE of the head's outputs over the test split", a.resolve("tsne.png"));
        h = figure(h, "Fig 10: attention maps of tumour test images (input, mask, T_s, overlay)",
                a.resolve(TestEvaluation.GALLERY_FILE));
        return h;
    }

    /** The explanation methods' scores, their paired tests, costs and gallery. */
    private static HtmlReport explanations(HtmlReport h, RunResults r, Path artefacts) throws IOException {
        RunRecord record = r.record();
        if (r.explanations() == null || record.getExplanations().isEmpty()) {
            return h;
        }
        Evaluation ev = record.getExperiment().getEvaluation();
        ExplanationScores s = r.explanations();
        List<String> header = new ArrayList<>(List.of("Method", "layer", "images"));
        header.addAll(s.metrics());
        header.addAll(List.of("ms per image", "share of the training time"));
        double training = record.getEpochs().stream().mapToDouble(EpochRecord::getSeconds).sum();
        List<List<String>> rows = new ArrayList<>();
        for (ExplanationScore e : record.getExplanations()) {
            List<String> row = new ArrayList<>(List.of(ExplanationEvaluation.label(e.getMethod()),
                    e.getLayer() == null || e.getLayer().isEmpty() ? "input" : e.getLayer(), Integer.toString(e.getImages())));
            for (JaccardScore j : e.getJaccard()) {
                row.add(String.format(Locale.ROOT, "%.4f", j.getMean()));
            }
            row.add(String.format(Locale.ROOT, "%.4f", e.getPointingGame()));
            row.add(String.format(Locale.ROOT, "%.4f", e.getEnergyInside()));
            row.add(String.format(Locale.ROOT, "%.2f", 1e3 * e.getSecondsPerImage()));
            row.add(training > 0 ? String.format(Locale.ROOT, "%.3f%%", 100 * e.getSecondsPerImage() * e.getImages() / training)
                    : "n/a");
            if (row.size() == header.size()) {
                rows.add(row);
            }
        }
        h = h.heading("Explanations beside T_s, scored against the tumour masks").table(new Table(header, rows))
                .note(String.format(Locale.ROOT, "%d tumour test images (explanationImages %d; chosen alternating over "
                        + "the tumour classes in test order), each map for the class the model predicts. Grad-CAM: "
                        + "ReLU of the feature maps weighted by the spatial mean of the predicted logit's gradient, on "
                        + "the layer named; occlusion: drop of the predicted probability when a %d px patch (stride %d) "
                        + "is set to 0. %s Cost: measured wall time per image (T_s: the forward pass that predicts), "
                        + "and for the explained images as a share of the training time (%.1f s). Per-image scores in "
                        + "explanations.csv.", s.methods().isEmpty() ? 0 : s.methods().get(0).images().size(),
                        ev.getExplanationImages(), ev.getOcclusionPatch(), ev.getOcclusionStride(),
                        ExplanationScores.CONVENTIONS, training));
        ExplanationComparison c = ExplanationComparison.betweenMethods(s, WilcoxonSignedRank.SCIPY_DEFAULT);
        if (!c.isEmpty()) {
            h = h.heading("Explanation methods compared, image by image").table(c.table()).note(ExplanationComparison.NOTE);
        }
        return figure(h, "Explanations of tumour test images: input, mask, T_s, Grad-CAM, occlusion (maps as scored)",
                artefacts.resolve(ExplanationEvaluation.GALLERY));
    }

    /** ECE, Brier and NLL of the test split, before and after temperature scaling, and the reliability diagram. */
    private static HtmlReport calibration(HtmlReport h, RunRecord record, Path artefacts) throws IOException {
        Calibration c = record.getCalibration();
        if (c == null) {
            return h;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("as trained (T = 1)", fixed(c.getEce()), fixed(c.getBrier()), fixed(c.getNll())));
        if (c.isFitted()) {
            rows.add(List.of(String.format(Locale.ROOT, "temperature-scaled (T = %.4f)", c.getTemperature()),
                    fixed(c.getScaledEce()), fixed(c.getScaledBrier()), fixed(c.getScaledNll())));
        }
        int bins = record.getExperiment().getEvaluation().getCalibrationBins();
        h = h.heading("Calibration of the test split").table(new Table(List.of("Probabilities", "ECE", "Brier", "NLL"), rows))
                .note(String.format(Locale.ROOT, "%d test images. ECE: %d equal-width bins of the top-class confidence, "
                        + "sum over bins of the bin's share of images times |accuracy - mean confidence|. Brier: mean over "
                        + "images of the sum over classes of (p - y)^2 (0 best, 2 worst). NLL: mean -log p(true class). %s",
                        c.getImages(), bins, c.isFitted() ? String.format(Locale.ROOT, "The temperature minimises the NLL "
                                + "of the %d validation images (golden-section search on log T); predict divides the "
                                + "logits by it.", c.getValidationImages())
                                : "No temperature was fitted (temperatureScaling is off)."));
        return figure(h, "Reliability diagram of the test split (accuracy against confidence per bin)",
                artefacts.resolve(ConfidenceEvaluation.RELIABILITY));
    }

    /** The thresholds fixed on the validation split and the shares they flag, with the score distributions. */
    private static HtmlReport outOfDistribution(HtmlReport h, RunRecord record, Path artefacts) throws IOException {
        OutOfDistribution o = record.getOutOfDistribution();
        if (o == null) {
            return h;
        }
        Evaluation ev = record.getExperiment().getEvaluation();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("validation split", Integer.toString(o.getValidationImages()),
                ReportTables.percent(o.getValidationFlagged())));
        rows.add(List.of("test split", Integer.toString(o.getTestImages()), ReportTables.percent(o.getTestFlagged())));
        for (OodSource src : o.getSources()) {
            rows.add(List.of(src.getPath() + (src.getSkipped() > 0 ? " (" + src.getSkipped() + " files unreadable)" : ""),
                    Integer.toString(src.getImages()), ReportTables.percent(src.getFlagged())));
        }
        String score = ConfidenceEvaluation.label(ConfidenceEvaluation.kind(ev.getOodScore()));
        h = h.heading("Out-of-distribution warnings").table(new Table(List.of("Images", "count",
                "flagged unlike the training data (" + score + ")"), rows)).note(String.format(Locale.ROOT,
                        "Thresholds fixed on the validation split, keeping %.0f%% of it in distribution: maximum "
                                + "softmax probability below %.4f, or energy -T logsumexp(logits / T) (T = %s) above %.4f. "
                                + "Flagged by the %s (oodScore). Other sources: hqcm report --ood-source DIR; per-image "
                                + "scores in confidence.csv and ood-sources.csv.",
                        100 * ev.getOodInDistributionShare(), o.getMspThreshold(), fixedShort(ev.getEnergyTemperature()),
                        o.getEnergyThreshold(), score));
        return figure(h, "Distribution of the " + score + " (validation, test and other sources) and its threshold",
                artefacts.resolve(ConfidenceEvaluation.DISTRIBUTION));
    }

    private static String fixed(double v) {
        return ReportTables.fixed(v, 4);
    }

    private static String fixedShort(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static HtmlReport figure(HtmlReport h, String caption, Path png) throws IOException {
        return Files.isRegularFile(png) ? h.heading(caption).figure(caption, png) : h;
    }

    static Table confusionCounts(ConfusionCounts cm) {
        List<String> header = new ArrayList<>(List.of("true \\ predicted"));
        header.addAll(cm.classNames());
        List<List<String>> rows = new ArrayList<>();
        long[][] c = cm.counts();
        for (int i = 0; i < c.length; i++) {
            List<String> row = new ArrayList<>(List.of(cm.classNames().get(i)));
            for (long v : c[i]) {
                row.add(Long.toString(v));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    static Table confusionShares(ConfusionCounts cm) {
        List<String> header = new ArrayList<>(List.of("true \\ predicted (share of row)"));
        header.addAll(cm.classNames());
        List<List<String>> rows = new ArrayList<>();
        double[][] s = cm.rowNormalised();
        for (int i = 0; i < s.length; i++) {
            List<String> row = new ArrayList<>(List.of(cm.classNames().get(i)));
            for (double v : s[i]) {
                row.add(Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    private static Table jaccardTable(RunResults r) {
        List<List<String>> rows = new ArrayList<>();
        double[] t = r.jaccard().thresholds();
        for (int i = 0; i < t.length; i++) {
            rows.add(List.of(String.format(Locale.ROOT, "%.2f", t[i]), String.format(Locale.ROOT, "%.5f",
                    r.jaccard().means()[i]), Integer.toString(r.jaccard().images().size())));
        }
        return new Table(List.of("Threshold (τ)", "mean Jaccard", "tumour images"), rows);
    }
}
