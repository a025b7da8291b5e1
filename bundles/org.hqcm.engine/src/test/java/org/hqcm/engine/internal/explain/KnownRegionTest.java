package org.hqcm.engine.internal.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hqcm.engine.eval.ExplanationScores;
import org.hqcm.engine.internal.nn.ActivationFunction;
import org.hqcm.engine.internal.nn.HeadConfig;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.NetworkConfig;
import org.junit.jupiter.api.Test;

/**
 * Explanations where the right answer is known: a real {@link HybridNetwork} whose weights are set so that its class-0
 * logit is the brightest pixel of one 8 x 8 region R (feature cell (1, 1) of a 32 px image) and nothing else. The
 * backbone's convolutions keep only their centre tap (each block max-pools its input), the attention is constant
 * (T_c = T_s = 1/2: zero weights and biases), the projection reads the cell of R alone, the head and classifier pass
 * that on to logit 0; the other logits are 0.
 *
 * <p>Image 1 has a bright blob in R only: Grad-CAM (on the last block and on F * (1 + T_s)) and occlusion must put
 * their maximum in R (pointing game 1). Image 2 has a second, equal blob outside R, which the output ignores:
 * occlusion still points into R only, while Grad-CAM, which weighs the features by their class gradient wherever they
 * are, lights both blobs equally (pointing game 1/2), as Grad-CAM's definition says it must. The constant T_s scores
 * the mask's area share, as any uninformative map does.
 */
class KnownRegionTest {
    private static final int S = 32;
    private static final int C = 2;

    static HybridNetwork regionNetwork() {
        NetworkConfig config = new NetworkConfig(S, List.of(C, C, C), true, 1, List.of(1, 3, 5), 7,
                new HeadConfig.Classical(2, 2, ActivationFunction.RELU, 0), 4, 1L);
        HybridNetwork net = HybridNetwork.create(config);
        Map<String, double[]> state = net.exportState();
        state.replaceAll((k, v) -> new double[v.length]);
        for (String b : List.of("block1", "block2", "block3")) {
            java.util.Arrays.fill(state.get(b + ".bn.gamma"), 1);
            java.util.Arrays.fill(state.get(b + ".bn.runningVar"), 1);
        }
        double[] w1 = state.get("block1.conv.weight"); // [3, 3, 1, C]: the centre tap of every filter
        for (int c = 0; c < C; c++) {
            w1[(1 * 3 + 1) * C + c] = 1;
        }
        for (String b : List.of("block2", "block3")) {
            double[] w = state.get(b + ".conv.weight"); // [3, 3, C, C]: centre tap, channel to itself
            for (int c = 0; c < C; c++) {
                w[((1 * 3 + 1) * C + c) * C + c] = 1;
            }
        }
        int fs = config.featureSize();
        double[] projection = state.get("projection.weight"); // [fs * fs * C, 2], rows in (h, w, c) order
        for (int c = 0; c < C; c++) {
            projection[((1 * fs + 1) * C + c) * 2] = 1;
        }
        state.get("head.weight")[0] = 1;        // [2, 2]: first unit = first projection output
        state.get("classifier.weight")[0] = 1;  // [2, 4]: logit 0 = first head unit
        net.importState(state);
        return net;
    }

    private static void blob(float[] image, int from) {
        for (int y = from; y < from + 4; y++) {
            for (int x = from; x < from + 4; x++) {
                image[y * S + x] = 1;
            }
        }
    }

    /** The region R the output reads: pixels 8..15 in both directions. */
    private static float[][] regionMask() {
        float[][] m = new float[S][S];
        for (int y = 8; y < 16; y++) {
            for (int x = 8; x < 16; x++) {
                m[y][x] = 1;
            }
        }
        return m;
    }

    private static double pointing(float[][] map) {
        return ExplanationScores.pointing(ExplanationScores.normalised(map, S, S), regionMask());
    }

    @Test
    void gradCamAndOcclusionLightTheRegionTheOutputDependsOn() {
        HybridNetwork net = regionNetwork();
        float[] images = new float[2 * S * S];
        float[] one = new float[S * S];
        blob(one, 10);
        float[] two = one.clone();
        blob(two, 18);
        System.arraycopy(one, 0, images, 0, S * S);
        System.arraycopy(two, 0, images, S * S, S * S);
        Explainer explainer = new Explainer(net, new Occlusion(8, 4), 16);
        List<Explainer.Maps> maps = explainer.explain(images, 2);
        assertEquals(0, maps.get(0).predicted(), "the blob in R makes class 0");
        assertEquals(0, maps.get(1).predicted());

        Explainer.Maps first = maps.get(0);
        assertEquals(1, pointing(first.get(Explainer.Method.GRAD_CAM)), 1e-12);
        assertEquals(1, pointing(first.get(Explainer.Method.GRAD_CAM_ATTENDED)), 1e-12);
        assertEquals(1, pointing(first.get(Explainer.Method.OCCLUSION)), 1e-12);
        float[][] occlusion = ExplanationScores.normalised(first.get(Explainer.Method.OCCLUSION), S, S);
        assertEquals(1, ExplanationScores.energyInside(occlusion, regionMask()), 1e-6, "no drop outside R");
        assertTrue(ExplanationScores.energyInside(ExplanationScores.normalised(first.get(Explainer.Method.GRAD_CAM), S, S),
                regionMask()) > 0.5);
        assertEquals(64.0 / (S * S), pointing(first.get(Explainer.Method.ATTENTION)), 1e-12, "a constant T_s");

        Explainer.Maps second = maps.get(1);
        assertEquals(1, pointing(second.get(Explainer.Method.OCCLUSION)), 1e-12, "the ignored blob changes nothing");
        assertEquals(0.5, pointing(second.get(Explainer.Method.GRAD_CAM)), 1e-12, "Grad-CAM lights both blobs");
        assertEquals(2, explainer.images());
        assertEquals(49, new Occlusion(8, 4).windows(S));
        for (Explainer.Method m : Explainer.Method.values()) {
            assertTrue(explainer.secondsPerImage(m) > 0, m.name());
        }
    }

    @Test
    void occlusionPositionsCoverTheImage() {
        assertEquals(List.of(0, 8, 16, 24, 32, 40, 48), toList(new Occlusion(16, 8).positions(64)));
        assertEquals(List.of(0, 10, 20, 30, 40, 48), toList(new Occlusion(16, 10).positions(64)));
        assertEquals(List.of(0), toList(new Occlusion(16, 16).positions(16)));
    }

    private static List<Integer> toList(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
