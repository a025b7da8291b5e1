package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ConfusionMatrix;
import org.hqcm.engine.eval.HtmlReport;
import org.hqcm.engine.eval.ReportTables;
import org.hqcm.engine.eval.Table;
import org.hqcm.engine.eval.TestSetFingerprint;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.validation.FeaturePaths;

/**
 * The self-contained HTML report of one run ({@value #FILE} in the run folder): Table 1, the confusion matrix in
 * counts and row-normalised, the attention Jaccard per threshold, the training curves, the t-SNE, the attention
 * gallery and the run's settings with what each means. Built from the run folder's files only (record, predictions.csv, jaccard.csv, the PNGs in artefacts/),
 * so {@code hqcm report} rewrites exactly what the run wrote. It says nothing that changes after the test
 * evaluation (status, end time), for the same reason.
 */
public final class RunReport {

    public static final String FILE = RunFolder.REPORT;

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
        ConfusionMatrix cm = report.confusion();
        h = h.heading("Confusion matrix (rows: true class, columns: predicted)").table(confusionCounts(cm))
                .table(confusionShares(cm)).note("The second table is row-normalised: each row sums to 1.");
        if (r.jaccard() != null) {
            h = h.heading("Attention Jaccard (Table 2 for this run)").table(jaccardTable(r))
                    .note("T_s upsampled bilinearly to the input size, min-max normalised per image, binarised at "
                            + "value >= threshold, compared with the tumour mask; images without a tumour are not "
                            + "scored. Per-image values in jaccard.csv.");
        }
        Path a = r.folder().artefacts();
        h = figure(h, "Fig 7: loss per epoch (train solid, validation dashed)", a.resolve("loss.png"));
        h = figure(h, "Fig 7: accuracy per epoch (train solid, validation dashed)", a.resolve("accuracy.png"));
        h = figure(h, "Fig 9: confusion matrix of the test split", a.resolve("confusion.png"));
        h = figure(h, "Fig 8: t-SNE of the head's outputs over the test split", a.resolve("tsne.png"));
        h = figure(h, "Fig 10: attention maps of tumour test images (input, mask, T_s, overlay)",
                a.resolve(TestEvaluation.GALLERY_FILE));
        return h.heading("Settings of this run").table(settings(e))
                .note("Every field of the experiment as it was run; the meanings are the model's documentation (hqcm.ecore).");
    }

    /** The experiment's fields: path, value and what the field means (its documentation in the model). */
    static Table settings(Experiment e) {
        List<List<String>> rows = new ArrayList<>();
        for (FeaturePaths.Value v : FeaturePaths.values(e)) {
            rows.add(List.of(v.path(), v.text(), v.documentation()));
        }
        return new Table(List.of("setting", "value", "meaning"), rows);
    }

    private static HtmlReport figure(HtmlReport h, String caption, Path png) throws IOException {
        return Files.isRegularFile(png) ? h.heading(caption).figure(caption, png) : h;
    }

    static Table confusionCounts(ConfusionMatrix cm) {
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

    static Table confusionShares(ConfusionMatrix cm) {
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
