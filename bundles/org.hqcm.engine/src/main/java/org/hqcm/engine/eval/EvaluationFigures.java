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
