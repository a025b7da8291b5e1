package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.Preprocessing;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.run.TrainedModel;
import org.hqcm.engine.quantum.CircuitSpec;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.quantum.Qasm;
import org.hqcm.engine.quantum.Simulator;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.resource.AtomicFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm circuit export}: OpenQASM 2.0 or 3 of a circuit with its parameters bound: the circuits of a trained
 * model for one input image (its projection slice through the amplitude embedding's state preparation, the trained
 * weights), or one circuit from weight and input CSV files as {@code circuit eval} takes them.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a circuit as OpenQASM with every parameter bound: the amplitude embedding as a Mottonen "
                + "RY/CNOT state preparation, each Rot as rz ry rz, the CNOT ring, the measurement basis and "
                + "measure. Either --model RUN_DIR --image IMAGE (the trained circuits for that image), or "
                + "--qubits/--layers --weights W.csv --inputs X.csv (row --row). The header comments hold the "
                + "layer's expected outputs. Noise channels of the model are not part of OpenQASM and are not "
                + "written.")
public final class CircuitExportCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "RUN_DIR", description = "A completed run folder (with --image).")
    Path model;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Input image of the model (PNG, JPEG, DICOM).")
    Path image;

    @Option(names = "--circuit", paramLabel = "C", description = "With --model: only circuit C (0-based); default: all.")
    Integer circuit;

    @Option(names = "--qubits", paramLabel = "Q", description = "Without --model: qubits (wires).")
    Integer qubits;

    @Option(names = "--layers", paramLabel = "L", description = "Without --model: StronglyEntanglingLayers.")
    Integer layers;

    @Option(names = "--measure", defaultValue = "Y", paramLabel = "X|Y|Z",
            description = "Without --model: Pauli observable on every wire (default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--embedding", defaultValue = "amplitude", paramLabel = "amplitude|angle",
            description = "Without --model: embedding (default: ${DEFAULT-VALUE}).")
    String embedding;

    @Option(names = "--weights", paramLabel = "W.csv",
            description = "Without --model: L*Q rows phi,theta,omega, layer-major, then wire.")
    Path weights;

    @Option(names = "--inputs", paramLabel = "X.csv", description = "Without --model: input rows as for circuit eval.")
    Path inputs;

    @Option(names = "--row", defaultValue = "0", paramLabel = "R", description = "Input row, 0-based (default: 0).")
    int row;

    @Option(names = "--qasm", defaultValue = "3", paramLabel = "2|3",
            description = "OpenQASM version (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--out", paramLabel = "PATH",
            description = "File for one circuit (default: standard output), folder for several (default: qasm).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws java.io.IOException {
        Qasm.Version v = Qasm.Version.parse(version);
        List<Export> exports;
        if (model != null) {
            if (image == null) {
                throw new BadInputException("--model needs --image: the input image whose circuits are exported");
            }
            if (qubits != null || layers != null || weights != null || inputs != null) {
                throw new BadInputException("--model takes the circuit from the run: leave out --qubits, --layers, "
                        + "--weights and --inputs");
            }
            exports = trained();
        } else {
            if (qubits == null || layers == null || weights == null || inputs == null) {
                throw new BadInputException("expected --model RUN_DIR --image IMAGE, or --qubits, --layers, --weights "
                        + "and --inputs");
            }
            exports = List.of(given());
        }
        PrintWriter stdout = command.commandLine().getOut();
        if (exports.size() == 1 && out == null) {
            stdout.print(exports.get(0).text(v));
        } else if (exports.size() == 1 && !Files.isDirectory(out)) {
            AtomicFiles.writeString(out, exports.get(0).text(v));
            stdout.println("written: " + out);
        } else {
            Path dir = out == null ? Path.of("qasm") : out;
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new BadInputException(dir + ": cannot create the folder (" + e.getMessage() + ")", e);
            }
            for (Export e : exports) {
                Path file = dir.resolve(e.fileName() + (v == Qasm.Version.V2 ? ".qasm" : ".qasm3"));
                AtomicFiles.writeString(file, e.text(v));
                stdout.println("written: " + file);
            }
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /** One circuit to write: spec, its weights and input, provenance lines and the layer's outputs. */
    record Export(String fileName, CircuitSpec spec, double[] weights, double[] input, List<String> comments) {
        String text(Qasm.Version v) {
            return Qasm.write(spec, weights, 0, input, 0, v, comments);
        }
    }

    private List<Export> trained() {
        TrainedModel trained = TrainedModel.load(RunFolder.open(model));
        if (!(trained.experiment().getArchitecture().getHead() instanceof QuantumHead head)) {
            throw new BadInputException(model + ": the run has a classical head; there is no circuit to export");
        }
        CircuitSpec spec = CircuitSpecs.of(head).withShots(0);
        int circuits = head.getCircuits();
        if (circuit != null && (circuit < 0 || circuit >= circuits)) {
            throw new BadInputException("--circuit " + circuit + ": expected 0.." + (circuits - 1));
        }
        Sample sample = Preprocessing.toSample(PredictCommand.read(image, trained.experiment().getDataset().getMaxImagePixels()), trained.imageSize());
        float[] z = trained.headInputs(List.of(sample), new int[] {0});
        double[] all = trained.circuitWeights();
        int width = spec.inputWidth();
        int wc = spec.weightCount();
        String base = baseName(image);
        List<Export> exports = new ArrayList<>();
        for (int c = 0; c < circuits; c++) {
            if (circuit != null && circuit != c) {
                continue;
            }
            double[] input = new double[width];
            for (int i = 0; i < width; i++) {
                input[i] = z[c * width + i];
            }
            double[] w = java.util.Arrays.copyOfRange(all, c * wc, (c + 1) * wc);
            List<String> comments = new ArrayList<>();
            comments.add("HQCM Studio: circuit " + c + " of " + circuits + " of run " + model.toAbsolutePath().normalize()
                    + " for image " + image);
            if (spec.noise().hasGateNoise() || spec.noise().hasReadoutError()) {
                comments.add("the run simulated noise (" + spec.noise() + "); OpenQASM carries no noise channels, the "
                        + "expected values below are noiseless");
            }
            exports.add(new Export(base + "-circuit" + c, spec.withNoise(org.hqcm.engine.quantum.NoiseModel.NONE), w,
                    input, withExpected(comments, spec.withNoise(org.hqcm.engine.quantum.NoiseModel.NONE), w, input)));
        }
        return exports;
    }

    private Export given() {
        CircuitSpec spec = CircuitOptions.spec(qubits, layers, measure, embedding, 0);
        double[] flat = CircuitOptions.readWeights(weights, spec);
        double[][] x = CircuitOptions.readInputs(inputs, spec);
        if (row < 0 || row >= x.length) {
            throw new BadInputException("--row " + row + ": " + inputs + " has " + x.length + " rows (0.."
                    + (x.length - 1) + ")");
        }
        List<String> comments = new ArrayList<>();
        comments.add("HQCM Studio: weights " + weights + ", input " + inputs + " row " + row);
        return new Export(baseName(inputs) + "-row" + row, spec, flat, x[row],
                withExpected(comments, spec, flat, x[row]));
    }

    /** Adds the layer's exact outputs for this circuit (what a device would estimate with many shots). */
    private static List<String> withExpected(List<String> comments, CircuitSpec spec, double[] w, double[] input) {
        double[] e = new double[spec.qubits()];
        Simulator.STATEVECTOR.evaluator(spec, 1).forward(input, 1, w, e);
        StringBuilder sb = new StringBuilder("expected <" + spec.measurement() + "> per wire (wire 0 first):");
        for (double v : e) {
            sb.append(String.format(Locale.ROOT, " %.12f", v + 0.0));
        }
        List<String> all = new ArrayList<>(comments);
        all.add(sb.toString());
        return all;
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
