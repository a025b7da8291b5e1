package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ConfusionCounts;
import org.hqcm.engine.eval.Table;
import org.hqcm.engine.internal.data.DatasetLoader;
import org.hqcm.engine.internal.data.LeakageGuard;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.engine.plot.LineChart;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.quantum.NoiseModel;
import org.hqcm.engine.quantum.QuantumLayer;
import org.hqcm.engine.quantum.Simulator;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.AtomicFiles;
import org.hqcm.model.resource.HqcmResources;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How much hardware noise a trained model survives: its test split re-evaluated with the quantum head under each
 * noise channel at each strength and each shot count, without retraining. The backbone, attention and projection are
 * run once (their output z does not depend on the head); for every grid point the circuits run on z with the trained
 * weights under that noise (one channel at a time, the others 0, replacing whatever noise the model trained with), then
 * the trained classifier. Gate noise is simulated with density matrices, readout error and shots on the state vector.
 *
 * <p>Attention Jaccard (Table 2) is measured on T_s, which comes before the head: noise in the circuits cannot change
 * it, so it is reported once (from the run's jaccard.csv). The Jaccard that does move is the classification's: per
 * class TP / (TP + FP + FN), averaged over the classes (macro).
 */
public final class NoiseGrid {

    /** Folder of a run where {@code hqcm noise} writes by default. */
    public static final String FOLDER = "noise";
    static final String CSV = "noise.csv";
    static final String ACCURACY_PNG = "noise-accuracy.png";
    static final String JACCARD_PNG = "noise-jaccard.png";

    /** A noise channel swept over strengths, named as the quantum head's field. */
    public enum Channel {
        DEPOLARIZING("depolarizing"), AMPLITUDE_DAMPING("amplitudeDamping"), PHASE_DAMPING("phaseDamping"),
        READOUT("readout");

        private final String field;

        Channel(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** This channel alone at {@code strength} (readout: on every wire). */
        public NoiseModel at(double strength) {
            return switch (this) {
                case DEPOLARIZING -> NoiseModel.gates(strength, 0, 0);
                case AMPLITUDE_DAMPING -> NoiseModel.gates(0, strength, 0);
                case PHASE_DAMPING -> NoiseModel.gates(0, 0, strength);
                case READOUT -> new NoiseModel(0, 0, 0, new double[] {strength});
            };
        }

        /** By field name, ignoring case, '-' and '_' (readoutError also names READOUT). */
        public static Channel parse(String s) {
            String key = s.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            for (Channel c : values()) {
                if (c.field.toLowerCase(Locale.ROOT).equals(key) || (c == READOUT && key.equals("readouterror"))) {
                    return c;
                }
            }
            throw new BadInputException("noise channel '" + s + "': expected depolarizing, amplitudeDamping, "
                    + "phaseDamping or readout");
        }
    }

    /** What to sweep; {@code seed} seeds the shot sampling of every point. */
    public record Setup(List<Channel> channels, double[] strengths, int[] shots, long seed) {
        public Setup {
            if (channels.isEmpty() || strengths.length == 0 || shots.length == 0) {
                throw new BadInputException("a noise grid needs at least one channel, one strength and one shot count");
            }
            for (double s : strengths) {
                if (!(s >= 0 && s <= 1)) {
                    throw new BadInputException("noise strength " + s + ": expected a probability in [0, 1]");
                }
            }
            for (int n : shots) {
                if (n < 0) {
                    throw new BadInputException("shots " + n + ": expected 0 (exact expectations) or a positive count");
                }
            }
            channels = List.copyOf(channels);
            strengths = strengths.clone();
            shots = shots.clone();
        }
    }

    /** One grid point's test metrics. */
    public record Point(Channel channel, double strength, int shots, double accuracy, double macroF1,
            double macroJaccard, String simulator, double seconds) {
    }

    /** The classical counterpart's test results, the reference line. */
    public record Reference(String run, double accuracy, double macroJaccard) {
    }

    /**
     * @param recordedAccuracy the run's test accuracy as recorded
     * @param reproducedAccuracy the same test split through the reloaded model (must equal the recorded one)
     * @param thresholds     attention Jaccard thresholds, with {@code attentionJaccard} their means (null: no attention)
     */
    public record Result(String run, int testImages, double recordedAccuracy, double reproducedAccuracy,
            List<Point> points, Reference classical, double[] thresholds, double[] attentionJaccard) {
    }

    private NoiseGrid() {
    }

    /** Evaluates the grid on the completed run in {@code runDir}; {@code classicalDir} may be null. */
    public static Result run(Path runDir, Path classicalDir, Setup setup, Consumer<String> progress) {
        RunResults results = RunResults.read(runDir);
        RunRecord record = results.record();
        Experiment e = record.getExperiment();
        if (!(e.getArchitecture().getHead() instanceof QuantumHead head)) {
            throw new BadInputException(runDir + ": the run has a classical head; the noise grid needs a quantum head "
                    + "(give the classical run as --classical)");
        }
        Reference classical = classicalDir == null ? null : reference(classicalDir, results);
        progress.accept("loading the test split of " + results.name());
        var ds = e.getDataset();
        LeakageGuard.Result guarded = ExperimentMapping.guard(e, DatasetLoader.load(ExperimentMapping.sources(e,
                results.folder().dir()), ds.getImageSize(), e.getSeed(), LoadOptions.defaults()
                        .withRequiredClasses(EnumSet.allOf(TumourClass.class)).withMaxImagePixels(ds.getMaxImagePixels())));
        LoadedDataset data = guarded.dataset();
        String known = record.getProvenance().getDatasetFingerprint();
        if (known != null && !known.isEmpty() && !known.equals(data.fingerprint())) {
            throw new BadInputException(runDir + ": the dataset changed since the run (fingerprint " + data.fingerprint()
                    + ", recorded " + known + "); the test split cannot be rebuilt");
        }
        Split split = ExperimentMapping.split(e, guarded);
        int[] test = split.test();
        if (!Arrays.equals(test, results.sampleIds())) {
            throw new BadInputException(runDir + ": the rebuilt test split (" + test.length + " images) is not the one "
                    + "in predictions.csv (" + results.sampleIds().length + " images)");
        }
        TrainedModel model = TrainedModel.load(results.folder());
        double reproduced = model.inference().run(data.samples(), test).accuracy();
        float[] z = model.headInputs(data.samples(), test);
        int[] labels = results.labels();
        double[] weights = model.circuitWeights();
        CircuitSpec trained = CircuitSpecs.of(head);
        int batch = e.getTraining().getBatchSize();
        List<Point> points = new ArrayList<>();
        for (Channel channel : setup.channels()) {
            for (int shots : setup.shots()) {
                for (double strength : setup.strengths()) {
                    long t0 = System.nanoTime();
                    NoiseModel noise = channel.at(strength);
                    CircuitSpec spec = trained.withShots(shots).withNoise(noise)
                            .withGradient(org.hqcm.engine.quantum.GradientMethod.ADJOINT);
                    Simulator sim = noise.hasGateNoise() ? Simulator.DENSITY_MATRIX : Simulator.STATEVECTOR;
                    int[] predicted = predict(model.inference().network(), spec, head.getCircuits(), sim, weights, z,
                            test.length, batch, setup.seed());
                    ClassificationReport report = ClassificationReport.of(labels, predicted, results.classNames());
                    Point p = new Point(channel, strength, shots, report.accuracy(), report.macro().f1(),
                            macroJaccard(report.confusion()), sim.id(), (System.nanoTime() - t0) / 1e9);
                    points.add(p);
                    progress.accept(String.format(Locale.ROOT, "%-16s %-8s %-6s accuracy %.4f  macro-F1 %.4f  "
                            + "Jaccard %.4f  (%s, %.1f s)", channel.field(), format(strength),
                            shots == 0 ? "exact" : shots + "", p.accuracy(), p.macroF1(), p.macroJaccard(), p.simulator(),
                            p.seconds()));
                }
            }
        }
        double[] thresholds = results.jaccard() == null ? null : results.jaccard().thresholds();
        double[] means = results.jaccard() == null ? null : results.jaccard().means();
        return new Result(results.name(), test.length, record.getTestMetrics().getAccuracy(), reproduced,
                List.copyOf(points), classical, thresholds, means);
    }

    private static Reference reference(Path classicalDir, RunResults quantum) {
        RunResults c = RunResults.read(classicalDir);
        c.checkComparableWith(quantum);
        ClassificationReport r = c.report();
        return new Reference(c.name(), r.accuracy(), macroJaccard(r.confusion()));
    }

    /** The circuits on z under {@code spec}, then the trained classifier; predicted classes in test order. */
    private static int[] predict(HybridNetwork net, CircuitSpec spec, int circuits, Simulator sim, double[] weights,
            float[] z, int images, int batch, long seed) {
        QuantumLayer layer = new QuantumLayer(spec, circuits, sim, seed);
        System.arraycopy(weights, 0, layer.parameters(), 0, weights.length);
        int width = layer.inputWidth();
        int k = net.config().classes();
        int[] predicted = new int[images];
        for (int from = 0; from < images; from += batch) {
            int m = Math.min(batch, images - from);
            float[] out = layer.forward(Arrays.copyOfRange(z, from * width, (from + m) * width), m);
            INDArray q = Nd4j.create(net.dataType(), m, layer.outputWidth());
            HostArrays.copyIn(out, q);
            double[] logits = HostArrays.toDoubles(net.classify(q));
            for (int i = 0; i < m; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (logits[i * k + j] > logits[i * k + best]) {
                        best = j;
                    }
                }
                predicted[from + i] = best;
            }
        }
        return predicted;
    }

    /** Mean over classes of TP / (TP + FP + FN); classes neither present nor predicted are left out. */
    static double macroJaccard(ConfusionCounts m) {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < m.classCount(); c++) {
            long tp = m.truePositives(c);
            long union = m.support(c) + m.predicted(c) - tp;
            if (union > 0) {
                sum += (double) tp / union;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /**
     * Writes noise.csv, the two summary figures (accuracy and Jaccard per channel, exact expectations or the first shot
     * count) and, with several shot counts, one accuracy figure per channel over them, each atomically; returns the
     * files.
     */
    public static List<Path> write(Result r, Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> header = new ArrayList<>(List.of("channel", "strength", "shots", "accuracy", "macroF1",
                    "macroJaccard", "simulator", "seconds"));
            if (r.thresholds() != null) {
                for (double t : r.thresholds()) {
                    header.add(String.format(Locale.ROOT, "attentionJaccard@%.2f", t));
                }
            }
            List<List<String>> rows = new ArrayList<>();
            for (Point p : r.points()) {
                List<String> row = new ArrayList<>(List.of(p.channel().field(), format(p.strength()),
                        Integer.toString(p.shots()), f(p.accuracy()), f(p.macroF1()), f(p.macroJaccard()), p.simulator(),
                        String.format(Locale.ROOT, "%.3f", p.seconds())));
                if (r.thresholds() != null) {
                    for (double m : r.attentionJaccard()) {
                        row.add(f(m));
                    }
                }
                rows.add(row);
            }
            Path csv = dir.resolve(CSV);
            AtomicFiles.writeString(csv, new Table(header, rows).toCsv());
            // one colour per channel: the summary figures at one shot count, a figure per channel over the shot counts
            List<Integer> shotCounts = r.points().stream().map(Point::shots).distinct().toList();
            int summaryShots = shotCounts.contains(0) ? 0 : shotCounts.get(0);
            List<Channel> channels = r.points().stream().map(Point::channel).distinct().toList();
            String at = summaryShots == 0 ? "exact expectations" : summaryShots + " shots";
            List<Path> written = new ArrayList<>(List.of(csv));
            Path accuracy = dir.resolve(ACCURACY_PNG);
            chart(r, "Test accuracy under noise (" + at + ")", "accuracy", Point::accuracy,
                    r.classical() == null ? Double.NaN : r.classical().accuracy(), false, channels, List.of(summaryShots))
                    .writePng(accuracy, 900, 600);
            written.add(accuracy);
            Path jaccard = dir.resolve(JACCARD_PNG);
            chart(r, "Jaccard under noise (" + at + ")", "Jaccard index", Point::macroJaccard,
                    r.classical() == null ? Double.NaN : r.classical().macroJaccard(), true, channels,
                    List.of(summaryShots)).writePng(jaccard, 900, 600);
            written.add(jaccard);
            if (shotCounts.size() > 1) {
                for (Channel c : channels) {
                    Path file = dir.resolve("noise-accuracy-" + c.field() + ".png");
                    chart(r, "Test accuracy under " + c.field() + " noise and shots", "accuracy",
                            Point::accuracy, r.classical() == null ? Double.NaN : r.classical().accuracy(), false,
                            List.of(c), shotCounts).writePng(file, 900, 600);
                    written.add(file);
                }
            }
            return List.copyOf(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the noise grid into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * One line per channel and shot count over the strengths (finite shots dashed); the classical run and, for the
     * Jaccard, the attention Jaccard as flat dashed lines.
     */
    private static LineChart chart(Result r, String title, String yLabel, java.util.function.ToDoubleFunction<Point> y,
            double classical, boolean withAttention, List<Channel> channels, List<Integer> shotCounts) {
        LineChart chart = LineChart.of(title).xLabel("noise strength (probability per gate, readout: per wire)")
                .yLabel(yLabel).yRange(0, 1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Channel c : channels) {
            for (int shots : shotCounts) {
                List<Point> line = r.points().stream().filter(p -> p.channel() == c && p.shots() == shots).toList();
                double[] xs = line.stream().mapToDouble(Point::strength).toArray();
                double[] ys = line.stream().mapToDouble(y).toArray();
                for (double x : xs) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                String name = c.field() + (yLabel.startsWith("Jaccard") ? " (classification)" : "")
                        + (shots == 0 ? (shotCounts.size() > 1 ? ", exact" : "") : ", " + shots + " shots");
                chart = shots == 0 ? chart.series(name, xs, ys) : chart.dashedSeries(name, xs, ys);
            }
        }
        if (!Double.isNaN(classical)) {
            chart = chart.dashedSeries("classical counterpart", new double[] {lo, hi},
                    new double[] {classical, classical});
        }
        if (withAttention && r.thresholds() != null) {
            for (int i = 0; i < r.thresholds().length; i++) {
                chart = chart.dashedSeries(String.format(Locale.ROOT, "attention tau=%.2f (before the head)",
                        r.thresholds()[i]), new double[] {lo, hi},
                        new double[] {r.attentionJaccard()[i], r.attentionJaccard()[i]});
            }
        }
        return chart;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    static String format(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
