package org.hqcm.engine.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hqcm.model.Experiment;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;

/** bench train's limits: every phase it times has one, and they add up to the analytic count of the step. */
class TrainStepBenchmarkTest {

    @Test
    void everyTimedPhaseHasALimit() {
        Experiment e = Presets.create(Presets.HQCM_EBTC);
        e.getDataset().setImageSize(32);
        TrainStepBenchmark.Result r = TrainStepBenchmark.run(new TrainStepBenchmark.Setup(e, 4, 0, 1));
        assertTrue(r.copyBytesPerSecond() > 0);
        double convolutions = 0;
        for (String phase : r.phaseMsPerStep().keySet()) {
            TrainStepBenchmark.PhaseLimit l = r.phaseLimits().get(phase);
            assertNotNull(l, phase + " has no limit");
            assertTrue(l.limitMs() > 0, phase);
            if (phase.contains("block") || phase.contains("attention") || phase.contains("projection")
                    || phase.contains("classifier")) {
                convolutions += l.flops();
            }
        }
        // the layers' own counts of the convolutions and products agree with the benchmark's whole-step formula,
        // which counts the same products without BatchNorm, pooling and the attention's element-wise work (< 3%)
        double analytic = r.flopsPerStep();
        assertEquals(1.0, convolutions / analytic, 0.03, "layers " + convolutions + " vs analytic " + analytic);
    }
}
