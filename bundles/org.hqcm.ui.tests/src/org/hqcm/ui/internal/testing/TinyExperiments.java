package org.hqcm.ui.internal.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hqcm.model.Activation;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.resource.HqcmResources;

/**
 * The repository's quickstart example shrunk to seconds (16x16 images, 12 per class, 2 epochs, 2 qubits), and
 * real engine runs of it in a separate JVM, as the IDE's launches do. The engine is the reactor's build
 * ({@code hqcm.engine.dir}: jar + lib/), the examples folder {@code hqcm.examples}.
 */
public final class TinyExperiments {

    private TinyExperiments() {
    }

    /** The quickstart example as shipped. */
    public static Path quickstart() {
        return Path.of(System.getProperty("hqcm.examples", "../../examples")).resolve("quickstart.hqcm");
    }

    /** The engine's build folder (jar + lib/). */
    public static Path engineDir() {
        return Path.of(System.getProperty("hqcm.engine.dir", "../org.hqcm.engine/target"));
    }

    /** Writes the shrunk quickstart, with a quantum or a classical head, named {@code name}. */
    public static Path write(Path file, String name, boolean quantum) {
        return write(file, name, quantum, 12, 2);
    }

    /** The same with more images and epochs (a run long enough to be cancelled in the middle). */
    public static Path write(Path file, String name, boolean quantum, int imagesPerClass, int epochs) {
        HqcmResources.registerGlobally();
        Experiment e = HqcmResources.loadExperiment(quickstart());
        e.setName(name);
        e.getDataset().setImageSize(16);
        e.getDataset().getSources().forEach(s -> s.setImagesPerClass(imagesPerClass));
        e.getTraining().setMaxEpochs(epochs);
        e.getTraining().setBatchSize(8);
        e.getArchitecture().getBackboneWidths().clear();
        e.getArchitecture().getBackboneWidths().addAll(List.of(4, 4, 4));
        if (quantum) {
            QuantumHead q = (QuantumHead) e.getArchitecture().getHead();
            q.setQubits(2);
            q.setLayers(1);
            q.setCircuits(2);
        } else {
            ClassicalHead c = HqcmFactory.eINSTANCE.createClassicalHead();
            c.setWidth(4);
            c.setActivation(Activation.TANH);
            c.setProjectionWidth(8);
            // the counterpart of the tiny quantum head: its 2 circuits normalise 2 slices of the projection
            c.setNormalizedSlices(2);
            e.getArchitecture().setHead(c);
        }
        HqcmResources.save(e, file);
        return file;
    }

    /** The command line of an engine run in its own JVM. */
    public static List<String> command(Path experiment, Path out, long seed) throws IOException {
        Path dir = engineDir().toAbsolutePath().normalize();
        Path jar;
        try (Stream<Path> files = Files.list(dir)) {
            jar = files.filter(p -> p.getFileName().toString().matches("org\\.hqcm\\.engine-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar")).findFirst()
                    .orElseThrow(() -> new IOException("the engine is not built in " + dir));
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        cmd.addAll(List.of("-cp", jar + java.io.File.pathSeparator + dir.resolve("lib") + "/*",
                "org.hqcm.engine.cli.Main", "run", experiment.toString(), "--seed", Long.toString(seed),
                "--out", out.toString()));
        return cmd;
    }

    /** Runs the engine to the end; fails with its output when it does not exit 0. */
    public static void run(Path experiment, Path out, long seed) throws Exception {
        Path log = Files.createTempFile("hqcm-engine", ".log");
        Process p = new ProcessBuilder(command(experiment, out, seed)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("engine did not finish in 3 minutes: " + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("engine exit " + p.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
