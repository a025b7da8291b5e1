package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Holds a fused float layer to its double reference: values equal up to float rounding. */
final class FusedReference {
    /** Float rounding of sums of up to some ten thousand terms, relative to the largest value compared. */
    static final double RELATIVE = 2e-5;

    private FusedReference() {
    }

    /** A double layer with the float layer's parameter values. */
    static <L extends Layer> L withValuesOf(L fused, L reference) {
        for (int i = 0; i < fused.parameters().size(); i++) {
            reference.parameters().get(i).value().assign(fused.parameters().get(i).value().castTo(DataType.DOUBLE));
        }
        return reference;
    }

    /** Every parameter gradient, then the running statistics, after one training step of each. */
    static void assertGradientsAndStatistics(Layer reference, Layer fused) {
        for (int i = 0; i < fused.parameters().size(); i++) {
            Parameter p = fused.parameters().get(i);
            assertClose(reference.parameters().get(i).gradient(), p.gradient().castTo(DataType.DOUBLE), p.name());
        }
        BatchNorm fn = fused.norms().get(0);
        BatchNorm rn = reference.norms().get(0);
        assertClose(rn.runningMean(), fn.runningMean().castTo(DataType.DOUBLE), "running mean");
        assertClose(rn.runningVar(), fn.runningVar().castTo(DataType.DOUBLE), "running variance");
    }

    static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = expected.amaxNumber().doubleValue();
        assertTrue(scale > 0, what + " is not all zero");
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertEquals(0, difference, RELATIVE * scale, what + " (largest value " + scale + ")");
    }
}
