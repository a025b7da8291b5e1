package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVPrinter;
import org.hqcm.engine.eval.AttentionJaccard;
import org.hqcm.engine.eval.ClassMetrics;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.EvaluationFigures;
import org.hqcm.engine.eval.Tsne;
import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.io.CsvFormats;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.train.Predictions;
import org.hqcm.engine.run.AttentionExamples;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.TestImages;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunRecord;
import org.hqcm.model.TestMetrics;
import org.hqcm.model.resource.AtomicFiles;

/**
 * The test-split results of a run, into its record and folder: Table 1 metrics and the confusion matrix, attention
 * Jaccard per threshold (per-image values in {@code jaccard.csv}), training curves, the confusion heatmap and the
 * t-SNE of the head's outputs, the attention gallery (Fig 10, with its examples kept in
 * {@value AttentionExamples#FILE}), the calibration and out-of-distribution thresholds ({@link ConfidenceEvaluation}),
 * the explanations beside T_s ({@link ExplanationEvaluation}), and the run's self-contained HTML report
 * ({@value RunReport#FILE}).
 */
final class TestEvaluation {

    static final String JACCARD_FILE = RunFolder.JACCARD;
    static final String QUANTUM_GRADIENT_FILE = "quantum-gradient.png";
    static final String PREDICTIONS_FILE = RunFolder.PREDICTIONS;
    static final String GALLERY_FILE = "attention.png";
    /**
     * Most points of the t-SNE figure: its four n x n matrices take 32 n^2 bytes (200 MB at 2,500; the paper's test
     * split has 1,136 images), and a scatter of more points does not read better.
     */
    static final int TSNE_POINTS = 2500;

    private TestEvaluation() {
    }

    /**
     * {@code report} is Tribuo's evaluation of {@code test} (Table 1); the rest comes from the network's outputs on
     * the test and validation splits ({@code validation} fixes the temperature and the out-of-distribution thresholds)
     * and from {@code net} itself (the explanations). Returns the explanations' costs, null when none were made.
     */
    static ExplanationEvaluation.Costs write(RunFolder folder, RunRecord record, Experiment experiment, LoadedDataset data,
            Predictions test, Predictions validation, ClassificationReport report, HybridNetwork net, RunObserver observer) {
        List<String> classes = List.copyOf(experiment.getDataset().getClassNames());
        HqcmFactory f = HqcmFactory.eINSTANCE;
        TestMetrics m = f.createTestMetrics();
        m.setAccuracy(report.accuracy());
        m.setMacroPrecision(report.macro().precision());
        m.setMacroRecall(report.macro().recall());
        m.setMacroF1(report.macro().f1());
        m.setWeightedPrecision(report.weighted().precision());
        m.setWeightedRecall(report.weighted().recall());
        m.setWeightedF1(report.weighted().f1());
        m.setSupport((int) report.support());
        for (ClassMetrics c : report.perClass()) {
            var cm = f.createClassMetrics();
            cm.setClassName(c.name());
            cm.setPrecision(c.precision());
            cm.setRecall(c.recall());
            cm.setF1(c.f1());
            cm.setSupport((int) c.support());
            m.getClasses().add(cm);
        }
        record.setTestMetrics(m);
        var confusion = f.createConfusionMatrix();
        long[][] counts = report.confusion().counts();
        confusion.setSize(counts.length);
        for (long[] row : counts) {
            for (long v : row) {
                confusion.getCounts().add((int) v);
            }
        }
        record.setConfusionMatrix(confusion);
        try {
            writePredictions(folder.dir().resolve(PREDICTIONS_FILE), data.samples(), test, classes);
            record.getArtefacts().clear();
            artefact(record, "predictions", PREDICTIONS_FILE);
            TestImages.write(folder.dir().resolve(TestImages.FILE), testImages(data.samples(), test));
            artefact(record, "test images", TestImages.FILE);
            if (test.spatialMaps() != null) {
                jaccard(folder, record, experiment, data.samples(), test);
            }
            figures(folder, record, experiment, report, test);
            ConfidenceEvaluation.write(folder, record, experiment.getEvaluation(), classes, data.samples(), test, validation);
            ExplanationEvaluation.Costs costs = ExplanationEvaluation.write(folder, record, experiment.getEvaluation(),
                    classes, data.samples(), test, net, experiment.getTraining().getBatchSize(), observer);
            RunReport.write(folder, record);
            artefact(record, "report", RunReport.FILE);
            return costs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test results into " + folder.dir() + ": " + e.getMessage(), e);
        }
    }

