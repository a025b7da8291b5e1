package org.hqcm.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import org.apache.spark.api.java.JavaSparkContext;
import org.hqcm.engine.EngineInfo;
import org.hqcm.engine.internal.sweep.SweepDriver;
import org.hqcm.engine.sweep.SequentialExecutor;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.engine.sweep.TrialExecutor;
import org.hqcm.model.Experiment;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.sweep.FeaturePath;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm bench sweep}: what Spark costs a sweep and what a sweep gains on this machine, each measured in the same
 * run as its reference: Spark's start-up and per-task overhead against a quickstart-size trial's own time; trials per
 * hour with {@code local[2]} and one thread per trial against sequential two-thread trials (the same four trials);
 * and from those, the expected wall time of the paper sweep here and on k such machines.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Spark's overhead (start-up, per task) against a quickstart trial's time, trials per hour",
            "with local[2] and one thread per trial against sequential two-thread trials, and the expected wall time of",
            "the paper sweep on this machine and on k machines. Trains 2 x 4 quickstart trials of --epochs epochs."})
final class SweepBench implements Callable<Integer> {

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs of each benchmark trial (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--tasks", defaultValue = "40", description = "Empty Spark tasks timed for the per-task overhead (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--paper-epoch-seconds", defaultValue = "121",
            description = "Seconds per epoch of the paper's configuration with two threads (default: ${DEFAULT-VALUE}, the "
                    + "README's measured 112-131 s).")
    double paperEpochSeconds;

    @Option(names = "--paper-epochs", defaultValue = "40", description = "Epochs per paper trial (default: ${DEFAULT-VALUE}, the paper's maximum).")
    int paperEpochs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("hqcm bench sweep on " + EngineInfo.machine() + "; load average at start " + loadAverage());
        out.flush();
        // 1. Spark itself: start-up, and single-task jobs submitted as SparkExecutor submits trials
        long t0 = System.nanoTime();
        double startup;
        double perTask;
        try (JavaSparkContext sc = new JavaSparkContext(new SparkExecutor("local[2]", 1, "hqcm bench sweep").conf())) {
            sc.parallelize(List.of(1), 1).map(x -> x).collect();
            startup = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(sc.parallelize(List.of(i), 1).map(x -> x + 1).collectAsync());
            }
            for (Future<List<Integer>> f : futures) {
                f.get();
            }
            // two slots run tasks side by side: a task's own cost is wall x slots / tasks
            perTask = (System.nanoTime() - t1) / 1e9 * 2 / tasks;
        }
        out.println(String.format(Locale.ROOT, "Spark local[2]: start-up %.2f s (context and first job), %.1f ms per task "
                + "(%d single-task jobs)", startup, perTask * 1e3, tasks));
        out.flush();
        // 2. the same four trials (quickstart, both heads x 2 seeds) in local[2] with 1 thread, and sequentially with 2
        Path tmp = Files.createTempDirectory("hqcm-bench-sweep");
        try {
            Result parallel = sweep(tmp.resolve("local2"), 1, new SparkExecutor("local[2]", 1, "hqcm bench sweep"));
            Result sequential = sweep(tmp.resolve("sequential"), 2, new SequentialExecutor());
            double trial2 = sequential.meanTrialSeconds();
            double trial1 = parallel.meanTrialSeconds();
            out.println(String.format(Locale.ROOT, "quickstart trial (%d epochs, own JVM): %.1f s with 2 threads alone, "
                    + "%.1f s with 1 thread beside another", epochs, trial2, trial1));
            double overheadShare = (startup / 8 + perTask) / trial2;
            out.println(String.format(Locale.ROOT, "Spark's overhead per trial (start-up shared by the 8 trials of the "
                    + "quickstart sweep, plus a task): %.2f s = %.2f%% of a %d-epoch trial (target <= 5%%); "
                    + "of a 15-epoch quickstart-sweep trial about %.2f%%", startup / 8 + perTask, 100 * overheadShare, epochs,
                    100 * (startup / 8 + perTask) / (trial2 * 15.0 / epochs)));
            double perHourParallel = 3600 * parallel.trials() / parallel.wallSeconds();
            double perHourSequential = 3600 * sequential.trials() / sequential.wallSeconds();
            out.println(String.format(Locale.ROOT, "trials per hour: local[2], 1 thread per trial: %.0f (4 trials in %.1f s, "
                    + "Spark start-up included); sequential, 2 threads: %.0f (4 trials in %.1f s); ratio %.2f",
                    perHourParallel, parallel.wallSeconds(), perHourSequential, sequential.wallSeconds(),
                    perHourParallel / perHourSequential));
            // 3. the paper sweep: 10 trials of paperEpochs epochs at paperEpochSeconds with 2 threads
            double paper2 = paperEpochSeconds * paperEpochs;
            double speedup = perHourParallel / perHourSequential;
            double paper1 = paper2 * 2 / speedup; // one thread per trial, two at once, as measured on the quickstart
            out.println(String.format(Locale.ROOT, "paper sweep (10 trials, %d epochs at %.0f s/epoch with 2 threads = %s "
                    + "per trial):", paperEpochs, paperEpochSeconds, SweepTime.of(paper2)));
            out.println(String.format(Locale.ROOT, "  this machine, sequential 2-thread trials: %s; local[2], 1 thread "
                    + "per trial: %s", SweepTime.of(10 * paper2), SweepTime.of(Math.ceil(10 / 2.0) * paper1)));
            for (int k : new int[] {2, 5, 10}) {
                // both layouts: two 1-thread trials per machine fill the slots while trials are left for all of them;
                // with as many machines as trials, one 2-thread trial each leaves no slot idle and runs faster
                out.println(String.format(Locale.ROOT, "  %d such machines (spark://): 2 one-thread trials each at "
                        + "once %s; one 2-thread trial each %s", k, SweepTime.of(Math.ceil(10.0 / (2 * k)) * paper1),
                        SweepTime.of(Math.ceil(10.0 / k) * paper2)));
            }
            out.println("load average at end " + loadAverage() + " (above 2 means the 2 cores were shared: figures "
                    + "under load)");
            out.flush();
        } finally {
            deleteTree(tmp);
        }
        return 0;
    }

    private record Result(int trials, double wallSeconds, double meanTrialSeconds) {
    }

    private Result sweep(Path dir, int threads, TrialExecutor executor) {
        Experiment base = Presets.create(Presets.QUICKSTART);
        base.getTraining().setMaxEpochs(epochs);
        base.getTraining().setEarlyStoppingPatience(0);
        Sweep s = SweepPresets.newSweep("bench", base);
        s.getAxes().add(SweepPresets.axis(FeaturePath.HEAD, FeaturePath.QUANTUM, FeaturePath.CLASSICAL));
        s.getSeeds().addAll(List.of(1L, 2L));
        s.setThreadsPerTrial(threads);
        SweepFolder f = SweepDriver.create(s, dir.getParent(), "bench", dir);
        StringWriter sink = new StringWriter();
        long t0 = System.nanoTime();
        int exit = new SweepDriver(f, executor, new PrintWriter(sink), new PrintWriter(sink), "-Xmx2g", null).run(() -> false);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("benchmark sweep failed:\n" + sink);
        }
        SweepRecord r = HqcmResources.loadSweepRecord(f.record());
        double mean = r.getTrials().stream().mapToDouble(TrialRecord::getSeconds).average().orElse(Double.NaN);
        return new Result(r.getTrials().size(), wall, mean);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1h 21m". */
    static final class SweepTime {
        private SweepTime() {
        }

        static String of(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s / 60 % 60)
                    : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
    }
}
