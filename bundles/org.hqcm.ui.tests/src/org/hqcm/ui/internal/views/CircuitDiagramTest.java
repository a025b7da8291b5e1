package org.hqcm.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.Pauli;
import org.junit.jupiter.api.Test;

/** Headless: the diagram's columns follow the paper's circuit (no workbench needed). */
class CircuitDiagramTest {

    @Test
    void paperCircuitHasTheRingOfEachLayer() {
        CircuitDiagram d = new CircuitDiagram(new CircuitSpec(5, 2, Embedding.AMPLITUDE,
                Pauli.Y, 0));
        assertEquals(1, d.count(CircuitDiagram.Kind.EMBEDDING));
        assertEquals(2, d.count(CircuitDiagram.Kind.ROT));
        assertEquals(10, d.count(CircuitDiagram.Kind.CNOT));
        List<CircuitDiagram.Column> layer1 = d.columns().stream()
                .filter(c -> c.kind() == CircuitDiagram.Kind.CNOT && c.layer() == 1).toList();
        // range r = (l mod (q-1)) + 1 = 2 in the second layer: CNOT(i, i+2 mod 5)
        assertEquals(3, layer1.get(1).target());
        assertEquals(1, layer1.get(4).target());
    }

    @Test
    void oneQubitHasNoCnot() {
        CircuitDiagram d = new CircuitDiagram(new CircuitSpec(1, 3, Embedding.AMPLITUDE,
                Pauli.Z, 0));
        assertEquals(0, d.count(CircuitDiagram.Kind.CNOT));
        assertEquals(3, d.count(CircuitDiagram.Kind.ROT));
    }
}
