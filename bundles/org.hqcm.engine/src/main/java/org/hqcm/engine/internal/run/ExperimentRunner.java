package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.BackendFailure;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.Cancellation;
import org.hqcm.engine.EngineInfo;
import org.hqcm.engine.IoMessages;
import org.hqcm.engine.RunCancelledException;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.internal.data.DatasetLoader;
import org.hqcm.engine.internal.data.LeakageGuard;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.eval.TribuoEvaluations;
import org.hqcm.engine.internal.io.ArrayArchive;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.train.EpochResult;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.engine.internal.train.NetworkTrainer;
import org.hqcm.engine.internal.train.Predictions;
import org.hqcm.engine.internal.train.TrainingState;
import org.hqcm.engine.internal.train.tribuo.HqcmModel;
import org.hqcm.engine.internal.train.tribuo.HqcmTrainer;
import org.hqcm.engine.internal.train.tribuo.ImageDataset;
import org.hqcm.engine.internal.train.tribuo.TrainingCancelledException;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunLock;
import org.hqcm.engine.run.TornLines;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.Provenance;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.AtomicFiles;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

/**
 * Runs one experiment into one run folder: validate, load and split the data, train with a checkpoint per epoch,
 * evaluate on the test split, and write the run record, the model and the artefacts. A killed run continues with
 * {@link #resume}; a cancelled one stops within a layer of its current batch (or wherever it is) and keeps its last
 * checkpoint.
 *
 * <p>Seeds: the experiment's seed fixes the data (synthetic generation and the split), so runs of one experiment
 * share their test set; the run seed (the experiment's seed, or {@code --seed}) fixes initialisation, shuffling and
 * augmentation.
 */
public final class ExperimentRunner {

    /** Tribuo's provenance of the trained model, as text. */
    static final String PROVENANCE_FILE = RunFolder.PROVENANCE;

    private final RunObserver observer;
    private final BooleanSupplier cancelled;
    private String phase = "starting";

    public ExperimentRunner(RunObserver observer, BooleanSupplier cancelled) {
        this.observer = observer;
        this.cancelled = cancelled;
    }

    /**
     * Loads an experiment file and checks it as {@code hqcm validate} does ({@link RunPreflight}: constraints, data
     * listing, memory); problems that are errors become one BadInputException listing all.
     */
    public static Experiment loadValid(Path file) {
        Experiment e = HqcmResources.loadExperiment(file);
        refuseErrors(file, RunPreflight.check(e, baseDir(file), MemoryEstimate.Limits.ofThisProcess()));
        return e;
    }

    private static void refuseErrors(Path where, List<Problem> problems) {
        if (ExperimentValidator.hasErrors(problems)) {
            throw new BadInputException(problems.stream().filter(Problem::isError)
                    .map(p -> where + ": " + p.featurePath() + ": " + p.message())
                    .collect(Collectors.joining("\n")));
        }
    }