    private static void jaccard(RunFolder folder, RunRecord record, Experiment experiment, List<Sample> samples,
            Predictions test) throws IOException {
        double[] thresholds = experiment.getEvaluation().getJaccardThresholds().stream().mapToDouble(Double::doubleValue)
                .toArray();
        int fs = test.mapSize();
        List<float[][]> maps = new ArrayList<>();
        List<float[][]> masks = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            float[][] map = new float[fs][fs];
            for (int y = 0; y < fs; y++) {
                for (int x = 0; x < fs; x++) {
                    map[y][x] = (float) test.spatialMaps()[(i * fs + y) * fs + x];
                }
            }
            maps.add(map);
            Sample s = samples.get(test.indices()[i]);
            int size = s.size();
            float[][] mask = new float[size][size];
            byte[] raw = s.mask();
            for (int p = 0; p < raw.length; p++) {
                mask[p / size][p % size] = raw[p] != 0 ? 1f : 0f;
            }
            masks.add(mask);
        }
        AttentionJaccard.Result r = new AttentionJaccard(thresholds).evaluate(maps, masks);
        record.getJaccard().clear();
        for (int t = 0; t < thresholds.length; t++) {
            var score = HqcmFactory.eINSTANCE.createJaccardScore();
            score.setThreshold(thresholds[t]);
            score.setMean(r.means()[t]);
            score.setImages(r.images().size());
            record.getJaccard().add(score);
        }
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(text, CsvFormats.RUN_FILE)) {
            List<String> header = new ArrayList<>(List.of("sample", "source"));
            for (double t : thresholds) {
                header.add(String.format(Locale.ROOT, "jaccard@%.2f", t));
            }
            csv.printRecord(header);
            for (AttentionJaccard.ImageScore s : r.images()) {
                int sample = test.indices()[s.image()];
                List<String> row = new ArrayList<>(List.of(String.valueOf(sample),
                        String.valueOf(samples.get(sample).source())));
                for (double v : s.values()) {
                    row.add(String.format(Locale.ROOT, "%.6f", v));
                }
                csv.printRecord(row);
            }
        }
        AtomicFiles.writeString(folder.dir().resolve(JACCARD_FILE), text.toString());
        artefact(record, "jaccard", JACCARD_FILE);
        attentionExamples(folder, record, experiment, samples, test, maps, masks, r);
    }

    /** Keeps the maps of a few tumour images (for later galleries) and draws this run's gallery (Fig 10). */
    private static void attentionExamples(RunFolder folder, RunRecord record, Experiment experiment,
            List<Sample> samples, Predictions test, List<float[][]> maps, List<float[][]> masks,
            AttentionJaccard.Result r) throws IOException {
        int count = experiment.getEvaluation().getAttentionExamples();
        boolean[] tumour = new boolean[test.size()];
        double[][] scores = new double[test.size()][];
        for (AttentionJaccard.ImageScore s : r.images()) {
            tumour[s.image()] = true;
            scores[s.image()] = s.values();
        }
        List<Integer> chosen = AttentionExamples.choose(test.labels(), tumour, count);
        if (chosen.isEmpty()) {
            return;
        }
        List<AttentionExamples.Example> examples = new ArrayList<>();
        for (int i : chosen) {
            Sample s = samples.get(test.indices()[i]);
            int size = s.size();
            float[][] image = new float[size][size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    image[y][x] = s.pixel(y, x);
                }
            }
            examples.add(new AttentionExamples.Example(test.indices()[i], test.labels()[i], image, masks.get(i),
                    maps.get(i), scores[i]));
        }
        AttentionExamples ex = new AttentionExamples(r.thresholds(), List.copyOf(examples));
        ex.write(folder.dir().resolve(AttentionExamples.FILE));
        artefact(record, "attention examples", AttentionExamples.FILE);
        Files.createDirectories(folder.artefacts());
        ex.writeGallery("Attention maps T_s (test tumour images)",
                List.copyOf(experiment.getDataset().getClassNames()), folder.artefacts().resolve(GALLERY_FILE));
        artefact(record, "attention gallery", "artefacts/" + GALLERY_FILE);
    }

    private static void writePredictions(Path file, List<Sample> samples, Predictions test, List<String> classes)
            throws IOException {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(text, CsvFormats.RUN_FILE)) {
            List<String> header = new ArrayList<>(List.of("sample", "source", "label", "predicted"));
            for (String c : classes) {
                header.add("p_" + c);
            }
            csv.printRecord(header);
            for (int i = 0; i < test.size(); i++) {
                int sample = test.indices()[i];
                Path source = samples.get(sample).source();
                // generated images have no file: say so rather than print "null"
                List<String> row = new ArrayList<>(List.of(String.valueOf(sample),
                        source == null ? "synthetic" : source.toString(), String.valueOf(test.labels()[i]),
                        String.valueOf(test.predicted()[i])));
                for (int k = 0; k < test.classes(); k++) {
                    row.add(String.format(Locale.ROOT, "%.6f", test.probabilities()[i * test.classes() + k]));
                }
                csv.printRecord(row);
            }
        }
        AtomicFiles.writeString(file, text.toString());
    }

    private static void figures(RunFolder folder, RunRecord record, Experiment experiment, ClassificationReport report,
            Predictions test) throws IOException {
        Path dir = folder.artefacts();
        Files.createDirectories(dir);
        List<EpochRecord> epochs = record.getEpochs();
        EvaluationFigures.lossCurves(epochs.stream().mapToDouble(EpochRecord::getTrainLoss).toArray(),
                epochs.stream().mapToDouble(EpochRecord::getValidationLoss).toArray(), "Loss", dir.resolve("loss.png"));
        EvaluationFigures.accuracyCurves(epochs.stream().mapToDouble(EpochRecord::getTrainAccuracy).toArray(),
                epochs.stream().mapToDouble(EpochRecord::getValidationAccuracy).toArray(), "Accuracy",
                dir.resolve("accuracy.png"));
        EvaluationFigures.confusion(report.confusion(), "Confusion matrix (test)", dir.resolve("confusion.png"));
        artefact(record, "loss curve", "artefacts/loss.png");
        artefact(record, "accuracy curve", "artefacts/accuracy.png");
        if (experiment.getArchitecture().getHead() instanceof org.hqcm.model.QuantumHead) {
            EvaluationFigures.quantumGradientNorm(epochs.stream().mapToDouble(EpochRecord::getQuantumGradientNorm)
                    .toArray(), "Gradient norm of the circuits' weights", dir.resolve(QUANTUM_GRADIENT_FILE));
            artefact(record, "quantum gradient norm", "artefacts/" + QUANTUM_GRADIENT_FILE);
        }
        artefact(record, "confusion matrix", "artefacts/confusion.png");
        // t-SNE holds n x n matrices: a test set above TSNE_POINTS is shown by every k-th image
        int step = (test.size() + TSNE_POINTS - 1) / TSNE_POINTS;
        int points = (test.size() + step - 1) / step;
        // t-SNE needs more points than its perplexity: a small test set gets the largest perplexity it allows
        double perplexity = Math.min(experiment.getEvaluation().getTsnePerplexity(), (points - 1) / 3.0);
        if (points >= 4) {
            int width = test.headWidth();
            double[] outputs = new double[points * width];
            int[] labels = new int[points];
            for (int i = 0; i < points; i++) {
                System.arraycopy(test.headOutputs(), i * step * width, outputs, i * width, width);
                labels[i] = test.labels()[i * step];
            }
            Tsne.Embedding embedding = Tsne.of(perplexity, experiment.getEvaluation().getTsneSeed())
                    .embed(outputs, width);
            EvaluationFigures.tsne(embedding, labels, report.classNames(), String.format(Locale.ROOT,
                    "t-SNE of the head's outputs (perplexity %.0f%s)", perplexity, step == 1 ? ""
                            : String.format(Locale.ROOT, ", every %d-th of %d test images", step, test.size())),
                    dir.resolve("tsne.png"));
            artefact(record, "t-SNE", "artefacts/tsne.png");
        }
    }

    static void artefact(RunRecord record, String name, String path) {
        var a = HqcmFactory.eINSTANCE.createArtefact();
        a.setName(name);
        a.setPath(path);
        record.getArtefacts().add(a);
    }

    /** The test split as {@link TestImages} stores it. */
    private static TestImages.Source testImages(List<Sample> samples, Predictions test) {
        return new TestImages.Source() {
            @Override
            public int count() {
                return test.size();
            }

            @Override
            public int size() {
                return samples.get(test.indices()[0]).size();
            }

            @Override
            public int mapSize() {
                return test.spatialMaps() == null ? 0 : test.mapSize();
            }

            @Override
            public double pixel(int i, int p) {
                Sample s = samples.get(test.indices()[i]);
                return s.pixel(p / s.size(), p % s.size());
            }

            @Override
            public boolean tumour(int i, int p) {
                return samples.get(test.indices()[i]).mask()[p] != 0;
            }

            @Override
            public double map(int i, int p) {
                int fs = test.mapSize();
                return test.spatialMaps()[i * fs * fs + p];
            }
        };
    }
}
