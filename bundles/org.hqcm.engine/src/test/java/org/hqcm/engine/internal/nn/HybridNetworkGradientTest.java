package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.hqcm.engine.internal.nn.loss.CompositeLoss;
import org.hqcm.engine.internal.nn.loss.LossResult;
import org.hqcm.engine.internal.nn.loss.LossWeights;
import org.hqcm.engine.internal.nn.loss.MaskGrid;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole network's hand-written backward pass (BatchNorm in training mode, attention, mask loss)
 * against central finite differences in double precision, on a tiny network.
 */
class HybridNetworkGradientTest {
    static final int N = 2;
    static final int S = 16;

    /** With attention the classical head normalises two slices of the projection; without, none. */
    static NetworkConfig tinyConfig(boolean attention) {
        return new NetworkConfig(S, List.of(4, 4, 2), attention, 2, List.of(1, 3, 5), 7,
                new HeadConfig.Classical(8, 3, ActivationFunction.TANH, attention ? 2 : 0), 3, 7L);
    }

    /** Random pixels; the second image has a black frame 5 pixels wide, so that max-pooling sees ties. */
    static float[] images(long seed) {
        return LayerGradientCheck.pixels(N, S, seed);
    }

    static float[] masks() {
        float[] m = new float[N * S * S];
        for (int y = 3; y < 9; y++) {
            for (int x = 2; x < 7; x++) {
                m[y * S + x] = 1f; // image 0 has a tumour, image 1 none
            }
        }
        return MaskGrid.maxPool(m, N, S, 8);
    }

    private static final int[] LABELS = {2, 0};
    private static final double[] CLASS_WEIGHTS = {1.0, 0.5, 2.0};

    static LossResult loss(HybridNetwork net, CompositeLoss loss, float[] x, float[] masks) {
        HybridNetwork.Output out = net.forward(x, N, true);
        double[] map = out.spatialMap() == null ? null : HostArrays.toDoubles(out.spatialMap());
        return loss.compute(HostArrays.toDoubles(out.logits()), LABELS, CLASS_WEIGHTS, map, masks);
    }

    @Test
    void backwardMatchesFiniteDifferencesWithAttentionAndMaskLoss() {
        check(true, new LossWeights(1.0, 1.0, 0.3, 0.7, 1.0));
    }

    @Test
    void backwardMatchesFiniteDifferencesWithoutAttention() {
        check(false, new LossWeights(1.0, 0.0, 0.0, 0.0, 1.0));
    }

    private void check(boolean attention, LossWeights weights) {
        HybridNetwork net = HybridNetwork.create(tinyConfig(attention), DataType.DOUBLE);
        CompositeLoss loss = new CompositeLoss(weights);
        float[] x = images(1);
        float[] masks = masks();
        LossResult r = loss(net, loss, x, masks);
        INDArray dLogits = Nd4j.createFromArray(r.dLogits()).reshape(N, 3);
        INDArray dMap = r.dSpatialMap() == null ? null : Nd4j.createFromArray(r.dSpatialMap()).reshape(N, 4);
        net.backward(dLogits, dMap);

        Random pick = new Random(3);
        double h = 1e-6;
        int checked = 0;
        double worst = 0;
        for (Parameter p : net.parameters()) {
            INDArray analytic = p.gradient().dup();
            INDArray flat = p.value().reshape(p.size());
            int samples = (int) Math.min(p.size(), 4);
            for (int s = 0; s < samples; s++) {
                int i = samples == p.size() ? s : pick.nextInt((int) p.size());
                double v = flat.getDouble(i);
                flat.putScalar(i, v + h);
                double up = loss(net, loss, x, masks).total();
                flat.putScalar(i, v - h);
                double down = loss(net, loss, x, masks).total();
                flat.putScalar(i, v);
                double numeric = (up - down) / (2 * h);
                double a = analytic.reshape(p.size()).getDouble(i);
                double err = Math.abs(numeric - a) / Math.max(1e-3, Math.abs(numeric) + Math.abs(a));
                worst = Math.max(worst, err);
                assertEquals(numeric, a, 1e-6 + 1e-4 * Math.abs(numeric), p.name() + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 40, "checked " + checked);
    }
}
