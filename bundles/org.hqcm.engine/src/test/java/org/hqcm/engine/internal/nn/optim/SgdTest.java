package org.hqcm.engine.internal.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Two steps against values computed by hand with PyTorch's SGD rule. */
class SgdTest {

    @Test
    void momentumAndWeightDecayFollowPyTorch() {
        Parameter p = new Parameter("w", Nd4j.createFromArray(1.0, -2.0).castTo(DataType.DOUBLE));
        Sgd sgd = new Sgd(0.1, 0.9, 0.01);
        p.gradient().assign(Nd4j.createFromArray(0.5, 0.25));
        sgd.step(List.of(p));
        // g' = (0.5 + 0.01, 0.25 - 0.02) = (0.51, 0.23); v = g'; p = (1 - 0.051, -2 - 0.023)
        assertArrayEquals(new double[] {0.949, -2.023}, HostArrays.toDoubles(p.value()), 1e-12);
        p.gradient().assign(Nd4j.createFromArray(0.5, 0.25));
        sgd.step(List.of(p));
        // g' = (0.5 + 0.00949, 0.25 - 0.02023); v = 0.9 v + g' = (0.96849, 0.43677); p -= 0.1 v
        assertArrayEquals(new double[] {0.949 - 0.096849, -2.023 - 0.043677}, HostArrays.toDoubles(p.value()), 1e-12);

        Sgd restored = new Sgd(1.0, 0.9, 0.01);
        restored.importState(sgd.exportState(), List.of(p));
        assertArrayEquals(sgd.exportState().get("w.velocity"), restored.exportState().get("w.velocity"), 0.0);
    }
}
