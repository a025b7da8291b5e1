package org.hqcm.engine.internal.train;

import java.util.Arrays;

import org.hqcm.engine.NonFiniteException;
import org.hqcm.engine.internal.nn.HeadConfig;
import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.Parameter;
import org.hqcm.engine.internal.nn.loss.CompositeLoss;
import org.hqcm.engine.internal.nn.loss.LossResult;
import org.hqcm.engine.internal.nn.optim.GradientClipping;
import org.hqcm.engine.internal.nn.optim.Optimizer;

/**
 * One optimisation step on a batch: forward pass, composite loss, backward pass, global-norm clipping, optimizer step,
 * with a clear stop when anything stops being finite. The one step both the epoch loop ({@link NetworkTrainer}) and
 * {@code bench train} ({@link TrainStepBenchmark}) run.
 */
final class TrainingStep {

    /** Hears the end of each phase of a step after the network's own layers (the benchmark's timing). */
    interface Phases {
        void done(String phase);

        Phases NONE = phase -> {
        };
    }

    /**
     * The batch's mean loss, how many of its images the network classified correctly before the update, and the L2
     * norm of the circuits' weight gradient before clipping (0 for a classical head).
     */
    record Result(double loss, int correct, double quantumGradientNorm) {
    }

    private final HybridNetwork net;
    private final Optimizer optimizer;
    private final CompositeLoss loss;
    private final double clipNorm;
    private final double[] classWeights;
    private Phases phases = Phases.NONE;

    /** @param clipNorm global-norm clipping threshold, 0 = none */
    TrainingStep(HybridNetwork net, Optimizer optimizer, CompositeLoss loss, double clipNorm, double[] classWeights) {
        this.net = net;
        this.optimizer = optimizer;
        this.loss = loss;
        this.clipNorm = clipNorm;
        this.classWeights = classWeights.clone();
    }

    void observePhases(Phases phases) {
        this.phases = phases;
    }

    /** Runs the step on {@code batch}; {@code epoch} and {@code batchNumber} only name the step in messages. */
    Result run(Batch batch, int epoch, int batchNumber) {
        int n = batch.n;
        HybridNetwork.Output out;
        try {
            out = net.forward(batch.images, n, true);
        } catch (NonFiniteException e) {
            throw new TrainingDivergedException("epoch " + epoch + ", batch " + batchNumber
                    + ": the network's activations are no longer finite (" + e.getMessage()
                    + "); training stopped, the last good checkpoint is kept. Try a lower learning rate.");
        }
        double[] logits = HostArrays.toDoubles(out.logits());
        double[] map = out.spatialMap() == null ? null : HostArrays.toDoubles(out.spatialMap());
        LossResult r = loss.compute(logits, Arrays.copyOf(batch.labels, n), classWeights, map, batch.masks);
        if (!Double.isFinite(r.total())) {
            throw new TrainingDivergedException("epoch " + epoch + ", batch " + batchNumber + ": the loss is "
                    + r.total() + " (cross-entropy " + r.crossEntropy() + ", BCE " + r.bce() + ", Dice " + r.dice()
                    + "); training stopped, the last good checkpoint is kept. Try a lower learning rate.");
        }
        phases.done("loss");
        net.backward(r.dLogits(), r.dSpatialMap());
        double quantumNorm = quantumGradientNorm();
        double norm = GradientClipping.clipGlobalNorm(net.parameters(),
                clipNorm > 0 ? clipNorm : Double.POSITIVE_INFINITY);
        if (!Double.isFinite(norm)) {
            throw new TrainingDivergedException("epoch " + epoch + ", batch " + batchNumber
                    + ": the gradient norm is " + norm + "; training stopped before the weights were touched, "
                    + "the last good checkpoint is kept.");
        }
        phases.done("clip");
        optimizer.step(net.parameters());
        for (Parameter p : net.parameters()) {
            double bad = HostArrays.firstNonFinite(p.value());
            if (bad != 0) {
                throw new TrainingDivergedException("epoch " + epoch + ", batch " + batchNumber + ": parameter "
                        + p.name() + " became " + bad + " after the optimizer step (learning rate "
                        + optimizer.learningRate() + "); training stopped, the last good checkpoint is kept.");
            }
        }
        net.parametersChanged();
        phases.done("optimizer");
        return new Result(r.total(), correct(logits, batch.labels, n, net.config().classes()), quantumNorm);
    }

    /** The L2 norm of the circuits' weight gradient of the last backward pass (0 for a classical head). */
    private double quantumGradientNorm() {
        if (!(net.config().head() instanceof HeadConfig.Quantum)) {
            return 0;
        }
        double sum = 0;
        for (Parameter p : net.headParameters()) {
            for (double g : HostArrays.toDoubles(p.gradient())) {
                sum += g * g;
            }
        }
        return Math.sqrt(sum);
    }

    private static int correct(double[] logits, int[] labels, int n, int k) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (NetworkTrainer.argmax(logits, i * k, k) == labels[i]) {
                c++;
            }
        }
        return c;
    }
}
