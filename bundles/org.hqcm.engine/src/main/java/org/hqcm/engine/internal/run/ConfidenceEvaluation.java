package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVPrinter;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.CalibrationMetrics;
import org.hqcm.engine.eval.EvaluationFigures;
import org.hqcm.engine.eval.OodScores;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.io.CsvFormats;
import org.hqcm.engine.internal.train.Predictions;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.Calibration;
import org.hqcm.model.Evaluation;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.OodScore;
import org.hqcm.model.OutOfDistribution;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.AtomicFiles;

/**
 * How far a run's confidence can be trusted (issue 17): the calibration of the test split (ECE over the experiment's
 * calibrationBins, Brier, NLL; with temperatureScaling also after a temperature fitted on the validation split), and
 * the out-of-distribution thresholds of both scores fixed on the validation split with the share of test images they
 * flag. Writes the record's {@link Calibration} and {@link OutOfDistribution}, the per-image {@value #CSV} (validation
 * and test: logits, calibrated probabilities, both scores, the flag), the reliability diagram and the score
 * distribution.
 */
final class ConfidenceEvaluation {

    static final String CSV = "confidence.csv";
    static final String RELIABILITY = "reliability.png";
    static final String DISTRIBUTION = "ood.png";
    static final String VALIDATION = "validation";
    static final String TEST = "test";

    private ConfidenceEvaluation() {
    }

    /** The engine's score of the model's literal. */
    static OodScores.Kind kind(OodScore s) {
        return switch (s) {
            case ENERGY -> OodScores.Kind.ENERGY;
            case MAX_SOFTMAX -> OodScores.Kind.MAX_SOFTMAX;
        };
    }

    /** How reports name a score. */
    static String label(OodScores.Kind k) {
        return switch (k) {
            case ENERGY -> "energy score";
            case MAX_SOFTMAX -> "maximum softmax probability";
        };
    }

    /** The thresholds the record holds. */
    static OodScores.Thresholds thresholds(RunRecord record) {
        OutOfDistribution o = record.getOutOfDistribution();
        if (o == null) {
            throw new BadInputException(record.getId() + ": the run has no out-of-distribution thresholds (made before "
                    + "they existed, or without validation images): rerun it");
        }
        return new OodScores.Thresholds(o.getMspThreshold(), o.getEnergyThreshold(),
                record.getExperiment().getEvaluation().getOodInDistributionShare());
    }

    /** The temperature predictions divide the logits by: the fitted one, or 1. */
    static double temperature(RunRecord record) {
        Calibration c = record.getCalibration();
        return c != null && c.isFitted() ? c.getTemperature() : 1;
    }

