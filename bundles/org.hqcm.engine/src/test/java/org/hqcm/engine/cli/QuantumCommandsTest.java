package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hqcm.engine.internal.data.Preprocessing;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.run.ExperimentRunner;
import org.hqcm.engine.internal.run.RunObserver;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.engine.internal.run.TrainedModel;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.quantum.QasmReader;
import org.hqcm.engine.quantum.QasmSimulation;
import org.hqcm.engine.quantum.Simulator;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.RunRecord;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a trained model: OpenQASM export for an image, and the noise / shots grid. */
class QuantumCommandsTest {

    @TempDir
    static Path dir;
    static RunFolder quantum;
    static RunFolder classical;
    static Path image;

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        Experiment q = TinyExperiments.tiny(2);
        ((QuantumHead) q.getArchitecture().getHead()).setQubits(3); // 2 circuits x 8 amplitudes: negative ones too
        quantum = new ExperimentRunner(RunObserver.NONE, () -> false).start(TinyExperiments.write(q, dir), 7L,
                dir.resolve("runs"));
        Experiment c = TinyExperiments.tiny(2);
        c.setName("tiny-classical");
        ClassicalHead head = (ClassicalHead) Presets.create(Presets.QUICKSTART_CLASSICAL).getArchitecture().getHead();
        head.setProjectionWidth(16);
        head.setWidth(6);
        head.setNormalizedSlices(2);
        c.getArchitecture().setHead(head);
        classical = new ExperimentRunner(RunObserver.NONE, () -> false).start(TinyExperiments.write(c, dir), 7L,
                dir.resolve("runs"));
        CliRun synth = CliRun.of("data", "synth", "--out", dir.resolve("images").toString(), "--per-class", "1",
                "--size", "16");
        assertEquals(0, synth.exit(), synth.err());
        try (Stream<Path> s = Files.walk(dir.resolve("images"))) {
            image = s.filter(p -> p.toString().endsWith(".png") && p.toString().contains("glioma")).findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void exportedCircuitsOfATrainedModelGiveTheLayersOutputsForThatImage() throws IOException {
        Path out = dir.resolve("qasm");
        CliRun r = CliRun.of("circuit", "export", "--model", quantum.dir().toString(), "--image", image.toString(),
                "--qasm", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        TrainedModel model = TrainedModel.load(quantum);
        QuantumHead head = (QuantumHead) model.experiment().getArchitecture().getHead();
        CircuitSpec spec = CircuitSpecs.of(head);
        Sample sample = Preprocessing.toSample(PredictCommand.read(image, model.experiment().getDataset().getMaxImagePixels()), model.imageSize());
        float[] z = model.headInputs(List.of(sample), new int[] {0});
        double[] weights = model.circuitWeights();
        // the layer in double precision, as it computes before handing floats to the network
        double[] input = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            input[i] = z[i];
        }
        double[] layer = new double[head.getCircuits() * spec.qubits()];
        Simulator.STATEVECTOR.evaluator(spec, head.getCircuits()).forward(input, 1, weights, layer);
        float[] network = model.inference().run(List.of(sample), new int[] {0}).headOutputs() == null ? null
                : toFloats(model.inference().run(List.of(sample), new int[] {0}).headOutputs());
        String base = image.getFileName().toString().replace(".png", "");
        for (int c = 0; c < head.getCircuits(); c++) {
            Path file = out.resolve(base + "-circuit" + c + ".qasm");
            assertTrue(r.out().contains("written: " + file), r.out());
            QasmReader.Program p = QasmReader.read(Files.readString(file));
            double[] expected = java.util.Arrays.copyOfRange(layer, c * spec.qubits(), (c + 1) * spec.qubits());
            assertArrayEquals(expected, QasmSimulation.lift(p).expectations(), 1e-12, "engine, circuit " + c);
            assertArrayEquals(expected, QasmSimulation.dense(p), 1e-12, "dense, circuit " + c);
            assertArrayEquals(expected, QasmSimulation.strange(p), 2e-5, "Strange, circuit " + c);
            for (int j = 0; j < spec.qubits(); j++) {
                assertEquals(network[c * spec.qubits() + j], expected[j], 1e-6, "network head output");
            }
        }
        CliRun one = CliRun.of("circuit", "export", "--model", quantum.dir().toString(), "--image", image.toString(),
                "--circuit", "1");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().startsWith("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n"), one.out());
        assertTrue(one.out().contains("// expected <Y> per wire (wire 0 first):"), one.out());
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    @Test
    void exportRefusesClassicalRunsAndMixedModes() {
        CliRun r = CliRun.of("circuit", "export", "--model", classical.dir().toString(), "--image", image.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("classical head; there is no circuit to export"), r.err());
        CliRun mixed = CliRun.of("circuit", "export", "--model", quantum.dir().toString(), "--image", image.toString(),
                "--qubits", "2");
        assertEquals(2, mixed.exit());
        CliRun none = CliRun.of("circuit", "export");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("expected --model RUN_DIR --image IMAGE"), none.err());
    }

    @Test
    void noiseGridStartsAtTheRecordedAccuracyAndWritesCsvAndFigures() throws IOException {
        Path out = dir.resolve("noise");
        CliRun r = CliRun.of("noise", quantum.dir().toString(), "--classical", classical.dir().toString(),
                "--channels", "depolarizing,readout", "--strengths", "0,0.2,0.75", "--shots", "0,50", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err() + r.out());
        RunRecord record = HqcmResources.loadRunRecord(quantum.record());
        double recorded = record.getTestMetrics().getAccuracy();
        List<String> lines = Files.readAllLines(out.resolve("noise.csv"));
        assertEquals(1 + 2 * 2 * 3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("channel,strength,shots,accuracy,macroF1,macroJaccard,simulator,seconds,"
                + "attentionJaccard@0.99"), lines.get(0));
        String[] first = lines.get(1).split(",");
        assertEquals("depolarizing", first[0]);
        assertEquals("0", first[1]);
        assertEquals("0", first[2]);
        assertEquals(recorded, Double.parseDouble(first[3]), 1e-6, "no noise, exact: the run's own test accuracy");
        assertEquals("densitymatrix", lines.get(2).split(",")[6]);
        assertEquals("statevector", lines.stream().filter(l -> l.startsWith("readout,0.2,0,")).findFirst()
                .orElseThrow().split(",")[6]);
        // attention Jaccard comes before the head: the same in every row
        String full = lines.stream().filter(l -> l.startsWith("depolarizing,0.75,0,")).findFirst().orElseThrow();
        assertEquals(lines.get(1).split(",")[8], full.split(",")[8]);
        for (String png : List.of("noise-accuracy.png", "noise-jaccard.png", "noise-accuracy-depolarizing.png",
                "noise-accuracy-readout.png")) {
            assertTrue(Files.size(out.resolve(png)) > 5000, png);
        }
        assertTrue(r.out().contains("classical " + classical.dir().getFileName()), r.out());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "recorded test accuracy %.4f, reloaded model "
                + "%.4f", recorded, recorded)), r.out());
    }

    @Test
    void noiseGridRefusesAClassicalRunAndUnknownChannels() {
        CliRun r = CliRun.of("noise", classical.dir().toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("classical head"), r.err());
        CliRun bad = CliRun.of("noise", quantum.dir().toString(), "--channels", "bitflip");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("noise channel 'bitflip': expected depolarizing, amplitudeDamping, phaseDamping "
                + "or readout"), bad.err());
    }
}
