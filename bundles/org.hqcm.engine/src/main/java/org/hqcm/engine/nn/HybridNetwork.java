package org.hqcm.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hqcm.engine.quantum.QuantumLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's hybrid network: backbone, optional dual attention, projection, head, classifier.
 *
 * <p>Not thread-safe; one instance trains one model. Activations are NHWC; flattening the attention
 * output is in (h, w, c) order, which only permutes the projection's rows relative to PyTorch's
 * (c, h, w). Activation buffers grow to the largest batch seen and are reused for smaller ones.
 */
public final class HybridNetwork {
    /** Result of a forward pass; arrays are valid until the next forward pass. */
    public record Output(INDArray logits, INDArray spatialMap, INDArray headOutput) {
    }

    private final NetworkConfig config;
    private final DataType dataType;
    private final PatchBlock first;
    private final List<ConvBlock> blocks = new ArrayList<>();
    private final DualAttention attention;
    private final Dense projection;
    private final Head head;
    private final Dense classifier;
    private final List<Parameter> parameters;
    private final SharedBuffer scratchA;
    private final SharedBuffer scratchB;
    private SharedBuffer ones;

    private int batch = -1;
    private INDArray features;
    private INDArray headInput;
    private boolean lastForwardTraining;
    private PhaseTimes times;

    /**
     * Records the wall time of each phase of forward and backward into {@code times} (null: off); the
     * caller starts the clock, each phase adds the time since the previous lap.
     */
    public void recordPhases(PhaseTimes times) {
        this.times = times;
    }

    private void lap(String phase) {
        if (times != null) {
            times.lap(phase);
        }
    }

    /**
     * Builds the network with freshly initialised weights: PyTorch's defaults (uniform in
     * +-1/sqrt(fan-in) for weights and biases, BatchNorm gamma 1 and beta 0) drawn from the seed; a
     * quantum head initialises its own weights from the same seed (uniform in [0, 2 pi), as PennyLane).
     */
    HybridNetwork(NetworkConfig config, DataType dataType, Head head) {
        this.config = config;
        this.dataType = dataType;
        first = new PatchBlock("block1", dataType, config.widths().get(0));
        int in = config.widths().get(0);
        for (int i = 1; i < config.widths().size(); i++) {
            blocks.add(new ConvBlock("block" + (i + 1), dataType, in, config.widths().get(i)));
            in = config.widths().get(i);
        }
        int c = config.featureChannels();
        attention = config.attention()
                ? new DualAttention("attention", dataType, c, config.reductionRatio(),
                        config.spatialKernels().stream().mapToInt(Integer::intValue).toArray(), config.fuseKernel())
                : null;
        int flat = config.featureSize() * config.featureSize() * c;
        projection = new Dense("projection", dataType, flat, config.head().projectionWidth());
        this.head = head;
        classifier = new Dense("classifier", dataType, head.outputWidth(), config.classes());
        List<Parameter> all = new ArrayList<>(first.parameters());
        blocks.forEach(b -> all.addAll(b.parameters()));
        if (attention != null) {
            all.addAll(attention.parameters());
        }
        all.addAll(projection.parameters());
        List<Parameter> headParams = head.parameters();
        all.addAll(headParams);
        all.addAll(classifier.parameters());
        parameters = Collections.unmodifiableList(all);
        scratchA = new SharedBuffer(dataType);
        scratchB = new SharedBuffer(dataType);
        initialise(config.seed(), head instanceof ClassicalHead ? List.of() : headParams);
    }

    /** A network with the head of {@code config}, in 32-bit floats. */
    public static HybridNetwork create(NetworkConfig config) {
        return create(config, DataType.FLOAT);
    }

    /** A network with the head of {@code config} in the given floating-point type (DOUBLE for gradient checks). */
    public static HybridNetwork create(NetworkConfig config, DataType dataType) {
        if (config.head() instanceof HeadConfig.Classical c) {
            return new HybridNetwork(config, dataType,
                    new ClassicalHead(dataType, c.projectionWidth(), c.width(), c.activation(), c.normalizedSlices()));
        }
        HeadConfig.Quantum q = (HeadConfig.Quantum) config.head();
        return new HybridNetwork(config, dataType,
                new QuantumHead(dataType, new QuantumLayer(q.circuit(), q.circuits(), q.simulator(), config.seed())));
    }

