package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.nn.loss.CompositeLoss;
import org.hqcm.engine.internal.nn.loss.LossResult;
import org.hqcm.engine.internal.nn.loss.LossWeights;
import org.hqcm.engine.internal.nn.optim.AdamW;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Simulator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class HybridNetworkTest {
    static final int N = HybridNetworkGradientTest.N;
    static final int S = HybridNetworkGradientTest.S;

    static NetworkConfig quantumConfig(long seed) {
        return new NetworkConfig(S, List.of(4, 4, 2), true, 2, List.of(1, 3, 5), 7,
                new HeadConfig.Quantum(CircuitSpec.paper(2, 1), 2, Simulator.STATEVECTOR), 3, seed);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Map<String, double[]> a = HybridNetwork.create(quantumConfig(1)).exportState();
        Map<String, double[]> b = HybridNetwork.create(quantumConfig(1)).exportState();
        Map<String, double[]> c = HybridNetwork.create(quantumConfig(2)).exportState();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), 0.0, k);
        }
        assertFalse(java.util.Arrays.equals(a.get("block2.conv.weight"), c.get("block2.conv.weight")));
        assertFalse(java.util.Arrays.equals(a.get("quantum.weights"), c.get("quantum.weights")));
    }

    @Test
    void importedStateReproducesTheForwardPass() {
        HybridNetwork trained = HybridNetwork.create(quantumConfig(1));
        float[] x = HybridNetworkGradientTest.images(4);
        trained.forward(x, N, true); // moves the running statistics away from their start
        HybridNetwork copy = HybridNetwork.create(quantumConfig(9));
        copy.importState(trained.exportState());
        INDArray expected = trained.forward(x, N, false).logits().dup();
        INDArray actual = copy.forward(x, N, false).logits();
        assertEquals(0.0, expected.sub(actual).amaxNumber().doubleValue(), 0.0);
        Map<String, double[]> broken = trained.exportState();
        broken.remove("block1.bn.runningVar");
        assertThrows(IllegalArgumentException.class, () -> copy.importState(broken));
    }

    @Test
    void inferenceUsesRunningStatisticsSoImagesDoNotInfluenceEachOther() {
        NetworkConfig cfg = HybridNetworkGradientTest.tinyConfig(true);
        HybridNetwork net = HybridNetwork.create(cfg, DataType.DOUBLE);
        float[] a = HybridNetworkGradientTest.images(1);
        float[] b = a.clone();
        float[] other = HybridNetworkGradientTest.images(2);
        System.arraycopy(other, S * S, b, S * S, S * S); // same first image, different second
        net.forward(a, N, true);
        INDArray inferA = net.forward(a, N, false).logits().getRow(0).dup();
        INDArray inferB = net.forward(b, N, false).logits().getRow(0).dup();
        assertEquals(0.0, inferA.sub(inferB).amaxNumber().doubleValue(), 1e-12);
        INDArray trainA = net.forward(a, N, true).logits().getRow(0).dup();
        INDArray trainB = net.forward(b, N, true).logits().getRow(0).dup();
        assertTrue(trainA.sub(trainB).amaxNumber().doubleValue() > 1e-6, "batch statistics depend on the batch");
    }

    @Test
    void recalibrationAveragesTheBatchStatisticsOfTheCurrentWeights() {
        float[] a = HybridNetworkGradientTest.images(1);
        float[] b = HybridNetworkGradientTest.images(2);
        float[] c = HybridNetworkGradientTest.images(3);
        String[] keys = {"block1.bn.runningMean", "block1.bn.runningVar", "block3.bn.runningMean", "block3.bn.runningVar"};
        Map<String, double[]> onlyA = recalibrated(a);
        Map<String, double[]> onlyB = recalibrated(b);
        Map<String, double[]> both = recalibrated(a, b);
        Map<String, double[]> fresh = HybridNetwork.create(HybridNetworkGradientTest.tinyConfig(true), DataType.DOUBLE).exportState();
        for (String k : keys) {
            double[] x = onlyA.get(k);
            double[] y = onlyB.get(k);
            double[] xy = both.get(k);
            for (int i = 0; i < xy.length; i++) {
                assertEquals((x[i] + y[i]) / 2, xy[i], 1e-12, k + "[" + i + "]");
            }
            assertFalse(java.util.Arrays.equals(fresh.get(k), x), k + " was not recomputed");
        }
        // afterwards training batches go back to the momentum update: 0.9 old + 0.1 batch
        HybridNetwork net = HybridNetwork.create(HybridNetworkGradientTest.tinyConfig(true), DataType.DOUBLE);
        net.beginBatchNormRecalibration();
        net.forward(a, N, true);
        net.endBatchNormRecalibration();
        net.forward(c, N, true);
        double[] cOnly = recalibrated(c).get("block1.bn.runningMean");
        double[] after = net.exportState().get("block1.bn.runningMean");
        for (int i = 0; i < after.length; i++) {
            assertEquals(0.9 * onlyA.get("block1.bn.runningMean")[i] + 0.1 * cOnly[i], after[i], 1e-12);
        }
    }

    private static Map<String, double[]> recalibrated(float[]... batches) {
        HybridNetwork net = HybridNetwork.create(HybridNetworkGradientTest.tinyConfig(true), DataType.DOUBLE);
        net.beginBatchNormRecalibration();
        for (float[] x : batches) {
            net.forward(x, N, true);
        }
        net.endBatchNormRecalibration();
        return net.exportState();
    }

    @Test
    void batchesOfOtherSizesReuseTheBuffersAndGiveTheSameInference() {
        HybridNetwork net = HybridNetwork.create(HybridNetworkGradientTest.tinyConfig(true), DataType.DOUBLE);
        float[] x = HybridNetworkGradientTest.images(1);
        net.forward(x, N, true);
        INDArray pair = net.forward(x, N, false).logits().getRow(0).dup();
        INDArray single = net.forward(java.util.Arrays.copyOf(x, S * S), 1, false).logits().getRow(0).dup();
        INDArray pairAgain = net.forward(x, N, false).logits().getRow(0).dup();
        assertEquals(0.0, pair.sub(single).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0.0, pair.sub(pairAgain).amaxNumber().doubleValue(), 0.0);
    }

    @Test
    void floatNetworkAgreesWithTheDoubleOne() {
        NetworkConfig cfg = HybridNetworkGradientTest.tinyConfig(true);
        HybridNetwork exact = HybridNetwork.create(cfg, DataType.DOUBLE);
        HybridNetwork fast = HybridNetwork.create(cfg, DataType.FLOAT);
        fast.importState(exact.exportState());
        CompositeLoss loss = new CompositeLoss(new LossWeights(1, 1, 0.3, 0.7, 1));
        float[] x = HybridNetworkGradientTest.images(1);
        float[] masks = HybridNetworkGradientTest.masks();
        int[] labels = {1, 2};
        double[] cw = {1, 1, 1};
        for (HybridNetwork net : List.of(exact, fast)) {
            LossResult r = lossOf(net, loss, x, labels, cw, masks);
            net.backward(Nd4j.createFromArray(r.dLogits()).castTo(net.dataType()).reshape(N, 3),
                    Nd4j.createFromArray(r.dSpatialMap()).castTo(net.dataType()).reshape(N, 4));
        }
        for (int i = 0; i < exact.parameters().size(); i++) {
            INDArray e = exact.parameters().get(i).gradient();
            INDArray f = fast.parameters().get(i).gradient().castTo(DataType.DOUBLE);
            double scale = e.norm2Number().doubleValue();
            assertEquals(0.0, e.sub(f).norm2Number().doubleValue(), 1e-3 * scale + 1e-6, exact.parameters().get(i).name());
        }
    }

    @Test
    void quantumWeightsGetGradientsAndAreUpdatedByAdamW() {
        HybridNetwork net = HybridNetwork.create(quantumConfig(3), DataType.DOUBLE);
        CompositeLoss loss = new CompositeLoss(new LossWeights(1, 1, 0.3, 0.7, 1));
        float[] x = HybridNetworkGradientTest.images(1);
        float[] masks = HybridNetworkGradientTest.masks();
        int[] labels = {1, 2};
        double[] cw = {1, 1, 1};
        Parameter q = net.parameters().stream().filter(p -> p.name().equals("quantum.weights")).findFirst().orElseThrow();
        assertEquals(2 * 1 * 2 * 3, q.size());
        LossResult r = lossOf(net, loss, x, labels, cw, masks);
        net.backward(Nd4j.createFromArray(r.dLogits()).reshape(N, 3), Nd4j.createFromArray(r.dSpatialMap()).reshape(N, 4));
        INDArray analytic = q.gradient().dup();
        assertTrue(analytic.norm2Number().doubleValue() > 0);
        // the layer works in float: central differences with a larger step, a looser tolerance
        double h = 1e-3;
        for (int i = 0; i < q.size(); i += 3) {
            double v = q.value().getDouble(i);
            q.value().putScalar(i, v + h);
            double up = lossOf(net, loss, x, labels, cw, masks).total();
            q.value().putScalar(i, v - h);
            double down = lossOf(net, loss, x, labels, cw, masks).total();
            q.value().putScalar(i, v);
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, analytic.getDouble(i), 2e-3 + 2e-2 * Math.abs(numeric), "quantum.weights[" + i + "]");
        }
        double[] before = HostArrays.toDoubles(q.value());
        new AdamW(0.1, 0.9, 0.999, 1e-8, 0).step(net.parameters());
        net.parametersChanged();
        double[] after = HostArrays.toDoubles(q.value());
        assertNotEquals(before[0], after[0]);
        double lossBefore = r.total();
        double lossAfter = lossOf(net, loss, x, labels, cw, masks).total();
        assertNotEquals(lossBefore, lossAfter, "the layer must see the updated weights");
    }

    private static LossResult lossOf(HybridNetwork net, CompositeLoss loss, float[] x, int[] labels, double[] cw, float[] masks) {
        HybridNetwork.Output out = net.forward(x, N, true);
        return loss.compute(HostArrays.toDoubles(out.logits()), labels, cw, HostArrays.toDoubles(out.spatialMap()), masks);
    }

    @Test
    void badConfigurationsNameTheField() {
        BadInputException e = assertThrows(BadInputException.class, () -> new NetworkConfig(20, List.of(4, 4, 2), true, 2,
                List.of(1, 3, 5), 7, new HeadConfig.Classical(8, 3, ActivationFunction.TANH, 2), 3, 1));
        assertTrue(e.getMessage().contains("network.imageSize"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> new NetworkConfig(16, List.of(4, 4, 2), true, 2,
                List.of(1, 4), 7, new HeadConfig.Classical(8, 3, ActivationFunction.TANH, 2), 3, 1));
        assertTrue(e.getMessage().contains("network.spatialKernels"), e.getMessage());
    }
}
