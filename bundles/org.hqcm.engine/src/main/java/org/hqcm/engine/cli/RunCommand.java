package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.run.ExperimentRunner;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.Architecture;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.DataSource;
import org.hqcm.model.Dataset;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SourceKind;
import org.hqcm.model.Training;
import org.hqcm.model.resource.HqcmResources;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hqcm run FILE} trains and evaluates an experiment into a new run folder; {@code hqcm run --resume DIR}
 * continues a run that was killed or cancelled. Ctrl-C stops after the current batch and keeps the last checkpoint.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment file (.hqcm): validate it, train with a checkpoint per epoch, evaluate on the",
            "test split, and write everything into runs/<experiment>-<time>/ (or the folder --run-dir names).",
            "Ctrl-C stops cleanly after the current batch; --resume continues from the last checkpoint.",
            "Exit codes: 0 completed, 1 failed or cancelled, 2 bad input."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The experiment file.")
    Path file;

    @Option(names = "--seed", paramLabel = "N",
            description = "Training seed of the first repeat (default: the experiment's seed). The data and its split "
                    + "always follow the experiment's seed, so runs of one experiment share their test set.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "Folder that receives the run folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "The run folder itself, chosen by the caller (an IDE launch): created if missing, else it must "
                    + "be an empty folder. With repeats > 1, repeat i (from 2) goes into DIR-r<i>. Instead of --out.")
    Path runDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue this run from its last checkpoint.")
    Path resume;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if ((file == null) == (resume == null)) {
            throw new BadInputException("run: expected an experiment FILE or --resume RUN_DIR (exactly one of them)");
        }
        if (runDir != null && resume != null) {
            throw new BadInputException("run: --run-dir names a new run's folder; --resume continues RUN_DIR itself");
        }
        if (runDir != null && spec.commandLine().getParseResult().hasMatchedOption("--out")) {
            throw new BadInputException("run: --run-dir DIR and --out DIR exclude each other (DIR is the run folder "
                    + "itself with --run-dir, the folder that receives run folders with --out)");
        }
        // a requested stop is normal output, not an error (an IDE console shows stderr in red)
        try (ShutdownCancel cancel = ShutdownCancel.install(stdout,
                "stopping after the current batch (the last checkpoint is kept) ...")) {
            AtomicBoolean cancelled = cancel.flag();
            return resume != null ? resumeRun(stdout, stderr, cancelled) : newRuns(stdout, stderr, cancelled);
        }
    }

    private int newRuns(PrintWriter stdout, PrintWriter stderr, AtomicBoolean cancelled) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith("." + HqcmResources.SWEEP_EXTENSION)) {
            throw new BadInputException(file + ": a sweep; expected an experiment (.hqcm) here (run sweeps with: hqcm sweep "
                    + file + ")");
        }
        CheckedExperiment checked = CheckedExperiment.of(file);
        checked.print(stdout, stderr);
        if (!checked.ok()) {
            if (checked.loadFailure() == null) {
                stdout.println(file + ": " + checked.errors() + " error(s); nothing was run");
                stdout.flush();
            }
            return ExitCodes.BAD_INPUT;
        }
        Experiment e = checked.experiment();
        long firstSeed = seed != null ? seed : e.getSeed();
        printSummary(stdout, e, firstSeed);
        int status = ExitCodes.OK;
        for (int r = 0; r < Math.max(1, e.getRepeats()) && status == ExitCodes.OK; r++) {
            ExperimentRunner runner = new ExperimentRunner(
                    new TrainingProgress(stdout, stderr, e.getTraining().getMaxEpochs()), cancelled::get);
            RunFolder folder = runDir == null ? runner.start(file, firstSeed + r, out)
                    : runner.start(file, firstSeed + r, RunFolder.chosen(repeatDir(runDir, r)));
            status = report(stdout, folder);
        }
        return status;
    }

    private int resumeRun(PrintWriter stdout, PrintWriter stderr, AtomicBoolean cancelled) {
        RunFolder folder = RunFolder.open(resume);
        Experiment e = HqcmResources.loadRunRecord(folder.record()).getExperiment();
        stdout.println("resuming " + folder.dir());
        stdout.flush();
        new ExperimentRunner(new TrainingProgress(stdout, stderr, e.getTraining().getMaxEpochs()), cancelled::get)
                .resume(resume);
        return report(stdout, folder);
    }

    /** The folder of repeat {@code r} (0-based) when the caller chose the first one. */
    static Path repeatDir(Path runDir, int r) {
        return r == 0 ? runDir : runDir.resolveSibling(runDir.getFileName() + "-r" + (r + 1));
    }

    private static int report(PrintWriter stdout, RunFolder folder) {
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        if (record.getStatus() == RunStatus.COMPLETED) {
            stdout.println(String.format(Locale.ROOT, "test accuracy %.4f  macro-F1 %.4f  (%d epochs)  run: %s",
                    record.getTestMetrics().getAccuracy(), record.getTestMetrics().getMacroF1(),
                    record.getEpochs().size(), folder.dir()));
            stdout.flush();
            return ExitCodes.OK;
        }
        stdout.println(record.getStatus() + ": " + record.getFailureMessage());
        stdout.flush();
        return ExitCodes.FAILED;
    }

    private static void printSummary(PrintWriter stdout, Experiment e, long firstSeed) {
        stdout.println("experiment " + e.getName());
        stdout.println("  dataset:  " + describe(e.getDataset()));
        stdout.println("  network:  " + describe(e.getArchitecture()));
        Training t = e.getTraining();
        stdout.println("  training: " + t.getOptimizer() + " lr " + t.getLearningRate() + ", up to " + t.getMaxEpochs()
                + " epochs, batch " + t.getBatchSize() + ", " + t.getBackend());
        stdout.println("  seeds:    " + (e.getRepeats() <= 1 ? String.valueOf(firstSeed)
                : firstSeed + ".." + (firstSeed + e.getRepeats() - 1)));
        stdout.flush();
    }

    static String describe(Dataset d) {
        String sources = d.getSources().stream().map(RunCommand::describe).collect(Collectors.joining(" + "));
        return sources + ", " + d.getClassNames().size() + " classes, " + d.getImageSize() + "x" + d.getImageSize()
                + ", split " + d.getTrainFraction() + "/" + d.getValidationFraction() + "/" + d.getTestFraction();
    }

    static String describe(DataSource s) {
        return s.getKind() == SourceKind.SYNTHETIC
                ? "SYNTHETIC " + s.getImagesPerClass() + " per class (difficulty " + s.getDifficulty() + ")"
                : s.getKind() + " " + s.getPath();
    }

    static String describe(Architecture a) {
        String head;
        if (a.getHead() instanceof QuantumHead q) {
            head = "quantum head " + q.getCircuits() + " x " + q.getQubits() + " qubits, " + q.getLayers() + " layers, "
                    + q.getEmbedding() + ", " + q.getMeasurement() + ", " + q.getSimulator() + ", gradient "
                    + q.getGradientMethod() + (q.getShots() > 0 ? ", " + q.getShots() + " shots" : "")
                    + ", noise " + CircuitSpecs.noise(q);
        } else if (a.getHead() instanceof ClassicalHead c) {
            head = "classical head width " + c.getWidth() + " " + c.getActivation();
        } else {
            head = "no head";
        }
        return "backbone " + a.getBackboneWidths() + ", attention "
                + (a.getAttention().isEnabled() ? "r=" + a.getAttention().getReductionRatio() : "off") + ", " + head;
    }
}
