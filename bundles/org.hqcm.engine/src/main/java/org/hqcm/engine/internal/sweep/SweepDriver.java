package org.hqcm.engine.internal.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.MeanSd;
import org.hqcm.engine.internal.run.EventLog;
import org.hqcm.engine.internal.run.RunLog;
import org.hqcm.engine.sweep.SharedStorageProbe;
import org.hqcm.engine.sweep.SweepEvent;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.engine.sweep.SweepReport;
import org.hqcm.engine.sweep.TrialAttempt;
import org.hqcm.engine.sweep.TrialExecutor;
import org.hqcm.engine.sweep.TrialSpec;
import org.hqcm.model.ConfigurationSummary;
import org.hqcm.model.DataSource;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunStatus;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepAxis;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.sweep.SweepExpansion;
import org.hqcm.model.sweep.Trial;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;

/**
 * The driver of a sweep: creates the sweep folder (validated sweep, trial files, record) or reopens it, hands the
 * trials that are not published to a {@link TrialExecutor}, records each outcome as it comes (record, events, log,
 * progress), and writes the report when the trials have ended. Only the driver writes the record.
 */
public final class SweepDriver {

    /** Exit codes as {@code hqcm run}'s. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private final SweepFolder folder;
    private final TrialExecutor executor;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String javaOptions;
    private final String nativeCache;

    public SweepDriver(SweepFolder folder, TrialExecutor executor, PrintWriter out, PrintWriter err, String javaOptions,
            String nativeCache) {
        this.folder = folder;
        this.executor = executor;
        this.out = out;
        this.err = err;
        this.javaOptions = javaOptions;
        this.nativeCache = nativeCache;
    }

    /** Loads and validates a sweep file; every error becomes one line {@code FILE: path: message}. */
    public static Sweep loadValid(Path file) {
        Sweep sweep;
        try {
            sweep = HqcmResources.loadSweep(file);
        } catch (ModelFileException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        checkValid(sweep, file.toAbsolutePath().getParent(), file.toString());
        return sweep;
    }

    private static void checkValid(Sweep sweep, Path folder, String name) {
        List<Problem> problems = ExperimentValidator.validate(sweep, folder);
        if (ExperimentValidator.hasErrors(problems)) {
            throw new BadInputException(problems.stream().filter(Problem::isError)
                    .map(p -> name + ": " + p.featurePath() + ": " + p.message()).collect(Collectors.joining("\n")));
        }
    }

    /**
     * Creates the sweep folder {@code dir} for {@code sweep} (read from a file in {@code sweepFolder}): the sweep
     * made standalone (base contained, data paths absolute), one experiment file per trial, the record.
     */
    public static SweepFolder create(Sweep sweep, Path sweepFolder, String name, Path dir) {
        checkValid(sweep, sweepFolder, name);
        SweepFolder f = new SweepFolder(dir);
        if (Files.exists(f.record())) {
            throw new BadInputException(dir + ": already a sweep folder; continue it with --resume " + dir
                    + " or choose a new --out");
        }
        try {
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new BadInputException(dir + ": not empty; expected a new or empty folder for the sweep");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sweep folder " + dir + ": " + e.getMessage(), e);
        }
        Experiment base = SweepExpansion.base(sweep, sweepFolder);
        Path baseFolder = SweepExpansion.baseFolder(sweep, sweepFolder);
        for (DataSource s : base.getDataset().getSources()) {
            if (s.getPath() != null && !s.getPath().isBlank() && !Path.of(s.getPath()).isAbsolute() && baseFolder != null) {
                s.setPath(baseFolder.resolve(s.getPath()).toAbsolutePath().normalize().toString());
            }
        }
        Sweep standalone = EcoreUtil.copy(sweep);
        standalone.setExperimentFile(null);
        standalone.setExperiment(base);
        HqcmResources.save(standalone, f.sweep());
        List<Trial> trials = SweepExpansion.trials(standalone, base);
        SweepRecord record = HqcmFactory.eINSTANCE.createSweepRecord();
        record.setName(standalone.getName());
        record.setState(RunStatus.CREATED);
        record.setThreadsPerTrial(standalone.getThreadsPerTrial());
        for (SweepAxis a : standalone.getAxes()) {
            record.getAxes().add(a.getPath().strip());
        }
        for (Trial t : trials) {
            HqcmResources.save(t.configuration().experiment(), f.trialFile(t.id()));
            TrialRecord tr = HqcmFactory.eINSTANCE.createTrialRecord();
            tr.setId(t.id());
            tr.setConfiguration(t.configuration().id());
            tr.setLabel(t.configuration().label());
            tr.getAxisValues().addAll(t.configuration().axisValues());
            tr.setSeed(t.seed());
            tr.setState(RunStatus.CREATED);
            record.getTrials().add(tr);
        }
        HqcmResources.save(record, f.record());
        return f;
    }

    /** Runs every trial that is not published; returns the exit code. */
    public int run(BooleanSupplier cancelled) {
        SweepRecord record = HqcmResources.loadSweepRecord(folder.record());
        Sweep sweep = HqcmResources.loadSweep(folder.sweep());
        boolean resumed = record.getState() != RunStatus.CREATED;
        record.setState(RunStatus.RUNNING);
        record.setMaster(executor.master());
        record.setFailureMessage(null);
        if (record.getStarted() == null) {
            record.setStarted(new Date());
        }
        Map<String, TrialRecord> byId = new LinkedHashMap<>();
        List<TrialSpec> pending = new ArrayList<>();
        String token = SharedStorageProbe.write(folder);
        for (TrialRecord t : record.getTrials()) {
            byId.put(t.getId(), t);
            if (folder.isPublished(t.getId())) {
                if (t.getState() != RunStatus.COMPLETED) {
                    // published by an attempt whose outcome the driver never heard (it was killed)
                    completedFromFolder(t);
                }
                continue;
            }
            t.setState(RunStatus.CREATED);
            t.setFailureMessage(null);
            pending.add(new TrialSpec(folder.dir().toString(), t.getId(), t.getLabel(), t.getSeed(),
                    sweep.getThreadsPerTrial(), token, javaOptions, nativeCache));
        }
        summarise(record);
        HqcmResources.save(record, folder.record());
        SweepProgress progress = new SweepProgress(err, folder, record, executor.slots());
        String[] stop = new String[1];
        try (EventLog events = new EventLog(folder.events()); RunLog log = new RunLog(folder.log())) {
            events.emit(new SweepEvent.Start(record.getName(), record.getTrials().size(), pending.size(),
                    executor.master(), resumed));
            log.line("%s sweep %s on %s: %d trials, %d to run", resumed ? "resuming" : "starting", record.getName(),
                    executor.master(), record.getTrials().size(), pending.size());
            out.println((resumed ? "resuming" : "sweep") + " " + record.getName() + ": " + record.getTrials().size()
                    + " trials (" + (record.getTrials().size() - pending.size()) + " complete, " + pending.size()
                    + " to run) on " + executor.master() + ", " + sweep.getThreadsPerTrial() + " thread(s) per trial");
            out.println("sweep folder: " + folder.dir());
            out.flush();
            progress.start();
            BooleanSupplier stopped = () -> cancelled.getAsBoolean() || stop[0] != null;
            executor.execute(pending, o -> {
                synchronized (record) {
                    TrialRecord t = byId.get(o.id());
                    if (t == null) {
                        return;
                    }
                    if (o.probeFailed() && stop[0] == null) {
                        stop[0] = o.message();
                    }
                    t.setAttempts(t.getAttempts() + 1);
                    if (o.completed()) {
                        completedFromFolder(t);
                        if (!o.alreadyComplete()) {
                            t.setSeconds(o.seconds());
                        }
                    } else if (t.getState() != RunStatus.COMPLETED) {
                        t.setState(RunStatus.valueOf(o.state()));
                        t.setFailureMessage(o.message());
                    }
                    summarise(record);
                    HqcmResources.save(record, folder.record());
                    events.emit(new SweepEvent.TrialEnd(o.id(), t.getLabel(), t.getSeed(), o.state(), o.seconds(),
                            o.accuracy(), o.attempt(), o.host(), o.resumedAfterEpoch(), o.duplicate(),
                            o.alreadyComplete(), o.message()));
                    log.line("trial %s [%s, seed %d] %s on %s: %s%s", o.id(), t.getLabel(), t.getSeed(), o.state(),
                            o.attempt(), o.message(), o.resumedAfterEpoch() > 0 ? " (resumed after epoch "
                                    + o.resumedAfterEpoch() + ")" : "");
                    progress.trialEnded(t, o);
                }
            }, stopped);
            progress.stop();
            removeLeftovers(log);
            SharedStorageProbe.remove(folder, token);
            long completed = record.getTrials().stream().filter(t -> t.getState() == RunStatus.COMPLETED).count();
            long failed = record.getTrials().stream().filter(t -> t.getState() == RunStatus.FAILED).count();
            RunStatus state;
            String message;
            if (stop[0] != null) {
                state = RunStatus.FAILED;
                message = stop[0];
            } else if (completed == record.getTrials().size()) {
                state = RunStatus.COMPLETED;
                message = "all " + completed + " trials completed";
            } else if (cancelled.getAsBoolean()) {
                state = RunStatus.CANCELLED;
                message = "cancelled with " + completed + " of " + record.getTrials().size()
                        + " trials complete; continue with: hqcm sweep --resume " + folder.dir();
            } else {
                state = RunStatus.FAILED;
                message = failed + " of " + record.getTrials().size() + " trials failed (see " + folder.log()
                        + "); retry them with: hqcm sweep --resume " + folder.dir();
            }
            record.setState(state);
            record.setFailureMessage(state == RunStatus.COMPLETED ? null : message);
            record.setFinished(new Date());
            HqcmResources.save(record, folder.record());
            if (completed > 0) {
                SweepReport.write(folder);
            }
            events.emit(new SweepEvent.End(state.getName(), message));
            log.line("%s: %s", state, message);
            out.println(state + ": " + message);
            if (completed > 0) {
                out.println("report: " + folder.report().resolve("report.html") + " (also report.md, report.json)");
            }
            out.flush();
            if (stop[0] != null) {
                return BAD_INPUT;
            }
            return state == RunStatus.COMPLETED ? OK : FAILED;
        } finally {
            progress.stop();
        }
    }

    private void completedFromFolder(TrialRecord t) {
        var r = HqcmResources.loadRunRecord(folder.run(t.getId()));
        t.setState(RunStatus.COMPLETED);
        t.setFailureMessage(null);
        t.setRunFolder(folder.dir().relativize(folder.run(t.getId())).toString());
        t.setAccuracy(r.getTestMetrics().getAccuracy());
        t.setMacroF1(r.getTestMetrics().getMacroF1());
    }

    /** Attempts left behind at published trials (a speculative copy Spark killed, say) are removed and logged. */
    private void removeLeftovers(RunLog log) {
        Path attempts = folder.dir().resolve(SweepFolder.ATTEMPTS);
        try {
            for (Path trial : TrialAttempt.list(attempts)) {
                String id = trial.getFileName().toString();
                if (folder.isPublished(id)) {
                    for (Path a : TrialAttempt.list(trial)) {
                        if (!TrialAttempt.isLive(a)) {
                            TrialAttempt.deleteTree(a);
                            log.line("removed the leftover attempt %s at trial %s (published by another attempt)",
                                    a.getFileName(), id);
                        }
                    }
                    try {
                        Files.deleteIfExists(trial);
                    } catch (IOException e) {
                        // still holds a live attempt
                    }
                }
            }
        } catch (IOException e) {
            log.line("warning: cannot tidy %s: %s", attempts, e.getMessage());
        }
    }

    /** Per configuration: accuracy and macro-F1 across its completed seeds. */
    static void summarise(SweepRecord record) {
        record.getConfigurations().clear();
        Map<String, List<TrialRecord>> groups = new LinkedHashMap<>();
        for (TrialRecord t : record.getTrials()) {
            groups.computeIfAbsent(t.getConfiguration(), k -> new ArrayList<>()).add(t);
        }
        for (List<TrialRecord> trials : groups.values()) {
            ConfigurationSummary s = HqcmFactory.eINSTANCE.createConfigurationSummary();
            TrialRecord first = trials.get(0);
            s.setId(first.getConfiguration());
            s.setLabel(first.getLabel());
            s.getAxisValues().addAll(first.getAxisValues());
            List<TrialRecord> done = trials.stream().filter(t -> t.getState() == RunStatus.COMPLETED).toList();
            s.setSeeds(done.size());
            if (!done.isEmpty()) {
                MeanSd acc = MeanSd.of(done.stream().mapToDouble(TrialRecord::getAccuracy).toArray());
                MeanSd f1 = MeanSd.of(done.stream().mapToDouble(TrialRecord::getMacroF1).toArray());
                s.setAccuracyMean(acc.mean());
                s.setAccuracySd(acc.sd());
                s.setMacroF1Mean(f1.mean());
                s.setMacroF1Sd(f1.sd());
            }
            record.getConfigurations().add(s);
        }
    }

    /** "3m 05s". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
    }
}