    private static Path baseDir(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** A new run of {@code experimentFile} in a new folder under {@code runsRoot}. */
    public RunFolder start(Path experimentFile, Long seedOverride, Path runsRoot) {
        Experiment experiment = loadValid(experimentFile);
        return start(experimentFile, experiment, seedOverride, RunFolder.create(runsRoot, experiment.getName()));
    }

    /**
     * A new run of {@code experimentFile} in a folder its launcher chose ({@link RunFolder#chosen}: an IDE launch, a
     * sweep's trial attempt).
     */
    public RunFolder start(Path experimentFile, Long seedOverride, RunFolder folder) {
        return start(experimentFile, loadValid(experimentFile), seedOverride, folder);
    }

    private RunFolder start(Path experimentFile, Experiment experiment, Long seedOverride, RunFolder folder) {
        // the run folder must stand alone (resume, IDE): its copy names the data by absolute paths
        Path base = baseDir(experimentFile);
        for (var source : experiment.getDataset().getSources()) {
            if (source.getPath() != null && !source.getPath().isBlank() && !Path.of(source.getPath()).isAbsolute()) {
                source.setPath(base.resolve(source.getPath()).normalize().toString());
            }
        }
        long runSeed = seedOverride != null ? seedOverride : experiment.getSeed();
        RunRecord record = HqcmFactory.eINSTANCE.createRunRecord();
        record.setId(folder.dir().getFileName().toString());
        record.setExperiment(EcoreUtil.copy(experiment));
        record.setStatus(RunStatus.CREATED);
        Provenance p = HqcmFactory.eINSTANCE.createProvenance();
        p.setEngineVersion(EngineInfo.version());
        p.setCommit(EngineInfo.commit());
        p.setMachine(EngineInfo.machine());
        p.setSeed(runSeed);
        // what was asked for until ND4J has loaded; then the backend that actually runs (see run)
        p.setBackend(experiment.getTraining().getBackend());
        record.setProvenance(p);
        try (RunLock lock = RunLock.acquire(folder)) {
            HqcmResources.save(EcoreUtil.copy(experiment), folder.experiment());
            HqcmResources.save(record, folder.record());
            execute(folder, record, false, List.of());
        }
        return folder;
    }

    /**
     * Continues a run from its last checkpoint (or from the start when it has none, which it says). Holds the run
     * folder's {@link RunLock}: a run that is still going refuses the resume, naming its process; one that was killed
     * left a stale lock, which is taken over. What a kill left half-done (temporary files of atomic writes, a torn
     * last line of events.jsonl) is cleaned up first, and said so in run.log.
     */
    public RunFolder resume(Path runDir) {
        RunFolder folder = RunFolder.open(runDir);
        try (RunLock lock = RunLock.acquire(folder)) {
            RunRecord record = HqcmResources.loadRunRecord(folder.record());
            if (record.getStatus() == RunStatus.COMPLETED) {
                throw new BadInputException(runDir + ": the run is already completed; nothing to resume");
            }
            // the data or the machine may have changed since the run started
            refuseErrors(folder.record(), RunPreflight.check(record.getExperiment(), folder.dir(),
                    MemoryEstimate.Limits.ofThisProcess()));
            execute(folder, record, true, repair(folder, lock));
        }
        return folder;
    }

    /** Cleans up after a killed process; returns what was done, for run.log. */
    private static List<String> repair(RunFolder folder, RunLock lock) {
        List<String> notes = new ArrayList<>();
        if (!lock.previousHolder().isEmpty()) {
            notes.add("took over the lock of " + lock.previousHolder() + ", which ended without releasing it");
        }
        for (String tmp : folder.removeLeftoverTempFiles()) {
            notes.add("removed " + tmp + ", left by an interrupted write");
        }
        try {
            long dropped = TornLines.repair(folder.file(RunFolder.EVENTS));
            if (dropped > 0) {
                notes.add("dropped the torn last line of events.jsonl (" + dropped + " bytes written when the run was"
                        + " killed)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + folder.events() + ": " + IoMessages.describe(e), e);
        }
        return notes;
    }

    private void execute(RunFolder folder, RunRecord record, boolean resuming, List<String> notes) {
        Experiment experiment = record.getExperiment();
        long runSeed = record.getProvenance().getSeed();
        try (EventLog events = new EventLog(folder.file(RunFolder.EVENTS)); RunLog log = new RunLog(folder.file(RunFolder.LOG))) {
            RunObserver all = new CompositeRunObserver(new EventObserver(events), log, observer);
            notes.forEach(all::note);
            try {
                record.setStatus(RunStatus.RUNNING);
                if (record.getStarted() == null) {
                    record.setStarted(new Date());
                }
                record.setFailureMessage(null);
                HqcmResources.save(record, folder.record());
                Cancellation.during(cancelled, () -> {
                    run(folder, record, experiment, runSeed, resuming, all);
                    return null;
                });
            } catch (RunCancelledException c) {
                // outside the epoch loop (loading, evaluation): the last checkpoint is still the truth
                cancelled(folder, record, all, "cancelled while " + phase + "; "
                        + (record.getEpochs().isEmpty() ? "no epoch was completed yet"
                                : "the checkpoint of epoch " + record.getEpochs().size() + " is kept"));
            } catch (RuntimeException | Error e) {
                String message = BackendFailure.isBackendFailure(e) ? BackendFailure.describe(e)
                        : e.getMessage() == null ? e.toString() : e.getMessage();
                record.setStatus(RunStatus.FAILED);
                record.setFinished(new Date());
                record.setFailureMessage(message);
                HqcmResources.save(record, folder.record());
                all.ended(RunStatus.FAILED, message, Double.NaN);
                throw e;
            }
        }
    }

    private void run(RunFolder folder, RunRecord record, Experiment experiment, long runSeed, boolean resuming,
            RunObserver all) {
        phase(all, "loading", "loading the dataset");
        var ds = experiment.getDataset();
        LoadedDataset loaded = DatasetLoader.load(ExperimentMapping.sources(experiment, folder.dir()),
                ds.getImageSize(), experiment.getSeed(), LoadOptions.defaults()
                        .withRequiredClasses(EnumSet.allOf(TumourClass.class))
                        .withMaxImagePixels(ds.getMaxImagePixels())
                        .withProgress(all));
        LeakageGuard.Result guarded = ExperimentMapping.guard(experiment, loaded);
        LoadedDataset data = guarded.dataset();
        String fingerprint = data.fingerprint();
        String known = record.getProvenance().getDatasetFingerprint();
        if (resuming && known != null && !known.isEmpty() && !known.equals(fingerprint)) {
            throw new BadInputException(folder.dir() + ": the dataset changed since the run started (fingerprint "
                    + fingerprint + ", expected " + known + "); start a new run instead of resuming");
        }
        record.getProvenance().setDatasetFingerprint(fingerprint);
        record.setSkippedFiles(data.badFiles().size());
        for (var bad : data.badFiles()) {
            all.skipped(String.valueOf(bad.file()), bad.reason());
        }
        record.setDuplicateGroups(guarded.groups().size());
        record.setDuplicateImages(guarded.copies());
        record.setDroppedDuplicates(guarded.dropped());
        record.getDataWarnings().clear();
        record.getDataWarnings().addAll(guarded.warnings());
        all.note(guarded.summary(ExperimentMapping.duplicateHandling(ds.getDuplicatePolicy())));
        for (String w : guarded.warnings()) {
            all.warning("data: " + w);
        }
        Split split = ExperimentMapping.split(experiment, guarded);
        all.note(String.format(Locale.ROOT, "data: %d images (%d skipped), split %d / %d / %d, fingerprint %s",
                data.size(), data.badFiles().size(), split.train().length, split.validation().length,
                split.test().length, fingerprint));
        all.note(MemoryEstimate.of(experiment, data.size()).summary(Runtime.getRuntime().maxMemory()));

        List<String> classes = List.copyOf(experiment.getDataset().getClassNames());
        long wrapStart = System.nanoTime();
        String description = experiment.getName() + ": " + data.size() + " images " + ds.getImageSize() + "x"
                + ds.getImageSize() + ", fingerprint " + fingerprint;
        ImageDataset trainAndValidation = ImageDataset.of(description, data.samples(), classes,
                new String[] {ImageDataset.TRAIN, ImageDataset.VALIDATION}, split.train(), split.validation());
        ImageDataset testSet = ImageDataset.of(description + " (test split)", data.samples(), classes, split.test());
        long datasetNanos = System.nanoTime() - wrapStart;

        Map<String, double[]> resumeFrom = null;
        int resumedAfter = 0;
        if (resuming && Files.exists(folder.file(RunFolder.CHECKPOINT), LinkOption.NOFOLLOW_LINKS)) {
            // a checkpoint is read against the shape of the run's network, so a zip bomb is refused unread
            HybridNetwork shape = HybridNetwork.create(ExperimentMapping.network(experiment, runSeed));
            resumeFrom = ArrayArchive.read(folder.checkpoint(),
                    TrainingState.archiveLimits(shape, experiment.getTraining().getMaxEpochs()));
            resumedAfter = record.getEpochs().size();
            all.note("resuming from " + folder.checkpoint() + " after epoch " + resumedAfter);
        } else if (resuming && !record.getEpochs().isEmpty()) {
            String message = folder.checkpoint() + " is missing: the " + record.getEpochs().size() + " epochs in "
                    + HqcmResources.RUN_RECORD_FILE + " cannot be continued, so training starts again at epoch 1 (their"
                    + " records are replaced as the new epochs complete)";
            record.getEpochs().clear();
            all.warning(message);
        }
        int batches = (split.train().length + experiment.getTraining().getBatchSize() - 1)
                / experiment.getTraining().getBatchSize();
        all.started(record.getId(), experiment.getName(), experiment.getTraining().getMaxEpochs(), batches,
                resumedAfter);
        phase(all, "training", "training");

        record.getProvenance().setBackend(ExperimentMapping.loadedBackend());
        HqcmTrainer.Session session = new HqcmTrainer.Session(new RecordingListener(folder, record, all), cancelled,
                resumeFrom);
        HqcmTrainer.Trained trained;
        try {
            trained = HqcmTrainer.of(experiment, runSeed).train(trainAndValidation, session, Map.of());
        } catch (TrainingCancelledException c) {
            int done = c.state().epochsDone();
            cancelled(folder, record, all, done == 0
                    ? "cancelled during epoch 1, before the first checkpoint (a resume starts it again)"
                    : "cancelled during epoch " + (done + 1) + "; the checkpoint of epoch " + done + " is kept");
            return;
        }
        HqcmModel model = trained.model();
        NetworkTrainer.Result result = trained.result();
        all.note("training ended (" + result.outcome() + ") after " + result.state().epochsDone()
                + " epochs; best epoch " + result.state().bestEpoch());
        try {
            ArrayArchive.write(folder.model(), model.network().exportState());
            AtomicFiles.writeString(folder.dir().resolve(PROVENANCE_FILE),
                    ProvenanceUtil.formattedProvenanceString(model.getProvenance()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model into " + folder.dir() + ": " + e.getMessage(), e);
        }

        phase(all, "evaluating", "evaluating on the test split");
        Predictions test = model.predictDetailed(data.samples(), split.test());
        long evalStart = System.nanoTime();
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, model.toPredictions(test, testSet.getData()),
                testSet.getProvenance());
        ClassificationReport report = TribuoEvaluations.report(evaluation, classes);
        long evaluationNanos = System.nanoTime() - evalStart;
        long wrapNanos = datasetNanos + evaluationNanos;
        double meanEpoch = record.getEpochs().stream().mapToDouble(r -> r.getSeconds()).average().orElse(Double.NaN);
        all.note(String.format(Locale.ROOT, "Tribuo wrapping: datasets %.1f ms + predictions and evaluation %.1f ms = "
                + "%.1f ms = %.3f%% of a mean epoch (%.1f s)", datasetNanos / 1e6, evaluationNanos / 1e6,
                wrapNanos / 1e6, 100 * wrapNanos / 1e9 / meanEpoch, meanEpoch));
        Predictions validation = model.predictDetailed(data.samples(), split.validation());
        long explainStart = System.nanoTime();
        ExplanationEvaluation.Costs costs = TestEvaluation.write(folder, record, experiment, data, test, validation,
                report, model.network(), all);
        note(all, record, costs, (System.nanoTime() - explainStart) / 1e9);
        artefactOf(record, "Tribuo provenance", PROVENANCE_FILE);
        record.setStatus(RunStatus.COMPLETED);
        record.setFinished(new Date());
        HqcmResources.save(record, folder.record());
        all.ended(RunStatus.COMPLETED, "completed", report.accuracy());
    }

    /** The explanations' cost per image and for the explained images, as shares of the training time. */
    private static void note(RunObserver all, RunRecord record, ExplanationEvaluation.Costs costs, double seconds) {
        double training = record.getEpochs().stream().mapToDouble(r -> r.getSeconds()).sum();
        if (costs == null) {
            all.note(String.format(Locale.ROOT, "test evaluation %.1f s; no tumour test image to explain", seconds));
            return;
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "explanations of %d tumour test images (test evaluation %.1f s in all, training %.1f s):", costs.images(),
                seconds, training));
        costs.secondsPerImage().forEach((m, s) -> b.append(String.format(Locale.ROOT, " %s %.2f ms/image, %.2f s = %.2f%%;",
                ExplanationEvaluation.label(m), 1e3 * s, costs.seconds().get(m), 100 * costs.seconds().get(m) / training)));
        all.note(b.substring(0, b.length() - 1));
    }

    /** The end of a cancelled run: status CANCELLED, and how to continue. */
    private static void cancelled(RunFolder folder, RunRecord record, RunObserver all, String what) {
        String message = what + ": continue with ./hqcm run --resume " + folder.dir();
        record.setStatus(RunStatus.CANCELLED);
        record.setFailureMessage(message);
        HqcmResources.save(record, folder.record());
        all.ended(RunStatus.CANCELLED, message, Double.NaN);
    }

    /** What the run is doing, for the message of a cancellation ("loading the dataset", ...). */
    private void phase(RunObserver all, String name, String message) {
        phase = message;
        all.phase(name, message);
    }

    private static void artefactOf(RunRecord record, String name, String path) {
        TestEvaluation.artefact(record, name, path);
    }

    /** Records each epoch in the run record and writes the checkpoint, both atomically, then tells the observers. */
    private record RecordingListener(RunFolder folder, RunRecord record, RunObserver observers)
            implements NetworkTrainer.Listener {

        @Override
        public void batch(int epoch, int batch, int batches, double loss, double accuracy) {
            observers.batch(epoch, batch, batches, loss, accuracy);
        }

        @Override
        public void epoch(EpochResult r, boolean improved, TrainingState state) {
            try {
                ArrayArchive.write(folder.checkpoint(), state.toArrays());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint " + folder.checkpoint() + ": "
                        + e.getMessage(), e);
            }
            var rec = HqcmFactory.eINSTANCE.createEpochRecord();
            rec.setEpoch(r.epoch());
            rec.setTrainLoss(r.trainLoss());
            rec.setTrainAccuracy(r.trainAccuracy());
            rec.setValidationLoss(r.validationLoss());
            rec.setValidationAccuracy(r.validationAccuracy());
            rec.setLearningRate(r.learningRate());
            rec.setSeconds(r.seconds());
            rec.setQuantumGradientNorm(r.quantumGradientNorm());
            record.getEpochs().removeIf(e -> e.getEpoch() >= r.epoch());
            record.getEpochs().add(rec);
            HqcmResources.save(record, folder.record());
            observers.epoch(r, improved, state);
        }

        @Override
        public void warning(String message) {
            observers.warning(message);
        }
    }
}