    public NetworkConfig config() {
        return config;
    }

    public DataType dataType() {
        return dataType;
    }

    /** All trainable parameters, in a fixed order (the export order). */
    public List<Parameter> parameters() {
        return parameters;
    }

    private void initialise(long seed, List<Parameter> ownInitialisation) {
        SplittableRandom random = new SplittableRandom(seed);
        double bound = 1.0;
        for (Parameter p : parameters) {
            if (ownInitialisation.contains(p)) {
                continue;
            }
            String name = p.name();
            if (name.endsWith(".gamma") || name.endsWith(".beta")) {
                continue; // set by the BatchNorm constructor
            }
            long[] shape = p.value().shape();
            if (name.endsWith(".weight")) {
                long out = shape[shape.length - 1];
                bound = 1.0 / Math.sqrt((double) p.size() / out);
            }
            double[] v = new double[(int) p.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (random.nextDouble() * 2 - 1) * bound;
            }
            HostArrays.copyIn(v, p.value());
        }
    }

    private void prepare(int n) {
        if (n == batch) {
            return;
        }
        int size = config.imageSize();
        first.prepare(n, size);
        long largest = 1;
        int s = size / 2;
        for (int i = 0; i < blocks.size(); i++) {
            largest = Math.max(largest, ConvBlock.activationLength(n, s, config.widths().get(i + 1)));
            s /= 2;
        }
        scratchA.reserve(largest);
        scratchB.reserve(largest);
        long onesLength = (long) n * (size / 2) * (size / 2);
        if (ones == null || ones.capacity() < onesLength) {
            ones = SharedBuffer.ones(dataType, onesLength);
        }
        s = size / 2;
        for (ConvBlock b : blocks) {
            b.prepare(n, s, scratchA, scratchB, ones);
            s /= 2;
        }
        batch = n;
    }

    /**
     * Forward pass of {@code n} images of S x S floats, row-major, one after another (N x 1 x S x S).
     * Training mode uses batch statistics and updates BatchNorm's running statistics; inference mode
     * uses the running statistics. The spatial map is [N, h*w] (null without attention).
     */
    public Output forward(float[] images, int n, boolean training) {
        int size = config.imageSize();
        if (n < 1 || images.length < n * size * size) {
            throw new IllegalArgumentException("expected " + n + " images of " + size + "x" + size
                    + " (" + n * size * size + " floats), got " + images.length);
        }
        prepare(n);
        INDArray x = first.forward(images, training);
        lap("forward.block1");
        for (int i = 0; i < blocks.size(); i++) {
            x = blocks.get(i).forward(x, training);
            lap("forward.block" + (i + 2));
        }
        features = x;
        INDArray refined = attention == null ? x : attention.forward(x);
        lap("forward.attention");
        INDArray z = projection.forward(refined.reshape(n, refined.length() / n));
        headInput = z;
        lap("forward.projection");
        INDArray q = head.forward(z);
        lap("forward.head");
        INDArray logits = classifier.forward(q);
        lastForwardTraining = training;
        INDArray map = attention == null ? null
                : attention.spatialMap().reshape(n, (long) config.featureSize() * config.featureSize());
        return new Output(logits, map, q);
    }

    /**
     * Backward pass of the last forward pass (which must have been in training mode): writes every
     * parameter's gradient. {@code dSpatialMap} is dL/dT_s as [N, h*w] (null when the loss has no
     * mask term or the network no attention).
     */
    public void backward(INDArray dLogits, INDArray dSpatialMap) {
        if (!lastForwardTraining) {
            throw new IllegalStateException("backward needs a training-mode forward pass");
        }
        int n = batch;
        int fs = config.featureSize();
        INDArray dq = classifier.backward(dLogits);
        INDArray dz = head.backward(dq);
        lap("backward.head");
        INDArray dRefined = projection.backward(dz).reshape(n, fs, fs, config.featureChannels());
        lap("backward.projection");
        INDArray d = attention == null ? dRefined
                : attention.backward(dRefined, dSpatialMap == null ? null : dSpatialMap.reshape(n, fs, fs, 1));
        lap("backward.attention");
        for (int i = blocks.size() - 1; i >= 0; i--) {
            d = blocks.get(i).backward(d);
            lap("backward.block" + (i + 2));
        }
        first.backward(d);
        lap("backward.block1");
    }

