package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Simulator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The gradient of a chosen class logit with respect to a layer's output (what Grad-CAM needs), after an
 * inference-mode forward pass, against central finite differences: the layer's output is perturbed and only the
 * layers after it are run again, in inference mode, in double precision.
 */
class LogitGradientTest {
    private static final int N = HybridNetworkGradientTest.N;
    private static final int[] CLASSES = {2, 0};

    /** A network whose BatchNorm running statistics have moved away from 0 / 1 (a training-mode forward first). */
    private static HybridNetwork trainedLooking(NetworkConfig config) {
        HybridNetwork net = HybridNetwork.create(config, DataType.DOUBLE);
        net.forward(HybridNetworkGradientTest.images(5), N, true);
        return net;
    }

    @Test
    void gradientAtTheLastBlockAndAtTheAttentionMatchesFiniteDifferences() {
        HybridNetwork net = trainedLooking(HybridNetworkGradientTest.tinyConfig(true));
        float[] x = HybridNetworkGradientTest.images(1);
        assertEquals("block3", net.lastBlock());
        assertEquals("attention", net.attentionLayer());
        int checked = check(net, x, net.lastBlock(), 1e-6, 1e-6, 1e-9);
        checked += check(net, x, net.attentionLayer(), 1e-6, 1e-6, 1e-9);
        checked += check(net, x, List.of(net.attentionLayer(), net.lastBlock()), 1e-6, 1e-6, 1e-9);
        assertTrue(checked >= 80, "checked " + checked);
    }

    @Test
    void gradientWithoutAttention() {
        HybridNetwork net = trainedLooking(HybridNetworkGradientTest.tinyConfig(false));
        assertEquals(null, net.attentionLayer());
        check(net, HybridNetworkGradientTest.images(2), net.lastBlock(), 1e-6, 1e-6, 1e-9);
    }

    /** The circuits take and give floats: a larger step and tolerance, as the quantum head's own layer check. */
    @Test
    void gradientThroughTheQuantumHead() {
        NetworkConfig config = new NetworkConfig(HybridNetworkGradientTest.S, List.of(4, 4, 2), true, 2, List.of(1, 3, 5),
                7, new HeadConfig.Quantum(CircuitSpec.paper(2, 1), 2, Simulator.STATEVECTOR), 3, 7L);
        HybridNetwork net = trainedLooking(config);
        // both layers from one backward pass: the circuits' backward runs once per forward
        check(net, HybridNetworkGradientTest.images(3), List.of(net.attentionLayer(), net.lastBlock()), 1e-3, 2e-3, 2e-4);
    }

    /** A backbone block keeps batch statistics: a gradient through it after an inference forward is refused. */
    @Test
    void refusesToGoBackThroughBatchNormAfterInference() {
        HybridNetwork net = trainedLooking(HybridNetworkGradientTest.tinyConfig(true));
        net.forward(HybridNetworkGradientTest.images(1), N, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.logitGradient("block2", CLASSES));
        assertTrue(e.getMessage().contains("block3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net.logitGradient("nonesuch", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> net.logitGradient("block3", new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> net.logitGradient("block3", new int[] {0, 3}));
    }

    private static int check(HybridNetwork net, float[] x, String layer, double h, double rel, double abs) {
        net.forward(x, N, false);
        INDArray analytic = net.logitGradient(layer, CLASSES).dup();
        return check(net, layer, analytic, net.output(layer).dup(), h, rel, abs);
    }

    /** The gradients at several layers from one forward and one backward pass. */
    private static int check(HybridNetwork net, float[] x, List<String> layers, double h, double rel, double abs) {
        net.forward(x, N, false);
        java.util.Map<String, INDArray> analytic = net.logitGradients(CLASSES, layers.toArray(String[]::new));
        assertEquals(layers.size(), analytic.size());
        java.util.Map<String, INDArray> activations = new java.util.LinkedHashMap<>();
        layers.forEach(l -> activations.put(l, net.output(l).dup()));
        int checked = 0;
        for (String l : layers) {
            checked += check(net, l, analytic.get(l), activations.get(l), h, rel, abs);
        }
        return checked;
    }

    /** Compares d logit[n, CLASSES[n]] / d output(layer) with central differences at sampled positions. */
    private static int check(HybridNetwork net, String layer, INDArray analytic, INDArray activation, double h,
            double rel, double abs) {
        int at = -1;
        for (int i = 0; i < net.layers().size(); i++) {
            if (net.layers().get(i).name().equals(layer)) {
                at = i;
            }
        }
        long perImage = activation.length() / N;
        Random pick = new Random(9);
        int checked = 0;
        for (int n = 0; n < N; n++) {
            for (int s = 0; s < 12; s++) {
                long i = n * perImage + pick.nextInt((int) perImage);
                double v = activation.getDouble(i);
                INDArray up = activation.dup();
                up.putScalar(i, v + h);
                INDArray down = activation.dup();
                down.putScalar(i, v - h);
                double numeric = (logit(net, at, up, n) - logit(net, at, down, n)) / (2 * h);
                double a = analytic.getDouble(i);
                assertEquals(numeric, a, abs + rel * Math.abs(numeric), layer + " output[" + i + "]");
                checked++;
            }
        }
        return checked;
    }

    /** logit[n, CLASSES[n]] with the layers after {@code at} run in inference mode on {@code activation}. */
    private static double logit(HybridNetwork net, int at, INDArray activation, int n) {
        INDArray y = activation.dup();
        for (int i = at + 1; i < net.layers().size(); i++) {
            y = net.layers().get(i).forward(y, false);
        }
        return y.getDouble(n, CLASSES[n]);
    }
}
