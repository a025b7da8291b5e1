package org.hqcm.engine.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.hqcm.engine.plot.Heatmap;
import org.hqcm.engine.plot.LineChart;
import org.hqcm.engine.plot.ScatterChart;

/**
 * The paper's figures from evaluation results, as PNG files: training curves (Fig 7), t-SNE scatter
 * (Fig 8) and confusion heatmaps (Fig 9). Sizes are fixed here so every run's figures match.
 */
public final class EvaluationFigures {

    static final int WIDTH = 800;
    static final int HEIGHT = 560;

    private EvaluationFigures() {
    }

    /** Fig 9: counts with row shares, shaded by the share of the true class. */
    public static void confusion(ConfusionCounts m, String title, Path png) throws IOException {
        Heatmap.confusion(title, m.classNames(), m.counts()).writePng(png, 640, 600);
    }

    /** Fig 7 (loss): train and validation loss per epoch. */
    public static void lossCurves(double[] trainLoss, double[] validationLoss, String title, Path png) throws IOException {
        LineChart.of(title).series("train", trainLoss).dashedSeries("validation", validationLoss).xLabel("epoch")
                .yLabel("loss").writePng(png, WIDTH, HEIGHT);
    }

    /** Fig 7 (accuracy): train and validation accuracy per epoch, on a 0..1 axis. */
    public static void accuracyCurves(double[] trainAccuracy, double[] validationAccuracy, String title, Path png)
            throws IOException {
        LineChart.of(title).series("train", trainAccuracy).dashedSeries("validation", validationAccuracy).yRange(0, 1)
                .xLabel("epoch").yLabel("accuracy").writePng(png, WIDTH, HEIGHT);
    }

    /**
     * The reliability diagram: accuracy against mean confidence per non-empty bin, one line per temperature
     * (results of one test split), and the diagonal of perfect calibration.
     */
    public static void reliability(List<String> names, List<CalibrationMetrics.Result> results, String title, Path png)
            throws IOException {
        LineChart c = LineChart.of(title).dashedSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        for (int i = 0; i < results.size(); i++) {
            List<CalibrationMetrics.Bin> bins = results.get(i).bins().stream().filter(b -> b.count() > 0).toList();
            c = c.series(names.get(i), bins.stream().mapToDouble(CalibrationMetrics.Bin::confidence).toArray(),
                    bins.stream().mapToDouble(CalibrationMetrics.Bin::accuracy).toArray());
        }
        c.yRange(0, 1).xLabel("confidence (mean of the bin's top-class probabilities)").yLabel("accuracy")
                .writePng(png, WIDTH, HEIGHT);
    }

    /** Bins of the score histograms. */
    static final int SCORE_BINS = 30;

    /**
     * The distribution of a score over several sets of images (validation, test, other sources): the share of each
     * set's images per bin of a common range, and the threshold as a vertical dashed line.
     */
    public static void scoreDistribution(List<String> names, List<double[]> scores, double threshold, String title,
            String xLabel, Path png) throws IOException {
        double lo = threshold;
        double hi = threshold;
        for (double[] s : scores) {
            for (double v : s) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double width = (hi - lo) / SCORE_BINS;
        double[] centres = new double[SCORE_BINS];
        for (int b = 0; b < SCORE_BINS; b++) {
            centres[b] = lo + (b + 0.5) * width;
        }
        LineChart c = LineChart.of(title);
        double top = 0;
        for (int i = 0; i < scores.size(); i++) {
            double[] share = new double[SCORE_BINS];
            for (double v : scores.get(i)) {
                if (Double.isFinite(v)) {
                    share[Math.min(SCORE_BINS - 1, (int) ((v - lo) / width))] += 1.0 / scores.get(i).length;
                }
            }
            for (double v : share) {
                top = Math.max(top, v);
            }
            c = c.series(names.get(i), centres, share);
        }
        c.dashedSeries("threshold", new double[] {threshold, threshold}, new double[] {0, Math.max(top, 1e-9)})
                .xLabel(xLabel).yLabel("share of the set's images").writePng(png, WIDTH, HEIGHT);
    }

    /**
     * The L2 norm of the loss gradient with respect to the circuits' weights, per epoch (mean over its batches): a
     * norm that falls towards 0 while the loss stays high is the barren-plateau signature.
     */
    public static void quantumGradientNorm(double[] norms, String title, Path png) throws IOException {
        LineChart.of(title).series("|dL/d circuit weights|", norms).xLabel("epoch").yLabel("gradient L2 norm")
                .writePng(png, WIDTH, HEIGHT);
    }

    /** Fig 8: the embedding coloured by true class. */
    public static void tsne(Tsne.Embedding embedding, int[] labels, List<String> classNames, String title, Path png)
            throws IOException {
        ScatterChart.of(title, embedding.points(), labels, classNames).xLabel("t-SNE 1").yLabel("t-SNE 2")
                .writePng(png, WIDTH, 600);
    }
}