    /**
     * {@link #backward(INDArray, INDArray)} from host arrays, e.g. the gradients of a
     * {@link org.hqcm.engine.nn.loss.LossResult}: dLogits [N*K] and dSpatialMap [N*h*w] or null.
     */
    public void backward(double[] dLogits, double[] dSpatialMap) {
        INDArray logits = org.nd4j.linalg.factory.Nd4j.create(dataType, batch, config.classes());
        HostArrays.copyIn(dLogits, logits);
        INDArray map = null;
        if (dSpatialMap != null) {
            map = org.nd4j.linalg.factory.Nd4j.create(dataType, batch, (long) config.featureSize() * config.featureSize());
            HostArrays.copyIn(dSpatialMap, map);
        }
        backward(logits, map);
    }

    /** Tells the network that parameter values were changed from outside (optimizer step, import). */
    public void parametersChanged() {
        head.parametersChanged();
    }

    /** The projection z of the last forward pass, [N, projectionWidth]: what the head (the circuits) got. */
    public INDArray headInput() {
        return headInput;
    }

    /** The head's trainable parameters: the circuits' weights of a quantum head. */
    public List<Parameter> headParameters() {
        return head.parameters();
    }

    /**
     * The classifier applied to a head output [N, headWidth] given from outside (inference only): re-evaluating a
     * trained network's head under other conditions (noise, shots) without running the backbone again.
     */
    public INDArray classify(INDArray headOutput) {
        return classifier.forward(headOutput);
    }

    /** The backbone's output F of the last forward pass, [N, h, w, C]. */
    public INDArray features() {
        return features;
    }

    /**
     * Precise BatchNorm: training-mode forward passes between this call and
     * {@link #endBatchNormRecalibration()} set every running mean and variance to the average over those
     * batches, computed with the weights as they are now. Evaluation then uses the statistics of the
     * final weights rather than a momentum average over batches seen while the weights still moved.
     */
    public void beginBatchNormRecalibration() {
        norms().values().forEach(BatchNorm::beginRecalibration);
    }

    public void endBatchNormRecalibration() {
        norms().values().forEach(BatchNorm::endRecalibration);
    }

    private Map<String, BatchNorm> norms() {
        Map<String, BatchNorm> m = new LinkedHashMap<>();
        m.put("block1.bn", first.norm());
        for (int i = 0; i < blocks.size(); i++) {
            m.put("block" + (i + 2) + ".bn", blocks.get(i).norm());
        }
        return m;
    }

    /**
     * Parameters and BatchNorm running statistics as plain arrays by name (c order), for checkpoints.
     */
    public Map<String, double[]> exportState() {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            state.put(p.name(), HostArrays.toDoubles(p.value()));
        }
        for (Map.Entry<String, BatchNorm> e : norms().entrySet()) {
            state.put(e.getKey() + ".runningMean", HostArrays.toDoubles(e.getValue().runningMean()));
            state.put(e.getKey() + ".runningVar", HostArrays.toDoubles(e.getValue().runningVar()));
        }
        return state;
    }

    /** Restores what {@link #exportState()} gave; every name must be present with the right length. */
    public void importState(Map<String, double[]> state) {
        Map<String, INDArray> targets = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            targets.put(p.name(), p.value());
        }
        for (Map.Entry<String, BatchNorm> e : norms().entrySet()) {
            targets.put(e.getKey() + ".runningMean", e.getValue().runningMean());
            targets.put(e.getKey() + ".runningVar", e.getValue().runningVar());
        }
        for (Map.Entry<String, INDArray> e : targets.entrySet()) {
            double[] v = state.get(e.getKey());
            if (v == null || v.length != e.getValue().length()) {
                throw new IllegalArgumentException("network state: expected " + e.getValue().length()
                        + " values for " + e.getKey() + ", got " + (v == null ? "none" : v.length));
            }
        }
        for (Map.Entry<String, INDArray> e : targets.entrySet()) {
            HostArrays.copyIn(state.get(e.getKey()), e.getValue());
        }
        parametersChanged();
    }
}
