package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OodScoresTest {

    @Test
    void scoresByTheirDefinitions() {
        OodScores.Scores s = OodScores.of(new double[] {0, 0, 2, 0, 1, 3}, 2, 1);
        assertEquals(0.5, s.maxSoftmax()[0], 1e-12);
        assertEquals(-Math.log(2), s.energy()[0], 1e-12);
        assertEquals(1 / (1 + Math.exp(-2)), s.maxSoftmax()[1], 1e-12);
        assertEquals(-Math.log(Math.exp(2) + 1), s.energy()[1], 1e-12);
        OodScores.Scores hot = OodScores.of(new double[] {1, 3}, 2, 2);
        assertEquals(-2 * Math.log(Math.exp(0.5) + Math.exp(1.5)), hot.energy()[0], 1e-12);
    }

    /** 20 validation images, 95% kept: the threshold is the 19th best score and flags exactly one of them. */
    @Test
    void thresholdKeepsTheAskedShareOfTheValidationImages() {
        double[] logits = new double[40];
        for (int i = 0; i < 20; i++) {
            logits[2 * i] = i; // margin i: image 0 least, image 19 most confident
        }
        OodScores.Scores v = OodScores.of(logits, 2, 1);
        OodScores.Thresholds t = OodScores.fit(v, 0.95);
        for (OodScores.Kind kind : OodScores.Kind.values()) {
            assertEquals(0.05, t.flaggedShare(kind, v), 1e-12, kind.name());
            assertTrue(t.flagged(kind, v.maxSoftmax()[0], v.energy()[0]), kind + " flags the least confident");
            assertFalse(t.flagged(kind, v.maxSoftmax()[1], v.energy()[1]), kind + " keeps the next");
        }
        assertEquals(0.0, OodScores.fit(v, 1.0).flaggedShare(OodScores.Kind.ENERGY, v), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> OodScores.fit(v, 0));
        assertThrows(IllegalArgumentException.class, () -> OodScores.fit(new OodScores.Scores(new double[0], new double[0]), 0.9));
    }
}
