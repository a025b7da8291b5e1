package org.hqcm.sweep;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.Sweep;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.sweep.FeaturePath;

import picocli.CommandLine;

/** Test helpers: the tiny 2 x 2 sweep every test runs, and the sweep command in-process or in a JVM of its own. */
final class TinySweep {

    /** One in-process command with its exit code and output. */
    record Result(int exit, String out, String err) {
    }

    private TinySweep() {
    }

    /**
     * The engine's tiny experiment (its test helper TinyExperiments, not shared across modules: a test-jar next to the
     * engine jar would be picked up by every {@code org.hqcm.engine-*.jar} glob) with a fixed number of epochs.
     */
    static Experiment tinyExperiment(int epochs) {
        Experiment e = Presets.create(Presets.QUICKSTART);
        e.setName("tiny");
        e.getDataset().setImageSize(16);
        e.getDataset().getSources().get(0).setImagesPerClass(16);
        e.getArchitecture().getBackboneWidths().clear();
        e.getArchitecture().getBackboneWidths().addAll(List.of(4, 4, 2));
        e.getArchitecture().getAttention().setReductionRatio(1);
        QuantumHead q = (QuantumHead) e.getArchitecture().getHead();
        q.setQubits(2);
        q.setLayers(1);
        q.setCircuits(2);
        e.getTraining().setMaxEpochs(epochs);
        e.getTraining().setEarlyStoppingPatience(0);
        e.getTraining().setBatchSize(8);
        e.getTraining().setLearningRate(0.01);
        e.getTraining().setBatchNormRecalibration(16);
        e.getEvaluation().setTsnePerplexity(2);
        e.getEvaluation().setAttentionExamples(1);
        return e;
    }

    /** 2 configurations (quantum, classical) x 2 seeds, one thread per trial. */
    static Path write(Path dir, int epochs) {
        Sweep s = SweepPresets.newSweep("tiny-sweep", tinyExperiment(epochs));
        s.getAxes().add(SweepPresets.axis(FeaturePath.HEAD, FeaturePath.QUANTUM, FeaturePath.CLASSICAL));
        s.getSeeds().addAll(List.of(1L, 2L));
        s.setThreadsPerTrial(1);
        Path file = dir.resolve("tiny-sweep.hqcmsweep");
        HqcmResources.save(s, file);
        return file;
    }

    static Result run(String... args) {
        CommandLine cl = SweepMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** This test JVM's class path as entries (surefire runs tests from a manifest-only jar and says so here). */
    static List<String> testClasspath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> out = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank() && Files.exists(Path.of(e))) {
                out.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return out;
    }

    /** Java 17 options Spark needs (notes/spark-from-maven-central.md). */
    static List<String> opens() {
        List<String> out = new ArrayList<>();
        for (String p : List.of("java.lang", "java.nio", "sun.nio.ch", "java.util", "java.lang.invoke", "sun.nio.cs",
                "sun.security.action", "sun.util.calendar", "java.util.concurrent", "java.net", "java.io")) {
            out.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
        }
        return out;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The published run folders of a sweep folder. */
    static List<Path> runs(Path sweepDir) throws IOException {
        if (!Files.isDirectory(sweepDir.resolve("runs"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(sweepDir.resolve("runs"))) {
            return s.sorted().toList();
        }
    }

    /** Attempt folders whose run folder has a checkpoint. */
    static List<Path> attemptsWithCheckpoint(Path sweepDir) throws IOException {
        Path attempts = sweepDir.resolve("attempts");
        if (!Files.isDirectory(attempts)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(attempts, 4)) {
            return s.filter(p -> p.getFileName().toString().equals("checkpoint.zip")).map(p -> p.getParent().getParent())
                    .toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // a folder renamed while we walked
        }
    }
}
