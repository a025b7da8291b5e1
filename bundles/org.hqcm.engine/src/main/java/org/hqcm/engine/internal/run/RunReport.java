package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.eval.ExplanationComparison;
import org.hqcm.engine.eval.ExplanationScores;
import org.hqcm.engine.eval.HtmlReport;
import org.hqcm.engine.eval.ReportTables;
import org.hqcm.engine.eval.Table;
import org.hqcm.engine.eval.TestSetFingerprint;
import org.hqcm.engine.eval.WilcoxonSignedRank;
import org.hqcm.engine.quantum.CircuitResources;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.Calibration;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.Evaluation;
import org.hqcm.model.Experiment;
import org.hqcm.model.ExplanationScore;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.JaccardScore;
import org.hqcm.model.OodSource;
import org.hqcm.model.OutOfDistribution;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.validation.FeaturePaths;

/**
 * The self-contained HTML report of one run ({@value #FILE} in the run folder): Table 1, the confusion matrix in
 * counts and row-normalised, the attention Jaccard per threshold, the explanations beside T_s with their scores,
 * paired tests, costs and gallery, the calibration with its reliability diagram, the out-of-distribution thresholds
 * with the shares they flag, the training curves, the t-SNE, the attention gallery and the run's settings with what
 * each means. Built from the run folder's files only (record, predictions.csv, jaccard.csv, explanations.csv, the PNGs
 * in artefacts/),
 * so {@code hqcm report} rewrites exactly what the run wrote. It says nothing that changes after the test
 * evaluation (status, end time), for the same reason.
 */
public final class RunReport {

    public static final String FILE = RunFolder.REPORT;

    private RunReport() {
    }

    /** Rewrites the report of a completed run from its folder; returns the report's path. */
    public static Path write(Path runDir) {
        return write(runDir, new ArrayList<>());
    }

    /**
     * {@link #write(Path)}, adding to {@code skipped} each figure that was not embedded because it is a symbolic link
     * (with where it points): a run folder from someone else must not make the report carry another file.
     */
    public static Path write(Path runDir, List<String> skipped) {
        RunResults results = RunResults.read(runDir);
        Path written = write(results, skipped);
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
        return write(RunResults.of(folder, record), new ArrayList<>());
    }

