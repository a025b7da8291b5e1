package org.hqcm.engine.internal.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hqcm.engine.Cancellation;
import org.hqcm.engine.quantum.QuantumLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's hybrid network as a list of {@link Layer}s: backbone blocks, optional dual attention, projection,
 * head, classifier. A forward pass runs them in order, a backward pass in reverse; the attention's map T_s leaves
 * through its {@link Port} and its loss gradient comes back the same way.
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
    private final List<Layer> layers;
    private final DualAttention attention;
    private final Layer head;
    private final List<Parameter> parameters;
    private final List<BatchNorm> norms;
    private final List<String> normNames;
    private final Scratch scratch;
    // the images as the first layer reads them, and the loss gradients as the last layers read them
    private final SharedBuffer imageStore;
    private final SharedBuffer logitGradientStore;
    private final SharedBuffer mapGradientStore;
    private LayerObserver observer = LayerObserver.NONE;
    /** The last forward pass's output of each layer (views of the layers' own buffers, valid until the next one). */
    private final INDArray[] outputs;

    private int batch = -1;
    private INDArray headInput;
    private boolean lastForwardTraining;

    /**
     * Builds the network with freshly initialised weights: each layer draws its own from one random stream seeded
     * by the configuration, in layer order (PyTorch's defaults: uniform in +-1/sqrt(fan-in) for weights and biases,
     * BatchNorm gamma 1 and beta 0); a quantum head initialises its own weights from the same seed (uniform in
     * [0, 2 pi), as PennyLane).
     */
    private HybridNetwork(NetworkConfig config, DataType dataType) {
        this.config = config;
        this.dataType = dataType;
        scratch = new Scratch(dataType);
        List<Layer> list = new ArrayList<>();
        int size = config.imageSize();
        list.add(new PatchBlock("block1", dataType, config.widths().get(0), size));
        int in = config.widths().get(0);
        int s = size / 2;
        for (int i = 1; i < config.widths().size(); i++) {
            list.add(new ConvBlock("block" + (i + 1), dataType, in, config.widths().get(i), s, scratch));
            in = config.widths().get(i);
            s /= 2;
        }
        int c = config.featureChannels();
        int fs = config.featureSize();
        attention = config.attention()
                ? new DualAttention("attention", dataType, c, fs, config.reductionRatio(),
                        config.spatialKernels().stream().mapToInt(Integer::intValue).toArray(), config.fuseKernel())
                : null;
        if (attention != null) {
            list.add(attention);
        }
        list.add(new Dense("projection", dataType, fs * fs * c, config.head().projectionWidth()));
        head = head(config, dataType);
        list.add(head);
        list.add(new Dense("classifier", dataType, config.head().outputWidth(), config.classes()));
        layers = List.copyOf(list);
        outputs = new INDArray[layers.size()];

        List<Parameter> all = new ArrayList<>();
        List<BatchNorm> bn = new ArrayList<>();
        List<String> bnNames = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
            for (BatchNorm b : l.norms()) {
                bn.add(b);
                bnNames.add(l.name() + ".bn");
            }
        }
        parameters = Collections.unmodifiableList(all);
        norms = List.copyOf(bn);
        normNames = List.copyOf(bnNames);
        imageStore = new SharedBuffer(DataType.FLOAT);
        logitGradientStore = new SharedBuffer(dataType);
        mapGradientStore = new SharedBuffer(dataType);
        SplittableRandom random = new SplittableRandom(config.seed());
        for (Layer l : layers) {
            l.initialise(random);
        }
    }

    private static Layer head(NetworkConfig config, DataType dataType) {
        if (config.head() instanceof HeadConfig.Classical c) {
            return new ClassicalHeadLayer(dataType, c.projectionWidth(), c.width(), c.activation(), c.normalizedSlices());
        }
        HeadConfig.Quantum q = (HeadConfig.Quantum) config.head();
        return new QuantumHeadLayer(dataType, new QuantumLayer(q.circuit(), q.circuits(), q.simulator(), config.seed()));
    }

    /** A network with the head of {@code config}, in 32-bit floats. */
    public static HybridNetwork create(NetworkConfig config) {
        return create(config, DataType.FLOAT);
    }

    /** A network with the head of {@code config} in the given floating-point type (DOUBLE for gradient checks). */
    public static HybridNetwork create(NetworkConfig config, DataType dataType) {
        return new HybridNetwork(config, dataType);
    }

    /** A network of the same configuration and type with {@code other}'s parameters and BatchNorm statistics. */
    public static HybridNetwork copyOf(HybridNetwork other) {
        HybridNetwork copy = create(other.config, other.dataType);
        copy.importState(other.exportState());
        return copy;
    }

    public NetworkConfig config() {
        return config;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The layers in forward order. */
    public List<Layer> layers() {
        return layers;
    }

    /** All trainable parameters, in a fixed order (the export order). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Hears every layer finish its forward and backward pass (null: none). */
    public void observeLayers(LayerObserver observer) {
        this.observer = observer == null ? LayerObserver.NONE : observer;
    }

    private void prepare(int n) {
        if (n == batch) {
            return;
        }
        // the largest block first, so that the scratch the blocks share is allocated once
        long largest = 1;
        for (Layer l : layers) {
            if (l instanceof ConvBlock b) {
                largest = Math.max(largest, b.activationLength(n));
            }
        }
        scratch.reserve(largest);
        int size = config.imageSize();
        imageStore.reserve((long) n * size * size);
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
        INDArray x = imageStore.view(n, size, size, 1);
        HostArrays.copyIn(images, n * size * size, x);
        INDArray headOutput = null;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Cancellation.check(); // before every layer: a cancelled run stops within a layer, not after the batch
            if (l == head) {
                headInput = x;
            }
            x = l.forward(x, training);
            outputs[i] = x;
            if (l == head) {
                headOutput = x;
            }
            observer.forwardDone(l.name());
        }
        lastForwardTraining = training;
        INDArray map = attention == null ? null
                : attention.spatialMap().value().reshape(n, (long) config.featureSize() * config.featureSize());
        return new Output(x, map, headOutput);
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
        if (attention != null) {
            attention.spatialMap().gradient(dSpatialMap);
        }
        INDArray d = dLogits;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Cancellation.check();
            d = layers.get(i).backward(d);
            observer.backwardDone(layers.get(i).name());
        }
    }

    /**
     * {@link #backward(INDArray, INDArray)} from host arrays, e.g. the gradients of a
     * {@link org.hqcm.engine.internal.nn.loss.LossResult}: dLogits [N*K] and dSpatialMap [N*h*w] or null.
     */
    public void backward(double[] dLogits, double[] dSpatialMap) {
        long k = config.classes();
        logitGradientStore.reserve(batch * k);
        INDArray logits = logitGradientStore.view(batch, k);
        HostArrays.copyIn(dLogits, logits);
        INDArray map = null;
        if (dSpatialMap != null) {
            long cells = (long) config.featureSize() * config.featureSize();
            mapGradientStore.reserve(batch * cells);
            map = mapGradientStore.view(batch, cells);
            HostArrays.copyIn(dSpatialMap, map);
        }
        backward(logits, map);
    }

    /** The name of the last backbone block, whose output F the attention reads (Grad-CAM's usual layer). */
    public String lastBlock() {
        return "block" + config.widths().size();
    }

    /** The name of the attention layer, whose output is F * (1 + T_s); null without attention. */
    public String attentionLayer() {
        return attention == null ? null : attention.name();
    }

    /**
     * The output of the named layer in the last forward pass, [N, ...] (NHWC for the backbone and the attention);
     * valid until the next forward pass.
     */
    public INDArray output(String layer) {
        INDArray o = outputs[indexOf(layer)];
        if (o == null) {
            throw new IllegalStateException("no forward pass yet: the layer " + layer + " has no output");
        }
        return o;
    }

    private int indexOf(String layer) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layer)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no layer named " + layer + "; the network has "
                + layers.stream().map(Layer::name).toList());
    }

    /**
     * The gradient of one class logit per image, d logit[n, classes[n]] / d output(layer)[n], for the images of the
     * last forward pass (training or inference mode): {@link #logitGradients} for one layer.
     */
    public INDArray logitGradient(String layer, int[] classes) {
        return logitGradients(classes, layer).get(layer);
    }

    /**
     * The gradients of one class logit per image, d logit[n, classes[n]] / d output(layer)[n], at each of
     * {@code layers}, for the images of the last forward pass (training or inference mode): ONE backward pass from
     * that logit alone (the attention map's port gets no gradient) through the layers after the earliest of them,
     * keeping a copy of the gradient where it passes each asked-for layer (the quantum head's backward runs once per
     * forward). Each layer passed must allow a backward after an inference-mode forward
     * ({@link Layer#backwardAfterInference()}), so Grad-CAM reads the trained model as it predicts. The arrays are
     * shaped as {@link #output(String)}; the parameters' gradients are overwritten (as by any backward pass).
     */
    public Map<String, INDArray> logitGradients(int[] classes, String... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException("name at least one layer");
        }
        int at = Integer.MAX_VALUE;
        for (String l : layers) {
            int i = indexOf(l);
            if (outputs[i] == null) {
                throw new IllegalStateException("logitGradients needs a forward pass first");
            }
            at = Math.min(at, i);
        }
        int k = config.classes();
        if (classes.length != batch) {
            throw new IllegalArgumentException("expected one class per image of the last forward pass (" + batch
                    + "), got " + classes.length);
        }
        for (int i = at + 1; i < this.layers.size(); i++) {
            if (!lastForwardTraining && !this.layers.get(i).backwardAfterInference()) {
                throw new IllegalStateException("layer " + this.layers.get(i).name() + " has no backward pass after an "
                        + "inference-mode forward; take the gradient at a later layer");
            }
        }
        double[] oneHot = new double[batch * k];
        for (int n = 0; n < batch; n++) {
            if (classes[n] < 0 || classes[n] >= k) {
                throw new IllegalArgumentException("class " + classes[n] + " of image " + n + " is not in [0, " + k + ")");
            }
            oneHot[n * k + classes[n]] = 1;
        }
        logitGradientStore.reserve((long) batch * k);
        INDArray d = logitGradientStore.view(batch, k);
        HostArrays.copyIn(oneHot, d);
        if (attention != null) {
            attention.spatialMap().gradient(null);
        }
        List<String> wanted = List.of(layers);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = this.layers.size() - 1; i >= at; i--) {
            if (wanted.contains(this.layers.get(i).name())) {
                out.put(this.layers.get(i).name(), d.dup());
            }
            if (i > at) {
                d = this.layers.get(i).backward(d);
                observer.backwardDone(this.layers.get(i).name());
            }
        }
        return out;
    }

    /** Tells the network that parameter values were changed from outside (optimizer step, import). */
    public void parametersChanged() {
        layers.forEach(Layer::parametersChanged);
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
        return layers.get(layers.size() - 1).forward(headOutput, false);
    }

    /**
     * Precise BatchNorm: training-mode forward passes between this call and
     * {@link #endBatchNormRecalibration()} set every running mean and variance to the average over those
     * batches, computed with the weights as they are now. Evaluation then uses the statistics of the
     * final weights rather than a momentum average over batches seen while the weights still moved.
     */
    public void beginBatchNormRecalibration() {
        norms.forEach(BatchNorm::beginRecalibration);
    }

    public void endBatchNormRecalibration() {
        norms.forEach(BatchNorm::endRecalibration);
    }

    /**
     * Parameters and BatchNorm running statistics as plain arrays by name (c order), for checkpoints.
     */
    public Map<String, double[]> exportState() {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            state.put(p.name(), HostArrays.toDoubles(p.value()));
        }
        for (int i = 0; i < norms.size(); i++) {
            state.put(normNames.get(i) + ".runningMean", HostArrays.toDoubles(norms.get(i).runningMean()));
            state.put(normNames.get(i) + ".runningVar", HostArrays.toDoubles(norms.get(i).runningVar()));
        }
        return state;
    }

    /** Restores what {@link #exportState()} gave; every name must be present with the right length. */
    public void importState(Map<String, double[]> state) {
        Map<String, INDArray> targets = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            targets.put(p.name(), p.value());
        }
        for (int i = 0; i < norms.size(); i++) {
            targets.put(normNames.get(i) + ".runningMean", norms.get(i).runningMean());
            targets.put(normNames.get(i) + ".runningVar", norms.get(i).runningVar());
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
