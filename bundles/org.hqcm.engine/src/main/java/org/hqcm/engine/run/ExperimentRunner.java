package org.hqcm.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@link #resume}; a cancelled one stops after the current batch and keeps its last checkpoint.
 *
 * <p>Seeds: the experiment's seed fixes the data (synthetic generation and the split), so runs of one experiment
 * share their test set; the run seed (the experiment's seed, or {@code --seed}) fixes initialisation, shuffling and
 * augmentation.
 */
public final class ExperimentRunner {

    /** Tribuo's provenance of the trained model, as text. */
    static final String PROVENANCE_FILE = "provenance.txt";

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

    /** A new run of {@code experimentFile} in exactly {@code runDir} (new or empty). */
    public RunFolder startAt(Path experimentFile, Long seedOverride, Path runDir) {
        Experiment experiment = loadValid(experimentFile);
        return start(experimentFile, experiment, seedOverride, RunFolder.createAt(runDir));
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
            RunObserver all = new CompositeRunObserver(new EventStream(events), log, observer);
            try {
                record.setStatus(RunStatus.RUNNING);
                if (record.getStarted() == null) {
                    record.setStarted(new Date());
                }
                record.setFailureMessage(null);
                HqcmResources.save(record, folder.record());
                run(folder, record, experiment, runSeed, resuming, all);
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
        all.phase("loading", "loading the dataset");
        var ds = experiment.getDataset();
        LoadedDataset data = DatasetLoader.load(ExperimentMapping.sources(experiment, folder.dir()), ds.getImageSize(),
                experiment.getSeed(), LoadOptions.defaults().withRequiredClasses(EnumSet.allOf(TumourClass.class))
                        .withProgress(all));
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
        Split split = Splitter.split(data.samples(), ds.getTrainFraction(), ds.getValidationFraction(),
                ds.getTestFraction(), experiment.getSeed(), ds.isStratified(), ds.isGroupByPatient());
        all.note(String.format(Locale.ROOT, "data: %d images (%d skipped), split %d / %d / %d, fingerprint %s",
                data.size(), data.badFiles().size(), split.train().length, split.validation().length,
                split.test().length, fingerprint));

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
            all.note("resuming from " + folder.checkpoint() + " after epoch " + resumedAfter);
        }
        int batches = (split.train().length + experiment.getTraining().getBatchSize() - 1)
                / experiment.getTraining().getBatchSize();
        all.started(record.getId(), experiment.getName(), experiment.getTraining().getMaxEpochs(), batches,
                resumedAfter);
        all.phase("training", "training");

        record.getProvenance().setBackend(ExperimentMapping.loadedBackend());
        HqcmTrainer.Session session = new HqcmTrainer.Session(new RecordingListener(folder, record, all), cancelled,
                resumeFrom);
        HqcmTrainer.Trained trained;
        try {
            trained = HqcmTrainer.of(experiment, runSeed).train(trainAndValidation, session, Map.of());
        } catch (TrainingCancelledException c) {
            String message = "cancelled during epoch " + (c.state().epochsDone() + 1) + "; the checkpoint of epoch "
                    + c.state().epochsDone() + " is kept: continue with ./hqcm run --resume " + folder.dir();
            record.setStatus(RunStatus.CANCELLED);
            record.setFailureMessage(message);
            HqcmResources.save(record, folder.record());
            all.ended(RunStatus.CANCELLED, message, Double.NaN);
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

        all.phase("evaluating", "evaluating on the test split");
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