    static void write(RunFolder folder, RunRecord record, Evaluation settings, List<String> classNames,
            List<Sample> samples, Predictions test, Predictions validation) throws IOException {
        int k = test.classes();
        int bins = settings.getCalibrationBins();
        Calibration c = HqcmFactory.eINSTANCE.createCalibration();
        CalibrationMetrics.Result before = CalibrationMetrics.of(test.logits(), k, test.labels(), 1, bins);
        c.setImages(before.images());
        c.setEce(before.ece());
        c.setBrier(before.brier());
        c.setNll(before.nll());
        c.setValidationImages(validation.size());
        List<String> names = new ArrayList<>(List.of(String.format(Locale.ROOT, "as trained (ECE %.3f)", before.ece())));
        List<CalibrationMetrics.Result> curves = new ArrayList<>(List.of(before));
        double temperature = 1;
        if (settings.isTemperatureScaling() && validation.size() > 0) {
            temperature = CalibrationMetrics.fitTemperature(validation.logits(), k, validation.labels());
            CalibrationMetrics.Result after = CalibrationMetrics.of(test.logits(), k, test.labels(), temperature, bins);
            c.setFitted(true);
            c.setTemperature(temperature);
            c.setScaledEce(after.ece());
            c.setScaledBrier(after.brier());
            c.setScaledNll(after.nll());
            names.add(String.format(Locale.ROOT, "T = %.3f (ECE %.3f)", temperature, after.ece()));
            curves.add(after);
        }
        record.setCalibration(c);
        Files.createDirectories(folder.artefacts());
        EvaluationFigures.reliability(names, curves, String.format(Locale.ROOT,
                "Reliability of the test split (%d equal-width bins)", bins), folder.artefacts().resolve(RELIABILITY));
        TestEvaluation.artefact(record, "reliability diagram", "artefacts/" + RELIABILITY);

        OodScores.Kind kind = kind(settings.getOodScore());
        OodScores.Scores v = OodScores.of(validation.logits(), k, settings.getEnergyTemperature());
        OodScores.Scores t = OodScores.of(test.logits(), k, settings.getEnergyTemperature());
        OutOfDistribution o = HqcmFactory.eINSTANCE.createOutOfDistribution();
        OodScores.Thresholds thresholds = null;
        if (v.size() > 0) {
            thresholds = OodScores.fit(v, settings.getOodInDistributionShare());
            o.setMspThreshold(thresholds.maxSoftmax());
            o.setEnergyThreshold(thresholds.energy());
            o.setValidationImages(v.size());
            o.setValidationFlagged(thresholds.flaggedShare(kind, v));
            o.setTestImages(t.size());
            o.setTestFlagged(thresholds.flaggedShare(kind, t));
            record.setOutOfDistribution(o);
        }
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(text, CsvFormats.RUN_FILE)) {
            List<String> header = new ArrayList<>(List.of("split", "sample", "label", "predicted"));
            classNames.forEach(n -> header.add("logit_" + n));
            classNames.forEach(n -> header.add("p_" + n));
            header.addAll(List.of("max_softmax", "energy", "unlike_training_data"));
            csv.printRecord(header);
            rows(csv, VALIDATION, validation, v, thresholds, kind, temperature);
            rows(csv, TEST, test, t, thresholds, kind, temperature);
        }
        AtomicFiles.writeString(folder.dir().resolve(CSV), text.toString());
        TestEvaluation.artefact(record, "confidence and out-of-distribution scores", CSV);
        if (thresholds != null) {
            distribution(folder, record);
            TestEvaluation.artefact(record, "out-of-distribution scores", "artefacts/" + DISTRIBUTION);
        }
    }

    private static void rows(CSVPrinter csv, String split, Predictions p, OodScores.Scores s,
            OodScores.Thresholds thresholds, OodScores.Kind kind, double temperature) throws IOException {
        int k = p.classes();
        double[] z = new double[k];
        double[] prob = new double[k];
        for (int i = 0; i < p.size(); i++) {
            List<String> row = new ArrayList<>(List.of(split, String.valueOf(p.indices()[i]), String.valueOf(p.labels()[i]),
                    String.valueOf(p.predicted()[i])));
            for (int c = 0; c < k; c++) {
                row.add(String.format(Locale.ROOT, "%.6f", p.logits()[i * k + c]));
                z[c] = p.logits()[i * k + c] / temperature;
            }
            org.hqcm.engine.internal.nn.loss.Softmax.row(z, 0, k, prob, 0);
            for (double x : prob) {
                row.add(String.format(Locale.ROOT, "%.6f", x));
            }
            row.add(String.format(Locale.ROOT, "%.6f", s.maxSoftmax()[i]));
            row.add(String.format(Locale.ROOT, "%.6f", s.energy()[i]));
            row.add(thresholds == null ? "" : String.valueOf(thresholds.flagged(kind, s.maxSoftmax()[i], s.energy()[i])));
            csv.printRecord(row);
        }
    }

    /** The scores of one split (or source) as written: maximum softmax probability and energy. */
    static OodScores.Scores read(Path file, String split) {
        List<List<String>> rows = RunResults.rows(file, "split,sample,label,predicted");
        List<String> header = RunResults.header(file);
        int msp = header.indexOf("max_softmax");
        int energy = header.indexOf("energy");
        if (msp < 0 || energy < 0) {
            throw new BadInputException(file + ": no max_softmax and energy columns");
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.get(0).equals(split)) {
                out.add(new double[] {RunResults.number(file, i + 1, r.get(msp)), RunResults.number(file, i + 1, r.get(energy))});
            }
        }
        return new OodScores.Scores(out.stream().mapToDouble(x -> x[0]).toArray(),
                out.stream().mapToDouble(x -> x[1]).toArray());
    }

    /** Draws the distribution of the flagging score over validation, test and every other source the run scored. */
    static void distribution(RunFolder folder, RunRecord record) throws IOException {
        OodScores.Kind kind = kind(record.getExperiment().getEvaluation().getOodScore());
        OodScores.Thresholds th = thresholds(record);
        Path file = folder.dir().resolve(CSV);
        List<String> names = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (String split : List.of(VALIDATION, TEST)) {
            OodScores.Scores s = read(file, split);
            names.add(String.format(Locale.ROOT, "%s (%d, %.1f%% flagged)", split, s.size(), 100 * th.flaggedShare(kind, s)));
            scores.add(pick(kind, s));
        }
        for (OodSources.Source source : OodSources.read(folder)) {
            names.add(String.format(Locale.ROOT, "%s (%d, %.1f%% flagged)", source.name(), source.scores().size(),
                    100 * th.flaggedShare(kind, source.scores())));
            scores.add(pick(kind, source.scores()));
        }
        double threshold = kind == OodScores.Kind.ENERGY ? th.energy() : th.maxSoftmax();
        EvaluationFigures.scoreDistribution(names, scores, threshold, String.format(Locale.ROOT,
                "%s: threshold keeps %.0f%% of the validation images", label(kind), 100 * th.keep()),
                kind == OodScores.Kind.ENERGY ? "energy -T logsumexp(logits / T) (higher: less like the training data)"
                        : "maximum softmax probability (lower: less like the training data)",
                folder.artefacts().resolve(DISTRIBUTION));
    }

    static double[] pick(OodScores.Kind kind, OodScores.Scores s) {
        return switch (kind) {
            case ENERGY -> s.energy();
            case MAX_SOFTMAX -> s.maxSoftmax();
        };
    }
}
