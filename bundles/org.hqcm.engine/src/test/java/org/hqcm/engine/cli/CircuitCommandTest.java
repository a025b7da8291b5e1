package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.Pauli;
import org.hqcm.engine.quantum.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class CircuitCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String WEIGHTS_2x2 = "0.1,0.2,0.3\n1.4,-0.5,2.6\n-0.7,0.8,0.9\n3.0,1.1,-1.2\n";

    @Test
    void evalPrintsOneLinePerInputWithTwelveDecimals() throws IOException {
        Path w = write("W.csv", WEIGHTS_2x2);
        Path x = write("X.csv", "1,2,3,4\n0.5,-0.25,0,1\n\n");
        CliRun r = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--measure", "Y", "--weights", w.toString(),
                "--inputs", x.toString());
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertEquals(2, lines.length);
        CircuitSpec spec = new CircuitSpec(2, 2, Embedding.AMPLITUDE, Pauli.Y, 0);
        double[] weights = {0.1, 0.2, 0.3, 1.4, -0.5, 2.6, -0.7, 0.8, 0.9, 3.0, 1.1, -1.2};
        double[] inputs = {1, 2, 3, 4, 0.5, -0.25, 0, 1};
        double[] expected = new double[4];
        Simulator.STATEVECTOR.evaluator(spec, 1).forward(inputs, 2, weights, expected);
        for (int row = 0; row < 2; row++) {
            String[] cells = lines[row].split(",");
            assertEquals(2, cells.length);
            for (int j = 0; j < 2; j++) {
                assertTrue(cells[j].matches("-?\\d\\.\\d{12}"), cells[j]);
                assertEquals(String.format(Locale.ROOT, "%.12f", expected[row * 2 + j] + 0.0), cells[j]);
            }
        }
    }

    @Test
    void strangeSimulatorAgreesToFloatPrecision() throws IOException {
        Path w = write("W.csv", "phi,theta,omega\n" + WEIGHTS_2x2);
        Path x = write("X.csv", "1,2,3,4\n");
        CliRun sv = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--measure", "X", "--weights", w.toString(),
                "--inputs", x.toString());
        CliRun st = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--measure", "X", "--weights", w.toString(),
                "--inputs", x.toString(), "--simulator", "strange");
        assertEquals(0, st.exit(), st.err());
        String[] a = sv.out().strip().split(",");
        String[] b = st.out().strip().split(",");
        for (int j = 0; j < 2; j++) {
            assertEquals(Double.parseDouble(a[j]), Double.parseDouble(b[j]), 1e-6);
        }
    }

    @Test
    void angleEmbeddingTakesOneValuePerWire() throws IOException {
        Path w = write("W.csv", "0,0,0\n0,0,0\n");
        Path x = write("X.csv", "0.3,1.2\n");
        CliRun r = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "1", "--measure", "Z", "--embedding", "angle",
                "--weights", w.toString(), "--inputs", x.toString());
        assertEquals(0, r.exit(), r.err());
        // zero weights: RY(x0) RY(x1), then CNOT(0,1), CNOT(1,0); checked against the dense reference
        String[] cells = r.out().strip().split(",");
        double c0 = Math.cos(0.3);
        double c1 = Math.cos(1.2);
        // CNOT(0,1) then CNOT(1,0) maps Z0 -> Z1 and Z1 -> Z0 Z1 in the Heisenberg picture: <Z0> = c1, <Z1> = c0 c1
        assertEquals(c1, Double.parseDouble(cells[0]), 1e-12);
        assertEquals(c0 * c1, Double.parseDouble(cells[1]), 1e-12);
    }

    @Test
    void badCsvIsBadInputNamingFileAndLine() throws IOException {
        Path w = write("W.csv", WEIGHTS_2x2);
        Path x = write("X.csv", "1,2,3,4\n1,2,3\n");
        CliRun r = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                x.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("X.csv line 2"), r.err());
        assertTrue(r.err().contains("expected 4"), r.err());

        Path bad = write("W2.csv", "0.1,0.2,0.3\n1.4,abc,2.6\n-0.7,0.8,0.9\n3.0,1.1,-1.2\n");
        CliRun r2 = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", bad.toString(), "--inputs",
                write("X1.csv", "1,2,3,4\n").toString());
        assertEquals(2, r2.exit());
        assertTrue(r2.err().contains("W2.csv line 2 column 2") && r2.err().contains("'abc'"), r2.err());

        Path shortW = write("W3.csv", "0.1,0.2,0.3\n");
        CliRun r3 = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", shortW.toString(), "--inputs",
                write("X2.csv", "1,2,3,4\n").toString());
        assertEquals(2, r3.exit());
        assertTrue(r3.err().contains("W3.csv") && r3.err().contains("1 rows, expected") && r3.err().contains("4 rows"),
                r3.err());

        CliRun r4 = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                write("X3.csv", "1,2,NaN,4\n").toString());
        assertEquals(2, r4.exit());

        CliRun r5 = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                dir.resolve("missing.csv").toString());
        assertEquals(2, r5.exit());
        assertTrue(r5.err().contains("missing.csv"), r5.err());

        CliRun r6 = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--measure", "W", "--weights", w.toString(),
                "--inputs", x.toString());
        assertEquals(2, r6.exit());
        assertTrue(r6.err().contains("--measure"), r6.err());
    }

    @Test
    void zeroInputRowIsEvaluatedAsTheZeroState() throws IOException {
        Path w = write("W.csv", WEIGHTS_2x2);
        CliRun zero = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                write("X.csv", "0,0,0,0\n").toString());
        CliRun e0 = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                write("Y.csv", "1,0,0,0\n").toString());
        assertEquals(0, zero.exit(), zero.err());
        assertEquals(e0.out(), zero.out());
    }

    @Test
    void drawPrintsOneLinePerWire() {
        CliRun r = CliRun.of("circuit", "draw", "--qubits", "3", "--layers", "2");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("0: ") && lines[2].startsWith("2: "));
        assertTrue(lines[1].contains("Rot") && lines[1].endsWith("<Y>"));
    }
}
