package org.hqcm.engine.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hqcm.engine.BadInputException;
import org.junit.jupiter.api.Test;

class CircuitSpecTest {

    @Test
    void cnotRangeFollowsPennyLane() {
        assertEquals(0, CircuitSpec.cnotRange(1, 0));
        assertEquals(1, CircuitSpec.cnotRange(2, 0));
        assertEquals(1, CircuitSpec.cnotRange(2, 5));
        assertArrayEquals(new int[] {1, 2, 3, 4, 1, 2}, new int[] {CircuitSpec.cnotRange(5, 0), CircuitSpec.cnotRange(5, 1),
            CircuitSpec.cnotRange(5, 2), CircuitSpec.cnotRange(5, 3), CircuitSpec.cnotRange(5, 4),
            CircuitSpec.cnotRange(5, 5)});
        CircuitSpec spec = CircuitSpec.paper(5, 2);
        assertEquals(2, spec.cnotRange(1));
        int[][] cnots = spec.cnots(1);
        assertEquals(5, cnots.length);
        assertArrayEquals(new int[] {3, 0}, cnots[3]);
        assertEquals(0, CircuitSpec.paper(1, 3).cnots(2).length);
    }

    @Test
    void widthsAndCounts() {
        CircuitSpec spec = CircuitSpec.paper(5, 2);
        assertEquals(32, spec.inputWidth());
        assertEquals(5, spec.outputWidth());
        assertEquals(30, spec.weightCount());
        assertEquals(5, new CircuitSpec(5, 2, Embedding.ANGLE, Pauli.Y, 0).inputWidth());
    }

    @Test
    void invalidSpecsNameTheField() {
        BadInputException e = assertThrows(BadInputException.class, () -> CircuitSpec.paper(0, 2));
        assertTrue(e.getMessage().contains("qubits"));
        assertThrows(BadInputException.class, () -> CircuitSpec.paper(17, 2));
        assertTrue(assertThrows(BadInputException.class, () -> CircuitSpec.paper(2, 0)).getMessage().contains("layers"));
        assertThrows(BadInputException.class, () -> new CircuitSpec(2, 1, Embedding.AMPLITUDE, Pauli.Y, -1));
        assertThrows(BadInputException.class, () -> new CircuitSpec(2, 1, null, Pauli.Y, 0));
    }

    @Test
    void simulatorsByName() {
        assertSame(Simulator.STATEVECTOR, Simulator.forId("statevector"));
        assertSame(Simulator.STRANGE, Simulator.forId("STRANGE"));
        assertTrue(assertThrows(BadInputException.class, () -> Simulator.forId("qiskit")).getMessage()
                .contains("qiskit"));
    }

    @Test
    void diagramShowsEveryWireGateAndCnot() {
        String text = CircuitDiagram.text(CircuitSpec.paper(3, 2));
        String[] lines = text.split("\n");
        assertEquals(3, lines.length);
        for (String line : lines) {
            assertEquals(2, line.split("Rot", -1).length - 1);
            assertTrue(line.endsWith("<Y>"));
        }
        // two layers of three CNOTs: every wire is control twice and target twice
        for (String line : lines) {
            assertEquals(2, line.chars().filter(ch -> ch == '@').count());
            assertEquals(2, line.chars().filter(ch -> ch == 'X').count());
        }
        assertEquals(lines[0].length(), lines[2].length());
        // layer 1 has range 2: CNOT(0,2) crosses wire 1, then CNOT(1,0), CNOT(2,1)
        assertEquals("0: -|Amp|--Rot--@-----X--Rot--@--X----- <Y>\n"
                + "1: -|Amp|--Rot--X--@--|--Rot--|--@--X-- <Y>\n"
                + "2: -|Amp|--Rot-----X--@--Rot--X-----@-- <Y>\n", text);
        String one = CircuitDiagram.text(new CircuitSpec(1, 2, Embedding.ANGLE, Pauli.Z, 0));
        assertEquals("0: -RY(x)--Rot--Rot-- <Z>\n", one);
    }

    @Test
    void binomialSamplingHasTheRightMeanAndVariance() {
        ShotNoise noise = new ShotNoise(50, 3);
        int reps = 20000;
        double p = 0.3;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < reps; r++) {
            int k = noise.binomial(50, p);
            assertTrue(k >= 0 && k <= 50);
            sum += k;
            sumSq += (double) k * k;
        }
        double mean = sum / reps;
        double var = sumSq / reps - mean * mean;
        assertEquals(15, mean, 0.1);
        assertEquals(10.5, var, 0.6);
        assertEquals(50, noise.binomial(50, 1.0));
        assertEquals(0, noise.binomial(50, 0.0));
    }
}
