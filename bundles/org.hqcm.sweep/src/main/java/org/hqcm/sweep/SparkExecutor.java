package org.hqcm.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.sweep.SparkMasters;
import org.hqcm.engine.sweep.TrialAttempt;
import org.hqcm.engine.sweep.TrialExecutor;
import org.hqcm.engine.sweep.TrialLauncher;
import org.hqcm.engine.sweep.TrialOutcome;
import org.hqcm.engine.sweep.TrialSpec;

/**
 * Trials as Spark tasks: one single-task job per trial, all submitted at once (Spark's FIFO scheduler starts them as
 * task slots free up), so each outcome reaches the driver as soon as its trial ends. {@code spark.task.cpus} is the
 * sweep's threads per trial, so a worker with C cores runs C / threads trials at once. A task runs
 * {@link TrialAttempt} (the trial's own JVM); a lost executor's tasks are retried by Spark
 * ({@code spark.task.maxFailures}) and resume from the cut-off attempt's checkpoint.
 */
public final class SparkExecutor implements TrialExecutor {

    /** Cores of a local master (the grammar is the engine's, which the IDE's launch configuration shares). */
    private static final Pattern LOCAL = SparkMasters.LOCAL;
    static final String JOB_GROUP = "hqcm-sweep";

    /** System property: the executors' class path (./hqcm sets it: the engine as built, on every worker's disk). */
    public static final String EXECUTOR_CLASSPATH = "hqcm.sweep.executorClasspath";

    private final String master;
    private final int threads;
    private final String appName;

    public SparkExecutor(String master, int threads, String appName) {
        this.master = checkMaster(master);
        this.threads = threads;
        this.appName = appName;
    }

    /** The master as given, or a BadInputException saying what is expected. */
    static String checkMaster(String master) {
        return SparkMasters.check(master);
    }

    /** Task slots: local[K] / threads; for a cluster, what its executors offer once started (unknown before: 1). */
    @Override
    public int slots() {
        int cores = SparkMasters.localCores(master);
        return cores < 0 ? 1 : Math.max(1, cores / threads);
    }

    @Override
    public String master() {
        return master;
    }

    /** The Spark configuration of a sweep. */
    SparkConf conf() {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (!master.equals("spark-submit")) {
            conf.setMaster(master);
        }
        conf.set("spark.task.cpus", String.valueOf(threads));
        // the web UI costs start-up time and a port; the sweep has its own progress and record
        conf.setIfMissing("spark.ui.enabled", "false");
        // a trial is hours of work that a lost executor interrupts: retry it (it resumes from its checkpoint)
        conf.setIfMissing("spark.task.maxFailures", "8");
        conf.setIfMissing("spark.excludeOnFailure.enabled", "false");
        // the executor JVM only supervises trial JVMs: a small heap, the trials get theirs
        conf.setIfMissing("spark.executor.memory", "1g");
        String cp = System.getProperty(EXECUTOR_CLASSPATH);
        if (cp != null && !cp.isBlank() && !LOCAL.matcher(master).matches()) {
            conf.setIfMissing("spark.executor.extraClassPath", cp);
        }
        return conf;
    }

    /** Local cores a master asks for that this machine lacks, as a warning; null when fine. */
    String warning() {
        Matcher m = LOCAL.matcher(master);
        if (m.matches() && m.group(1) != null && !m.group(1).equals("*")) {
            int cores = Integer.parseInt(m.group(1));
            if (cores < threads) {
                throw new BadInputException("--master " + master + " has " + cores + " core(s) but the sweep asks for "
                        + threads + " thread(s) per trial (threadsPerTrial): no trial could start; expected local[K] with "
                        + "K >= " + threads);
            }
            if (cores > Runtime.getRuntime().availableProcessors()) {
                return "warning: " + master + " asks for " + cores + " cores, this machine has "
                        + Runtime.getRuntime().availableProcessors() + ": trials will share cores";
            }
        }
        return null;
    }

    @Override
    public void execute(List<TrialSpec> trials, Consumer<TrialOutcome> outcome, BooleanSupplier cancelled) {
        if (trials.isEmpty()) {
            return;
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf())) {
            sc.setJobGroup(JOB_GROUP, appName, true);
            List<Future<List<TrialOutcome>>> futures = new ArrayList<>();
            for (TrialSpec t : trials) {
                sc.setJobDescription("trial " + t.id() + " [" + t.label() + ", seed " + t.seed() + "]");
                futures.add(sc.parallelize(List.of(t), 1).map(new RunTrial()).collectAsync());
            }
            boolean[] reported = new boolean[trials.size()];
            int left = trials.size();
            boolean cancelling = false;
            while (left > 0) {
                if (cancelled.getAsBoolean() && !cancelling) {
                    cancelling = true;
                    // running tasks are interrupted: each stops its trial after the current batch (TrialAttempt)
                    try {
                        sc.cancelJobGroup(JOB_GROUP);
                    } catch (IllegalStateException e) {
                        // SIGTERM runs Spark's own shutdown hook too, which may have stopped the context first (seen
                        // from the IDE's Cancel: "Cannot call methods on a stopped SparkContext"); its jobs went with it
                    }
                }
                for (int i = 0; i < futures.size(); i++) {
                    if (reported[i] || !futures.get(i).isDone()) {
                        continue;
                    }
                    reported[i] = true;
                    left--;
                    // a task that ended with the context Spark's shutdown hook stopped was cancelled, not failed
                    outcome.accept(result(trials.get(i), futures.get(i), cancelling || cancelled.getAsBoolean()));
                }
                sleep(200);
            }
            if (cancelling) {
                awaitTrialProcesses();
            }
        }
    }

    private static TrialOutcome result(TrialSpec t, Future<List<TrialOutcome>> f, boolean cancelling) {
        try {
            return f.get().get(0);
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            return new TrialOutcome(t.id(), cancelling ? "CANCELLED" : "FAILED",
                    cancelling ? "cancelled; its last checkpoint is kept" : "Spark gave up on the trial's task: " + why,
                    0, Double.NaN, Double.NaN, "", "", 0, false, false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TrialOutcome(t.id(), "CANCELLED", "interrupted", 0, Double.NaN, Double.NaN, "", "", 0, false,
                    false, false);
        }
    }

    /** In local mode the trials are this JVM's children: let them save their checkpoints before Spark stops. */
    private static void awaitTrialProcesses() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)) {
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The task: one attempt at one trial, on the executor. */
    static final class RunTrial implements Function<TrialSpec, TrialOutcome> {
        private static final long serialVersionUID = 1L;

        @Override
        public TrialOutcome call(TrialSpec spec) {
            TaskContext task = TaskContext.get();
            return TrialAttempt.run(spec, TrialLauncher.fromThisJvm(),
                    () -> task != null && task.isInterrupted() || Thread.currentThread().isInterrupted());
        }
    }
}
