package org.hqcm.engine.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Early stopping's patience, including 0 = never stop early. */
class PlateauScheduleTest {

    @Test
    void patienceZeroNeverStopsEarly() {
        PlateauSchedule s = new PlateauSchedule(0.5, 100, 0);
        for (int epoch = 1; epoch <= 20; epoch++) {
            assertFalse(s.observe(epoch, epoch == 1 ? 1.0 : 2.0, 0.01).stop(), "epoch " + epoch);
        }
    }

    @Test
    void patienceTwoStopsAfterTwoEpochsWithoutImprovement() {
        PlateauSchedule s = new PlateauSchedule(0.5, 100, 2);
        assertFalse(s.observe(1, 1.0, 0.01).stop());
        assertFalse(s.observe(2, 1.5, 0.01).stop());
        assertTrue(s.observe(3, 1.5, 0.01).stop());
        assertEquals(1, s.bestEpoch);
    }
}
