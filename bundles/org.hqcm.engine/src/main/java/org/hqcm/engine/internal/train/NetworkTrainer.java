package org.hqcm.engine.internal.train;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.hqcm.engine.Cancellation;
import org.hqcm.engine.NonFiniteException;
import org.hqcm.engine.RunCancelledException;
import org.hqcm.engine.internal.data.Augmenter;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.loss.CompositeLoss;
import org.hqcm.engine.internal.nn.optim.Optimizer;

/**
 * The epoch loop. Shuffling and augmentation of epoch e depend only on (seed, e), and the state after each epoch
 * is complete, so a run resumed from its last checkpoint continues exactly as an uninterrupted one would.
 */
public final class NetworkTrainer {

    /** Hears what training does; every method is optional. */
    public interface Listener {
        default void batch(int epoch, int batch, int batches, double loss, double accuracy) {
        }

        /** After each epoch; {@code state} is complete (a checkpoint may be written from it). */
        default void epoch(EpochResult result, boolean improved, TrainingState state) {
        }

        default void warning(String message) {
        }
    }

    /** How training ended. */
    public enum Outcome { COMPLETED, STOPPED_EARLY, CANCELLED }

    /** The outcome and the final state (best weights restored unless cancelled). */
    public record Result(Outcome outcome, TrainingState state) {
    }

    private final HybridNetwork net;
    private final Optimizer optimizer;
    private final TrainingOptions options;
    private final Augmenter augmenter;
    private final double[] classWeights;
    private final Batch batch;
    private final TrainingStep step;
    private final Inference inference;

    public NetworkTrainer(HybridNetwork net, Optimizer optimizer, CompositeLoss loss, TrainingOptions options,
            Augmenter augmenter, double[] classWeights) {
        this.net = net;
        this.optimizer = optimizer;
        this.options = options;
        this.augmenter = augmenter;
        this.classWeights = classWeights.clone();
        int size = net.config().imageSize();
        this.batch = new Batch(options.batchSize(), size, size / net.config().featureSize());
        this.step = new TrainingStep(net, optimizer, loss, options.clipNorm(), this.classWeights);
        this.inference = new Inference(net, options.batchSize(), loss, this.classWeights);
    }

    /** A fresh state for this trainer's options. */
    public TrainingState newState() {
        return new TrainingState(options, net, optimizer);
    }

    /** Restores a checkpoint written from {@link TrainingState#toArrays} into this trainer's network and optimizer. */
    public TrainingState restore(java.util.Map<String, double[]> arrays) {
        return TrainingState.fromArrays(arrays, options, net, optimizer);
    }

    /**
     * Trains from {@code state} (fresh or restored) until max epochs, early stopping or cancellation. Cancellation is
     * checked before every batch and, through {@link Cancellation}, between the network's layers and in every long
     * loop below them; a cancelled epoch is dropped (the last epoch's state stays the truth).
     */
    public Result train(List<Sample> samples, Split split, TrainingState state, BooleanSupplier cancelled,
            Listener listener) {
        try {
            return Cancellation.during(cancelled, () -> epochs(samples, split, state, cancelled, listener));
        } catch (RunCancelledException e) {
            // thrown before the optimizer step or the epoch's bookkeeping: the state is that of the last epoch
            return new Result(Outcome.CANCELLED, state);
        }
    }

    private Result epochs(List<Sample> samples, Split split, TrainingState state, BooleanSupplier cancelled,
            Listener listener) {
        int[] train = split.train();
        int batches = (train.length + options.batchSize() - 1) / options.batchSize();
        while (!state.finished && state.epochsDone() < options.maxEpochs()) {
            int epoch = state.epochsDone() + 1;
            long t0 = System.nanoTime();
            int[] order = shuffled(train, epoch);
            double lossSum = 0;
            double gradientNormSum = 0;
            int correct = 0;
            int seen = 0;
            for (int b = 0; b < batches; b++) {
                if (cancelled.getAsBoolean()) {
                    return new Result(Outcome.CANCELLED, state);
                }
                int from = b * options.batchSize();
                int to = Math.min(order.length, from + options.batchSize());
                batch.fill(samples, order, from, to, augmenter, (long) epoch * samples.size());
                TrainingStep.Result r = step.run(batch, epoch, b + 1);
                lossSum += r.loss() * batch.n;
                gradientNormSum += r.quantumGradientNorm();
                correct += r.correct();
                seen += batch.n;
                listener.batch(epoch, b + 1, batches, lossSum / seen, (double) correct / seen);
            }
            if (options.recalibrationImages() > 0) {
                if (cancelled.getAsBoolean()) {
                    return new Result(Outcome.CANCELLED, state);
                }
                recalibrateBatchNorm(samples, train);
            }
            Predictions val = predict(samples, split.validation());
            double seconds = (System.nanoTime() - t0) / 1e9;
            EpochResult result = new EpochResult(epoch, lossSum / seen, (double) correct / seen, val.loss(),
                    val.accuracy(), optimizer.learningRate(), seconds, gradientNormSum / batches);
            state.history.add(result);
            PlateauSchedule.Decision d = state.schedule.observe(epoch, val.loss(), optimizer.learningRate());
            if (d.improved()) {
                state.bestNetwork = net.exportState();
            }
            if (d.learningRate() != optimizer.learningRate()) {
                listener.warning(String.format(java.util.Locale.ROOT,
                        "epoch %d: validation loss has not improved for %d epochs; learning rate %.3g -> %.3g",
                        epoch, options.plateauPatience() + 1, optimizer.learningRate(), d.learningRate()));
                optimizer.setLearningRate(d.learningRate());
            }
            boolean stop = d.stop() || epoch == options.maxEpochs();
            if (stop) {
                restoreBest(state);
                state.finished = true;
            }
            listener.epoch(result, d.improved(), state);
            if (d.stop()) {
                return new Result(Outcome.STOPPED_EARLY, state);
            }
        }
        if (!state.finished) {
            restoreBest(state);
            state.finished = true;
        }
        return new Result(Outcome.COMPLETED, state);
    }

    /** Precise BatchNorm over the first training images in split order, unaugmented (the same every epoch). */
    private void recalibrateBatchNorm(List<Sample> samples, int[] train) {
        int images = Math.min(train.length, options.recalibrationImages());
        net.beginBatchNormRecalibration();
        try {
            for (int from = 0; from < images; from += options.batchSize()) {
                Cancellation.check();
                batch.fill(samples, train, from, Math.min(images, from + options.batchSize()), null, 0);
                net.forward(batch.images, batch.n, true);
            }
        } finally {
            net.endBatchNormRecalibration();
        }
    }

    private void restoreBest(TrainingState state) {
        if (state.bestNetwork != null) {
            net.importState(state.bestNetwork);
            net.parametersChanged();
        }
    }

    /** Inference over {@code indices}: probabilities, maps, head outputs, mean loss and accuracy. */
    public Predictions predict(List<Sample> samples, int[] indices) {
        return inference.run(samples, indices);
    }

    private int[] shuffled(int[] indices, int epoch) {
        int[] order = indices.clone();
        SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static int argmax(double[] v, int offset, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
