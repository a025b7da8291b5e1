package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.Embedding;
import org.hqcm.engine.quantum.NoiseModel;
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
    void drawPrintsOneLinePerWireAndTheResources() {
        CliRun r = CliRun.of("circuit", "draw", "--qubits", "3", "--layers", "2");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\\R");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("0: ") && lines[2].startsWith("2: "));
        assertTrue(lines[1].contains("Rot") && lines[1].endsWith("<Y>"));
        // 7 RY + 6 CNOT preparation, 6 Rot as 18 rotations + 6 CNOT, 6 basis gates: 31 single-qubit, 12 CNOT
        assertTrue(lines[3].startsWith("resources per circuit: depth "), lines[3]);
        assertTrue(lines[3].contains("43 gates: 31 single-qubit, 12 CNOT; state preparation 7 RY + 6 CNOT"), lines[3]);
        CliRun paper = CliRun.of("circuit", "draw", "--qubits", "5", "--layers", "2");
        assertTrue(paper.out().contains("111 gates: 71 single-qubit, 40 CNOT; state preparation 31 RY + 30 CNOT"),
                paper.out());
    }

    @Test
    void evalWithNoiseUsesDensityMatricesAndReadoutError() throws IOException {
        Path w = write("W.csv", WEIGHTS_2x2);
        Path x = write("X.csv", "1,2,3,4\n0.5,-0.25,0,1\n");
        CliRun r = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                x.toString(), "--noise", "depolarizing=0.02", "--noise", "amplitude-damping=0.05", "--noise",
                "readout=0.1,0.2");
        assertEquals(0, r.exit(), r.err());
        CircuitSpec spec = new CircuitSpec(2, 2, Embedding.AMPLITUDE, Pauli.Y, 0)
                .withNoise(new NoiseModel(0.02, 0.05, 0, new double[] {0.1, 0.2}));
        double[] weights = {0.1, 0.2, 0.3, 1.4, -0.5, 2.6, -0.7, 0.8, 0.9, 3.0, 1.1, -1.2};
        double[] expected = new double[4];
        Simulator.DENSITY_MATRIX.evaluator(spec, 1).forward(new double[] {1, 2, 3, 4, 0.5, -0.25, 0, 1}, 2, weights,
                expected);
        String[] lines = r.out().strip().split("\\R");
        for (int row = 0; row < 2; row++) {
            String[] cells = lines[row].split(",");
            for (int j = 0; j < 2; j++) {
                assertEquals(String.format(Locale.ROOT, "%.12f", expected[row * 2 + j] + 0.0), cells[j]);
            }
        }
        CliRun clean = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(),
                "--inputs", x.toString());
        assertTrue(!clean.out().equals(r.out()));

        CliRun pure = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                x.toString(), "--noise", "depolarizing=0.02", "--simulator", "statevector");
        assertEquals(2, pure.exit());
        assertTrue(pure.err().contains("cannot apply noise channels"), pure.err());
        CliRun badKey = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(),
                "--inputs", x.toString(), "--noise", "bitflip=0.1");
        assertEquals(2, badKey.exit());
        assertTrue(badKey.err().contains("--noise 'bitflip=0.1': unknown key 'bitflip'"), badKey.err());
        CliRun badValue = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(),
                "--inputs", x.toString(), "--noise", "depolarizing=2");
        assertEquals(2, badValue.exit());
        assertTrue(badValue.err().contains("expected a probability in [0, 1]"), badValue.err());
        CliRun readout = CliRun.of("circuit", "eval", "--qubits", "2", "--layers", "2", "--weights", w.toString(),
                "--inputs", x.toString(), "--noise", "readout=0.1,0.1,0.1");
        assertEquals(2, readout.exit());
        assertTrue(readout.err().contains("expected none, one (every wire) or one per qubit (2)"), readout.err());
    }

    @Test
    void exportFromCsvFilesWritesOpenQasmThatReadsBackToTheSameOutputs() throws IOException {
        Path w = write("W.csv", WEIGHTS_2x2);
        Path x = write("X.csv", "1,2,3,4\n0.5,-0.25,0,-1\n");
        CliRun r = CliRun.of("circuit", "export", "--qubits", "2", "--layers", "2", "--weights", w.toString(), "--inputs",
                x.toString(), "--row", "1", "--qasm", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n"), r.out());
        double[] weights = {0.1, 0.2, 0.3, 1.4, -0.5, 2.6, -0.7, 0.8, 0.9, 3.0, 1.1, -1.2};
        double[] expected = new double[2];
        Simulator.STATEVECTOR.evaluator(new CircuitSpec(2, 2, Embedding.AMPLITUDE, Pauli.Y, 0), 1)
                .forward(new double[] {0.5, -0.25, 0, -1}, 1, weights, expected);
        var program = org.hqcm.engine.quantum.QasmReader.read(r.out());
        assertArrayEquals(expected, org.hqcm.engine.quantum.QasmSimulation.dense(program), 1e-12);
        Path file = dir.resolve("c.qasm3");
        CliRun toFile = CliRun.of("circuit", "export", "--qubits", "2", "--layers", "2", "--weights", w.toString(),
                "--inputs", x.toString(), "--out", file.toString());
        assertEquals(0, toFile.exit(), toFile.err());
        assertTrue(Files.readString(file).startsWith("OPENQASM 3.0;"));
        CliRun badRow = CliRun.of("circuit", "export", "--qubits", "2", "--layers", "2", "--weights", w.toString(),
                "--inputs", x.toString(), "--row", "5");
        assertEquals(2, badRow.exit());
        assertTrue(badRow.err().contains("--row 5: ") && badRow.err().contains("has 2 rows"), badRow.err());
    }

    @Test
    void diagnoseShowsTheVarianceFallingWithQubitsForDeepCircuits() throws IOException {
        Path out = dir.resolve("diag");
        CliRun r = CliRun.of("circuit", "diagnose", "--qubits", "2,4,6", "--layers", "1,10", "--samples", "150",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("gradient-variance.csv"));
        assertEquals(7, lines.size());
        assertTrue(lines.get(0).startsWith("qubits,layers,samples,parameters,meanVariance"), lines.get(0));
        double[] deep = lines.stream().skip(1).map(l -> l.split(",")).filter(c -> c[1].equals("10"))
                .mapToDouble(c -> Double.parseDouble(c[4])).toArray();
        assertEquals(3, deep.length);
        assertTrue(deep[0] > deep[1] && deep[1] > deep[2], java.util.Arrays.toString(deep));
        assertTrue(r.out().matches("(?s).*layers 10: mean variance changes by 2\\^-[0-9.]+ per added qubit.*"), r.out());
        assertTrue(Files.size(out.resolve("gradient-variance.png")) > 5000);
        CliRun noisy = CliRun.of("circuit", "diagnose", "--qubits", "2,3", "--layers", "2", "--samples", "20", "--noise",
                "depolarizing=0.05", "--out", dir.resolve("diag2").toString());
        assertEquals(0, noisy.exit(), noisy.err());
        assertTrue(noisy.out().contains("noise depolarizing 0.0500000"), noisy.out());
        CliRun tooBig = CliRun.of("circuit", "diagnose", "--qubits", "7", "--noise", "depolarizing=0.05", "--out",
                dir.resolve("diag3").toString());
        assertEquals(2, tooBig.exit());
        assertTrue(tooBig.err().contains("qubits 7: expected 1..6 with noise channels"), tooBig.err());
    }
}