    private static Path write(RunResults r, List<String> skipped) {
        Path target = r.folder().dir().resolve(FILE);
        try {
            build(r, skipped).write(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** What the leakage guard found and did, in one sentence. */
    static String duplicates(RunRecord record, Experiment e) {
        var ds = e.getDataset();
        String search = ds.getNearDuplicateDistance() < 0 ? "exact duplicates"
                : "exact and near duplicates (perceptual hashes within " + ds.getNearDuplicateDistance() + " bits)";
        if (ds.getSources().stream().allMatch(s -> s.getKind() == org.hqcm.model.SourceKind.SYNTHETIC)) {
            return "Leakage guard: the dataset is generated images only, which are not searched for copies.";
        }
        if (record.getDuplicateGroups() == 0) {
            return "Leakage guard: no copies found among the dataset's files (" + search + ").";
        }
        String done = switch (ds.getDuplicatePolicy()) {
            case GROUP -> "each group was kept in one split, like one patient's images";
            case DROP -> record.getDroppedDuplicates() + " copies were dropped, the first of each group kept";
            case FAIL -> "the run was refused";
        };
        return String.format(Locale.ROOT, "Leakage guard: %d groups of copies (%d images beyond the first of each) found"
                + " among the dataset's files (%s); policy %s: %s.", record.getDuplicateGroups(),
                record.getDuplicateImages(), search, ds.getDuplicatePolicy(), done);
    }

    static HtmlReport build(RunResults r) throws IOException {
        return build(r, new ArrayList<>());
    }

    static HtmlReport build(RunResults r, List<String> skipped) throws IOException {
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
        h = h.note(duplicates(record, e));
        for (String w : record.getDataWarnings()) {
            h = h.note("Warning: " + w + ".");
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
        if (e.getArchitecture().getHead() instanceof QuantumHead q) {
            h = quantumHead(h, q);
        }
        RunFolder f = r.folder();
        String a = "artefacts/";
        h = explanations(h, r, f, skipped);
        h = calibration(h, record, f, skipped);
        h = outOfDistribution(h, record, f, skipped);
        h = figure(h, "Fig 7: loss per epoch (train solid, validation dashed)", f, a + "loss.png", skipped);
        h = figure(h, "Fig 7: accuracy per epoch (train solid, validation dashed)", f, a + "accuracy.png", skipped);
        h = figure(h, "Gradient norm of the circuits' weights per epoch (mean over the epoch's batches, before "
                + "clipping)", f, a + TestEvaluation.QUANTUM_GRADIENT_FILE, skipped);
        String noise = NoiseGrid.FOLDER + "/";
        h = figure(h, "Test accuracy under noise and shots (hqcm noise; the backbone fixed, the circuits re-run)", f,
                noise + NoiseGrid.ACCURACY_PNG, skipped);
        h = figure(h, "Jaccard under noise and shots (classification, macro; attention Jaccard comes before the head)",
                f, noise + NoiseGrid.JACCARD_PNG, skipped);
        h = figure(h, "Fig 9: confusion matrix of the test split", f, a + "confusion.png", skipped);
        h = figure(h, "Fig 8: t-SNE of the head's outputs over the test split", f, a + "tsne.png", skipped);
        h = figure(h, "Fig 10: attention maps of tumour test images (input, mask, T_s, overlay)", f,
                a + TestEvaluation.GALLERY_FILE, skipped);
        return h.heading("Settings of this run").table(settings(e))
                .note("Every field of the experiment as it was run; the meanings are the model's documentation (hqcm.ecore).");
    }

    /** The experiment's fields: path, value and what the field means (its documentation in the model). */
    static Table settings(Experiment e) {
        List<List<String>> rows = new ArrayList<>();
        for (FeaturePaths.Value v : FeaturePaths.fields(e)) {
            rows.add(List.of(v.path(), v.text(), v.documentation()));
        }
        return new Table(List.of("setting", "value", "meaning"), rows);
    }

    /** The explanation methods' scores, their paired tests, costs and gallery. */
    private static HtmlReport explanations(HtmlReport h, RunResults r, RunFolder folder, List<String> skipped) throws IOException {
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
                folder, "artefacts/" + ExplanationEvaluation.GALLERY, skipped);
    }

    /** ECE, Brier and NLL of the test split, before and after temperature scaling, and the reliability diagram. */
    private static HtmlReport calibration(HtmlReport h, RunRecord record, RunFolder folder, List<String> skipped) throws IOException {
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
                folder, "artefacts/" + ConfidenceEvaluation.RELIABILITY, skipped);
    }

    /** The thresholds fixed on the validation split and the shares they flag, with the score distributions. */
    private static HtmlReport outOfDistribution(HtmlReport h, RunRecord record, RunFolder folder, List<String> skipped) throws IOException {
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
                folder, "artefacts/" + ConfidenceEvaluation.DISTRIBUTION, skipped);
    }

    private static String fixed(double v) {
        return ReportTables.fixed(v, 4);
    }

    private static String fixedShort(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** How the circuits ran (noise, gradient method, shots) and what they would cost on a device. */
    private static HtmlReport quantumHead(HtmlReport h, QuantumHead q) {
        CircuitSpec spec;
        try {
            spec = CircuitSpecs.of(q);
        } catch (RuntimeException ex) {
            return h.note("Quantum circuit resources: not available (" + ex.getMessage() + ").");
        }
        return h.heading("Quantum circuits: resources on a device").table(resourcesTable(spec, q.getCircuits()))
                .note(String.format(Locale.ROOT, "%d circuits of %d qubits and %d layers, %s simulator, gradient %s, "
                        + "%s, noise %s. Gates in the basis RY, RZ, CNOT (each Rot as RZ RY RZ) with S^dagger and H for "
                        + "the measurement basis; the amplitude embedding is decomposed into Mottonen's state "
                        + "preparation (hqcm circuit export writes it as OpenQASM).", q.getCircuits(), q.getQubits(),
                        q.getLayers(), q.getSimulator(), q.getGradientMethod(),
                        q.getShots() > 0 ? q.getShots() + " shots" : "exact expectations", spec.noise()));
    }

    /** Per circuit and for the whole layer. */
    public static Table resourcesTable(CircuitSpec spec, int circuits) {
        CircuitResources c = spec.resources();
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("depth", c.depth(), c.depth()));
        rows.add(row("CNOT depth", c.cnotDepth(), c.cnotDepth()));
        rows.add(row("gates", c.gates(), (long) c.gates() * circuits));
        rows.add(row("single-qubit gates", c.singleQubitGates(), (long) c.singleQubitGates() * circuits));
        rows.add(row("CNOTs", c.cnots(), (long) c.cnots() * circuits));
        rows.add(row("state preparation: RY / CNOT", c.preparationRotations() + " / " + c.preparationCnots(),
                (long) c.preparationRotations() * circuits + " / " + (long) c.preparationCnots() * circuits));
        rows.add(row("state preparation depth", c.preparationDepth(), c.preparationDepth()));
        rows.add(row("layers: Rot / CNOT", c.rotGates() + " / " + c.layerCnots(),
                (long) c.rotGates() * circuits + " / " + (long) c.layerCnots() * circuits));
        rows.add(row("measurement basis gates", c.basisGates(), (long) c.basisGates() * circuits));
        return new Table(List.of("resource", "per circuit", "layer (" + circuits + " circuits, in parallel)"), rows);
    }

    private static List<String> row(String name, Object perCircuit, Object layer) {
        return List.of(name, String.valueOf(perCircuit), String.valueOf(layer));
    }

    /** The figure RELATIVE (to the run folder) when it is the folder's own file; a link is skipped, said in the page and in skipped. */
    private static HtmlReport figure(HtmlReport h, String caption, RunFolder folder, String relative, List<String> skipped)
            throws IOException {
        var link = folder.link(relative);
        if (link.isPresent()) {
            String why = RunFolder.linkMessage(link.get());
            skipped.add(why);
            return h.heading(caption).note("Not shown: " + why + ".");
        }
        return folder.hasFile(relative) ? h.heading(caption).figure(caption, folder.dir().resolve(relative)) : h;
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
