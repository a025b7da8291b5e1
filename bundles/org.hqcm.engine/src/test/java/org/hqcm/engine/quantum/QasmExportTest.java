package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exported text, read back by an own reader, gives the layer's outputs in Strange and in the engine. */
class QasmExportTest {

    @ParameterizedTest
    @CsvSource({"5,2,Y,V2", "5,2,Y,V3", "3,3,X,V2", "4,1,Z,V3", "1,2,Y,V3", "2,2,Y,V2"})
    void exportedCircuitReproducesTheLayer(int q, int layers, Pauli pauli, Qasm.Version version) {
        CircuitSpec spec = new CircuitSpec(q, layers, Embedding.AMPLITUDE, pauli, 0);
        SplittableRandom random = new SplittableRandom(q * 100 + layers);
        double[] w = Circuits.uniform(random, spec.weightCount(), -7, 7);
        double[] x = Circuits.uniform(random, spec.inputWidth(), -3, 3);
        if (q > 1) {
            x[2] = 0; // a zero pair and negative amplitudes: the signs must survive exactly
            x[3] = 0;
            x[0] = -Math.abs(x[0]);
        }
        double[] layer = Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, x, 1);
        String text = Qasm.write(spec, w, 0, x, 0, version, List.of("test circuit"));
        QasmReader.Program p = QasmReader.read(text);
        assertEquals(version == Qasm.Version.V2 ? "2.0" : "3.0", p.version());
        assertEquals(q, p.qubits());
        assertTrue(p.measured());

        assertArrayEquals(layer, QasmSimulation.dense(p), 1e-12, "dense double-precision simulation of the text");
        QasmSimulation.Lifted lifted = QasmSimulation.lift(p);
        assertEquals(spec, lifted.spec());
        double norm = 0;
        for (double v : x) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] / norm, lifted.state()[i], 1e-13, "prepared amplitude " + i);
        }
        assertArrayEquals(w, lifted.weights(), 0, "weights come back bit for bit");
        assertArrayEquals(layer, lifted.expectations(), 1e-12, "the engine's state-vector simulator on the text");
        // Strange holds amplitudes as floats: agreement to float precision is all it can give
        assertArrayEquals(layer, QasmSimulation.strange(p), 2e-5, "Strange on the text");
    }

    @ParameterizedTest
    @CsvSource({"3,2,Y", "2,1,Z"})
    void angleEmbeddingExportsItsRotations(int q, int layers, Pauli pauli) {
        CircuitSpec spec = new CircuitSpec(q, layers, Embedding.ANGLE, pauli, 0);
        SplittableRandom random = new SplittableRandom(q);
        double[] w = Circuits.uniform(random, spec.weightCount(), 0, 6);
        double[] x = Circuits.uniform(random, q, -3, 3);
        double[] layer = Circuits.forward(Simulator.STATEVECTOR, spec, 1, w, x, 1);
        QasmReader.Program p = QasmReader.read(Qasm.write(spec, w, 0, x, 0, Qasm.Version.V3, List.of()));
        assertArrayEquals(layer, QasmSimulation.dense(p), 1e-12);
        assertArrayEquals(layer, QasmSimulation.strange(p), 2e-5);
    }

    @ParameterizedTest
    @CsvSource({"1,1", "2,2", "5,2", "5,3", "8,2"})
    void resourcesCountTheExportedGates(int q, int layers) {
        CircuitSpec spec = CircuitSpec.paper(q, layers);
        CircuitResources r = spec.resources();
        int cnotRing = q > 1 ? q : 0;
        assertEquals((1 << q) - 1, r.preparationRotations());
        assertEquals((1 << q) - 2, r.preparationCnots());
        assertEquals(q * layers, r.rotGates());
        assertEquals(cnotRing * layers, r.layerCnots());
        assertEquals(2 * q, r.basisGates());
        assertEquals((1 << q) - 2 + cnotRing * layers, r.cnots());
        assertEquals((1 << q) - 1 + 3 * q * layers + 2 * q, r.singleQubitGates());
        String text = Qasm.write(spec, new double[spec.weightCount()], 0, unit(spec.inputWidth()), 0, Qasm.Version.V2,
                List.of());
        QasmReader.Program p = QasmReader.read(text);
        assertEquals(r.gates(), p.ops().size());
        assertEquals(r.cnots(), p.ops().stream().filter(o -> o.name().equals("cx")).count());
        assertEquals(bruteDepth(p), r.depth());
    }

    /** Depth the slow way: repeatedly peel off the gates whose wires have no earlier unpeeled gate. */
    private static int bruteDepth(QasmReader.Program p) {
        List<QasmReader.Op> left = new java.util.ArrayList<>(p.ops());
        int depth = 0;
        while (!left.isEmpty()) {
            boolean[] busy = new boolean[p.qubits()];
            List<QasmReader.Op> next = new java.util.ArrayList<>();
            for (QasmReader.Op op : left) {
                boolean free = true;
                for (int w : op.qubits()) {
                    free &= !busy[w];
                }
                for (int w : op.qubits()) {
                    busy[w] = true;
                }
                if (!free) {
                    next.add(op);
                }
            }
            left = next;
            depth++;
        }
        return depth;
    }

    private static double[] unit(int n) {
        double[] x = new double[n];
        x[0] = 1;
        return x;
    }
}
