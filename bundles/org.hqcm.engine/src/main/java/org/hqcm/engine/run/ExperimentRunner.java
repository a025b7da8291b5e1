package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.BackendFailure;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.EngineInfo;
import org.hqcm.engine.data.DatasetLoader;
import org.hqcm.engine.data.LoadOptions;
import org.hqcm.engine.data.LoadedDataset;
import org.hqcm.engine.data.Split;
import org.hqcm.engine.data.Splitter;
import org.hqcm.engine.data.TumourClass;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.TribuoEvaluations;
import org.hqcm.engine.io.ArrayArchive;
import org.hqcm.model.resource.AtomicFiles;
import org.hqcm.engine.train.EpochResult;
import org.hqcm.engine.train.ExperimentMapping;
import org.hqcm.engine.train.NetworkTrainer;
import org.hqcm.engine.train.Predictions;
import org.hqcm.engine.train.TrainingState;
import org.hqcm.engine.train.tribuo.HqcmModel;
import org.hqcm.engine.train.tribuo.HqcmTrainer;
import org.hqcm.engine.train.tribuo.ImageDataset;
import org.hqcm.engine.train.tribuo.TrainingCancelledException;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.Provenance;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;

/**
 * Runs one experiment into one run folder: validate, load and split the data, train with a checkpoint per epoch,
 * evaluate on the test split, and write the run record, the model and the artefacts. A killed run continues with
 * {@link #resume}; a cancelled one stops after the current batch and keeps its last checkpoint.
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

    public ExperimentRunner(RunObserver observer, BooleanSupplier cancelled) {
        this.observer = observer;
        this.cancelled = cancelled;
    }

    /** Loads and validates an experiment file; problems that are errors become one BadInputException listing all. */
    public static Experiment loadValid(Path file) {
        Experiment e = HqcmResources.loadExperiment(file);
        List<Problem> problems = ExperimentValidator.validate(e, baseDir(file));
        if (ExperimentValidator.hasErrors(problems)) {
            throw new BadInputException(problems.stream().filter(Problem::isError)
                    .map(p -> file + ": " + p.featurePath() + ": " + p.message())
                    .collect(Collectors.joining("\n")));
        }
        return e;
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

    /** A new run of {@code experimentFile} in a folder its launcher chose ({@link RunFolder#chosen}). */
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
        p.setBackend(experiment.getTraining().getBackend());
        record.setProvenance(p);
        HqcmResources.save(EcoreUtil.copy(experiment), folder.experiment());
        HqcmResources.save(record, folder.record());
        execute(folder, record, false);
        return folder;
    }

    /** Continues a run from its last checkpoint (or from the start when it has none). */
    public RunFolder resume(Path runDir) {
        RunFolder folder = RunFolder.open(runDir);
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        if (record.getStatus() == RunStatus.COMPLETED) {
            throw new BadInputException(runDir + ": the run is already completed; nothing to resume");
        }
        execute(folder, record, true);
        return folder;
    }

    private void execute(RunFolder folder, RunRecord record, boolean resuming) {
        Experiment experiment = record.getExperiment();
        long runSeed = record.getProvenance().getSeed();
        try (EventLog events = new EventLog(folder.events()); RunLog log = new RunLog(folder.log())) {
            try {
                record.setStatus(RunStatus.RUNNING);
                if (record.getStarted() == null) {
                    record.setStarted(new Date());
                }
                record.setFailureMessage(null);
                HqcmResources.save(record, folder.record());
                run(folder, record, experiment, runSeed, resuming, events, log);
            } catch (RuntimeException | Error e) {
                String message = BackendFailure.isBackendFailure(e) ? BackendFailure.describe(e)
                        : e.getMessage() == null ? e.toString() : e.getMessage();
                record.setStatus(RunStatus.FAILED);
                record.setFinished(new Date());
                record.setFailureMessage(message);
                HqcmResources.save(record, folder.record());
                events.emit(new RunEvent.End(RunStatus.FAILED, message, null));
                log.line("FAILED: %s", message);
                throw e;
            }
        }
    }

    private void run(RunFolder folder, RunRecord record, Experiment experiment, long runSeed, boolean resuming,
            EventLog events, RunLog log) {
        observer.phase("loading", "loading the dataset");
        events.emit(new RunEvent.Phase("loading", "loading the dataset"));
        var ds = experiment.getDataset();
        LoadedDataset data = DatasetLoader.load(ExperimentMapping.sources(experiment, folder.dir()), ds.getImageSize(),
                experiment.getSeed(), LoadOptions.defaults().withRequiredClasses(EnumSet.allOf(TumourClass.class))
                        .withProgress(observer));
        String fingerprint = data.fingerprint();
        String known = record.getProvenance().getDatasetFingerprint();
        if (resuming && known != null && !known.isEmpty() && !known.equals(fingerprint)) {
            throw new BadInputException(folder.dir() + ": the dataset changed since the run started (fingerprint "
                    + fingerprint + ", expected " + known + "); start a new run instead of resuming");
        }
        record.getProvenance().setDatasetFingerprint(fingerprint);
        record.setSkippedFiles(data.badFiles().size());
        for (var bad : data.badFiles()) {
            events.emit(new RunEvent.Warning("skipped " + bad.file() + ": " + bad.reason()));
            log.line("skipped %s: %s", bad.file(), bad.reason());
        }
        Split split = Splitter.split(data.samples(), ds.getTrainFraction(), ds.getValidationFraction(),
                ds.getTestFraction(), experiment.getSeed(), ds.isStratified(), ds.isGroupByPatient());
        log.line("data: %d images (%d skipped), split %d / %d / %d, fingerprint %s", data.size(),
                data.badFiles().size(), split.train().length, split.validation().length, split.test().length,
                fingerprint);

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
        if (resuming && Files.isRegularFile(folder.checkpoint())) {
            resumeFrom = ArrayArchive.read(folder.checkpoint());
            resumedAfter = record.getEpochs().size();
            log.line("resuming from %s after epoch %d", folder.checkpoint(), resumedAfter);
        }
        int batches = (split.train().length + experiment.getTraining().getBatchSize() - 1)
                / experiment.getTraining().getBatchSize();
        events.emit(new RunEvent.Start(record.getId(), experiment.getName(), experiment.getTraining().getMaxEpochs(),
                batches, resumedAfter));
        observer.phase("training", "training " + experiment.getName()
                + (resumedAfter > 0 ? " from epoch " + (resumedAfter + 1) : ""));
        events.emit(new RunEvent.Phase("training", "training"));

        HqcmTrainer trainer = HqcmTrainer.of(experiment, runSeed).session(new HqcmTrainer.Session(
                new RecordingListener(folder, record, events, log, observer), cancelled, resumeFrom));
        HqcmModel model;
        try {
            model = trainer.train(trainAndValidation);
        } catch (TrainingCancelledException c) {
            int done = c.state().epochsDone();
            String message = done == 0
                    ? "cancelled during epoch 1, before the first checkpoint: ./hqcm run --resume " + folder.dir()
                            + " starts it again"
                    : "cancelled during epoch " + (done + 1) + "; the checkpoint of epoch " + done
                            + " is kept: continue with ./hqcm run --resume " + folder.dir();
            record.setStatus(RunStatus.CANCELLED);
            record.setFailureMessage(message);
            HqcmResources.save(record, folder.record());
            events.emit(new RunEvent.End(RunStatus.CANCELLED, message, null));
            log.line("%s", message);
            return;
        }
        NetworkTrainer.Result result = trainer.lastResult();
        log.line("training ended (%s) after %d epochs; best epoch %d", result.outcome(), result.state().epochsDone(),
                result.state().bestEpoch());
        try {
            ArrayArchive.write(folder.model(), model.network().exportState());
            AtomicFiles.writeString(folder.dir().resolve(PROVENANCE_FILE),
                    ProvenanceUtil.formattedProvenanceString(model.getProvenance()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model into " + folder.dir() + ": " + e.getMessage(), e);
        }

        observer.phase("evaluating", "evaluating on the test split");
        events.emit(new RunEvent.Phase("evaluating", "evaluating on the test split"));
        Predictions test = model.predictDetailed(data.samples(), split.test());
        long evalStart = System.nanoTime();
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, model.toPredictions(test, testSet.getData()),
                testSet.getProvenance());
        ClassificationReport report = TribuoEvaluations.report(evaluation, classes);
        long evaluationNanos = System.nanoTime() - evalStart;
        long wrapNanos = datasetNanos + evaluationNanos;
        double meanEpoch = record.getEpochs().stream().mapToDouble(r -> r.getSeconds()).average().orElse(Double.NaN);
        log.line("Tribuo wrapping: datasets %.1f ms + predictions and evaluation %.1f ms = %.1f ms = %.3f%% of a mean "
                + "epoch (%.1f s)", datasetNanos / 1e6, evaluationNanos / 1e6, wrapNanos / 1e6,
                100 * wrapNanos / 1e9 / meanEpoch, meanEpoch);
        TestEvaluation.write(folder, record, experiment, data, test, report);
        artefactOf(record, "Tribuo provenance", PROVENANCE_FILE);
        record.setStatus(RunStatus.COMPLETED);
        record.setFinished(new Date());
        HqcmResources.save(record, folder.record());
        events.emit(new RunEvent.End(RunStatus.COMPLETED, "completed", report.accuracy()));
        log.line("COMPLETED: test accuracy %.4f", report.accuracy());
    }

    private static void artefactOf(RunRecord record, String name, String path) {
        var a = HqcmFactory.eINSTANCE.createArtefact();
        a.setName(name);
        a.setPath(path);
        record.getArtefacts().add(a);
    }

    /** Records each epoch in the run record and writes the checkpoint, both atomically. */
    private record RecordingListener(RunFolder folder, RunRecord record, EventLog events, RunLog log,
            RunObserver observer) implements NetworkTrainer.Listener {

        @Override
        public void batch(int epoch, int batch, int batches, double loss, double accuracy) {
            events.emit(new RunEvent.Batch(epoch, batch, batches, loss, accuracy));
            observer.batch(epoch, batch, batches, loss, accuracy);
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
            record.getEpochs().removeIf(e -> e.getEpoch() >= r.epoch());
            record.getEpochs().add(rec);
            HqcmResources.save(record, folder.record());
            events.emit(new RunEvent.Epoch(r.epoch(), record.getExperiment().getTraining().getMaxEpochs(),
                    r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.learningRate(),
                    r.seconds(), improved));
            log.line("epoch %d: train loss %.4f acc %.4f | val loss %.4f acc %.4f | lr %.3g | %.1f s%s", r.epoch(),
                    r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.learningRate(),
                    r.seconds(), improved ? " *" : "");
            observer.epoch(r, improved, state);
        }

        @Override
        public void warning(String message) {
            events.emit(new RunEvent.Warning(message));
            log.line("warning: %s", message);
            observer.warning(message);
        }
    }
}
