package org.hqcm.engine.internal.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvalBenchmarkTest {

    @Test
    void tinyRunProducesFiguresAndParallelEqualsOneThread() {
        var r = EvalBenchmark.run(new EvalBenchmark.Setup(60, 6, 4, 32, 50, 200));
        assertTrue(r.identical(), "parallel and one-thread t-SNE must give the same embedding");
        assertEquals(45, r.tumourImages()); // 3 of 4 classes have a tumour
        assertTrue(r.tsneMs() > 0 && r.tsneOneThreadMs() > 0 && r.bootstrapMs() > 0);
    }
}
