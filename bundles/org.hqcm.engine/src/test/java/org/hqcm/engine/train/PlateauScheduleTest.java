package org.hqcm.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ReduceLROnPlateau and early stopping on the validation loss, as the experiment's fields document them. */
class PlateauScheduleTest {

    @Test
    void stopsAfterPatienceEpochsWithoutABetterLoss() {
        PlateauSchedule s = new PlateauSchedule(0.5, 1, 2);
        assertFalse(s.observe(1, 1.0, 0.01).stop());
        assertFalse(s.observe(2, 1.0, 0.01).stop(), "one epoch without improvement");
        PlateauSchedule.Decision d = s.observe(3, 1.0, 0.01);
        assertTrue(d.stop(), "two epochs without improvement");
        assertEquals(0.005, d.learningRate(), 1e-12, "the plateau lowered the rate after more than one bad epoch");
    }

    @Test
    void aPatienceOfZeroNeverStopsEarly() {
        PlateauSchedule s = new PlateauSchedule(0.5, 3, 0);
        for (int epoch = 1; epoch <= 20; epoch++) {
            assertFalse(s.observe(epoch, 1.0, 0.01).stop(), "epoch " + epoch);
        }
    }
}
