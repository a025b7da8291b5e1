package org.hqcm.engine.internal.train;

import java.util.Arrays;
import java.util.List;

import org.hqcm.engine.Cancellation;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.loss.CompositeLoss;
import org.hqcm.engine.internal.nn.loss.LossResult;
import org.hqcm.engine.internal.nn.loss.Softmax;

/**
 * The network in inference mode over a list of samples, in batches: probabilities, attention maps, head outputs
 * and, when a loss is given, the mean loss against the samples' labels and masks.
 */
public final class Inference {

    private final HybridNetwork net;
    private final int batchSize;
    private final CompositeLoss loss;
    private final double[] classWeights;
    private final Batch batch;

    /** @param loss the training loss for validation, or null when only predictions are wanted */
    public Inference(HybridNetwork net, int batchSize, CompositeLoss loss, double[] classWeights) {
        this.net = net;
        this.batchSize = batchSize;
        this.loss = loss;
        this.classWeights = classWeights == null ? null : classWeights.clone();
        int size = net.config().imageSize();
        this.batch = new Batch(batchSize, size, size / net.config().featureSize());
    }

    public HybridNetwork network() {
        return net;
    }

    /** The same inference on a copy of the network (weights and BatchNorm statistics), sharing no state with this one. */
    public Inference copy() {
        return new Inference(HybridNetwork.copyOf(net), batchSize, loss, classWeights);
    }

    /** Runs {@code samples[indices]}; loss and accuracy are NaN without a loss or without samples. */
    public Predictions run(List<Sample> samples, int[] indices) {
        int k = net.config().classes();
        int n = indices.length;
        int fs = net.config().featureSize();
        int headWidth = net.config().head().outputWidth();
        int[] labels = new int[n];
        int[] predicted = new int[n];
        double[] probabilities = new double[n * k];
        double[] allLogits = new double[n * k];
        double[] spatial = net.config().attention() ? new double[n * fs * fs] : null;
        double[] head = new double[n * headWidth];
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += batchSize) {
            Cancellation.check();
            int to = Math.min(n, from + batchSize);
            batch.fill(samples, indices, from, to, null, 0);
            int m = batch.n;
            HybridNetwork.Output out = net.forward(batch.images, m, false);
            double[] logits = HostArrays.toDoubles(out.logits());
            double[] map = out.spatialMap() == null ? null : HostArrays.toDoubles(out.spatialMap());
            if (loss != null) {
                LossResult r = loss.compute(logits, Arrays.copyOf(batch.labels, m), classWeights, map, batch.masks);
                lossSum += r.total() * m;
            }
            for (int i = 0; i < m; i++) {
                Softmax.row(logits, i * k, k, probabilities, (from + i) * k);
            }
            System.arraycopy(logits, 0, allLogits, from * k, m * k);
            for (int i = 0; i < m; i++) {
                labels[from + i] = batch.labels[i];
                predicted[from + i] = NetworkTrainer.argmax(logits, i * k, k);
                if (predicted[from + i] == labels[from + i]) {
                    correct++;
                }
            }
            if (map != null) {
                System.arraycopy(map, 0, spatial, from * fs * fs, m * fs * fs);
            }
            System.arraycopy(HostArrays.toDoubles(out.headOutput()), 0, head, from * headWidth, m * headWidth);
        }
        return new Predictions(indices.clone(), labels, predicted, probabilities, allLogits, k, spatial, fs, head, headWidth,
                n == 0 || loss == null ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : (double) correct / n);
    }
}
