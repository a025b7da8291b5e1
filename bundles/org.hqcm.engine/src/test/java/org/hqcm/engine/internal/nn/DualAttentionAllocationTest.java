package org.hqcm.engine.internal.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The attention's forward and backward passes allocate no array once their buffers exist: run inside an ND4J
 * workspace of size 0 that refuses to spill, any array an op creates fails the step.
 */
class DualAttentionAllocationTest {

    private static final WorkspaceConfiguration NO_ROOM = WorkspaceConfiguration.builder().initialSize(0)
            .policyAllocation(AllocationPolicy.STRICT).policySpill(SpillPolicy.FAIL).build();

    @Test
    void stepsAfterTheFirstAllocateNoArray() {
        DualAttention a = LayerGradientCheck.initialised(new DualAttention("attention", DataType.FLOAT, 16, 8, 4,
                new int[] {1, 3, 5}, 7), 1);
        INDArray f = LayerGradientCheck.random(new long[] {32, 8, 8, 16}, DataType.FLOAT, 2);
        INDArray dOut = LayerGradientCheck.random(new long[] {32, 8, 8, 16}, DataType.FLOAT, 3);
        INDArray d = dOut.dup();
        a.spatialMap().gradient(LayerGradientCheck.random(new long[] {32, 8, 8, 1}, DataType.FLOAT, 4));
        a.forward(f, true); // the first step sizes the buffers
        a.backward(d);
        for (int i = 0; i < 3; i++) {
            d.assign(dOut);
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(NO_ROOM, "no-room")) {
                a.forward(f, true);
                a.backward(d);
            }
        }
        // the workspace does refuse an allocation
        assertThrows(RuntimeException.class, () -> {
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(NO_ROOM, "no-room")) {
                f.mul(2.0);
            }
        });
    }
}
