package org.hqcm.engine.internal.explain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.Layer;
import org.hqcm.engine.internal.nn.LayerObserver;
import org.hqcm.engine.run.ExplanationMaps;
import org.hqcm.model.ExplanationMethod;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every explanation of a batch of images by a trained network, each for the class the network predicts: the spatial
 * attention map T_s of the forward pass, Grad-CAM on the last backbone block and on the attention-modulated features
 * F * (1 + T_s), and occlusion sensitivity; with the wall time each method took. Not thread-safe (it drives the
 * network's forward and backward passes).
 */
public final class Explainer {

    /** The explanation methods, in report order. */
    public enum Method {
        /** The spatial attention map T_s: a by-product of the forward pass that predicts. */
        ATTENTION,
        /** Grad-CAM on the output of the last backbone block, F. */
        GRAD_CAM,
        /** Grad-CAM on the attention's output F * (1 + T_s). */
        GRAD_CAM_ATTENDED,
        /** Occlusion sensitivity of the predicted class's probability. */
        OCCLUSION;

        /** The model's literal of this method (the same four). */
        public ExplanationMethod literal() {
            return switch (this) {
                case ATTENTION -> ExplanationMethod.ATTENTION;
                case GRAD_CAM -> ExplanationMethod.GRAD_CAM;
                case GRAD_CAM_ATTENDED -> ExplanationMethod.GRAD_CAM_ATTENDED;
                case OCCLUSION -> ExplanationMethod.OCCLUSION;
            };
        }

        /** How reports name the method ({@link ExplanationMaps#label}); the same in every run, so that runs pair by it. */
        public String label() {
            return ExplanationMaps.label(literal());
        }
    }

    /**
     * The maps of one image, each on its own grid (T_s and Grad-CAM at H/8, occlusion at the input's size); the
     * methods a network without attention cannot give are absent.
     */
    public record Maps(int predicted, Map<Method, float[][]> maps) {
        public float[][] get(Method m) {
            return maps.get(m);
        }
    }

    private final HybridNetwork net;
    private final Occlusion occlusion;
    private final int batch;
    private final long[] nanos = new long[Method.values().length];
    private int images;

    /** @param batch the largest forward pass, in images (the experiment's batch size) */
    public Explainer(HybridNetwork net, Occlusion occlusion, int batch) {
        this.net = net;
        this.occlusion = occlusion;
        this.batch = batch;
    }

    /** The methods this network has: all four with attention, Grad-CAM on the last block and occlusion without. */
    public List<Method> methods() {
        return net.attentionLayer() == null ? List.of(Method.GRAD_CAM, Method.OCCLUSION) : List.of(Method.values());
    }

    /** The layer a method reads (Grad-CAM) or that makes its map (T_s); null for occlusion. */
    public String layer(Method m) {
        return switch (m) {
            case ATTENTION, GRAD_CAM_ATTENDED -> net.attentionLayer();
            case GRAD_CAM -> net.lastBlock();
            case OCCLUSION -> null;
        };
    }

    /** Explains {@code n} images of S x S floats, row-major, one after another, in batches of at most the batch size. */
    public List<Maps> explain(float[] pixels, int n) {
        int size = net.config().imageSize();
        int per = size * size;
        List<Maps> out = new ArrayList<>(n);
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            float[] part = java.util.Arrays.copyOfRange(pixels, from * per, (from + m) * per);
            long t0 = System.nanoTime();
            HybridNetwork.Output o = net.forward(part, m, false);
            double[] logits = HostArrays.toDoubles(o.logits());
            double[] spatial = o.spatialMap() == null ? null : HostArrays.toDoubles(o.spatialMap());
            nanos[Method.ATTENTION.ordinal()] += System.nanoTime() - t0;
            int k = net.config().classes();
            int[] predicted = new int[m];
            for (int i = 0; i < m; i++) {
                for (int c = 1; c < k; c++) {
                    if (logits[i * k + c] > logits[i * k + predicted[i]]) {
                        predicted[i] = c;
                    }
                }
            }
            // both Grad-CAMs from one backward pass (the quantum head's runs once per forward); each method is charged
            // what it would cost alone: the backward pass down to its layer, then its own weighting of the feature maps
            String attention = net.attentionLayer();
            String after = attention == null ? null : layerAfter(attention);
            long[] attentionReady = {0};
            net.observeLayers(new LayerObserver() {
                @Override
                public void forwardDone(String layer) {
                }

                @Override
                public void backwardDone(String layer) {
                    if (layer.equals(after)) {
                        attentionReady[0] = System.nanoTime();
                    }
                }
            });
            long start = System.nanoTime();
            Map<String, INDArray> gradients;
            try {
                gradients = attention == null ? net.logitGradients(predicted, net.lastBlock())
                        : net.logitGradients(predicted, attention, net.lastBlock());
            } finally {
                net.observeLayers(null);
            }
            long backward = System.nanoTime() - start;
            float[][][] attended = null;
            if (attention != null) {
                long t = System.nanoTime();
                attended = GradCam.maps(net.output(attention), gradients.get(attention), attention);
                nanos[Method.GRAD_CAM_ATTENDED.ordinal()] += attentionReady[0] - start + System.nanoTime() - t;
            }
            long t = System.nanoTime();
            float[][][] block = GradCam.maps(net.output(net.lastBlock()), gradients.get(net.lastBlock()), net.lastBlock());
            nanos[Method.GRAD_CAM.ordinal()] += backward + System.nanoTime() - t;
            int fs = net.config().featureSize();
            for (int i = 0; i < m; i++) {
                Map<Method, float[][]> maps = new EnumMap<>(Method.class);
                if (spatial != null) {
                    float[][] ts = new float[fs][fs];
                    for (int p = 0; p < fs * fs; p++) {
                        ts[p / fs][p % fs] = (float) spatial[i * fs * fs + p];
                    }
                    maps.put(Method.ATTENTION, ts);
                    maps.put(Method.GRAD_CAM_ATTENDED, attended[i]);
                }
                maps.put(Method.GRAD_CAM, block[i]);
                out.add(new Maps(predicted[i], maps));
            }
            // occlusion last: its forward passes overwrite the outputs Grad-CAM read
            for (int i = 0; i < m; i++) {
                long t3 = System.nanoTime();
                float[] image = java.util.Arrays.copyOfRange(part, i * per, (i + 1) * per);
                float[][] map = occlusion.map(net, image, size, predicted[i], batch);
                nanos[Method.OCCLUSION.ordinal()] += System.nanoTime() - t3;
                out.get(from + i).maps().put(Method.OCCLUSION, map);
            }
        }
        images += n;
        return out;
    }

    /** The name of the layer after {@code layer}: its backward pass gives the gradient at {@code layer}'s output. */
    private String layerAfter(String layer) {
        List<Layer> layers = net.layers();
        for (int i = 0; i + 1 < layers.size(); i++) {
            if (layers.get(i).name().equals(layer)) {
                return layers.get(i + 1).name();
            }
        }
        throw new IllegalArgumentException("no layer after " + layer);
    }

    /** Images explained so far. */
    public int images() {
        return images;
    }

    /** Wall seconds a method took per image so far (NaN before any image). */
    public double secondsPerImage(Method m) {
        return images == 0 ? Double.NaN : nanos[m.ordinal()] / 1e9 / images;
    }

    /** Wall seconds a method took so far, over all images. */
    public double seconds(Method m) {
        return nanos[m.ordinal()] / 1e9;
    }
}
