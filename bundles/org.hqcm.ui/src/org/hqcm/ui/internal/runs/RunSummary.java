package org.hqcm.ui.internal.runs;

import java.util.Locale;

import java.util.Date;

import org.eclipse.core.resources.IContainer;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.Experiment;
import org.hqcm.model.Head;
import org.hqcm.model.JaccardScore;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.ui.internal.Labels;

/**
 * One row of the Runs view: the figures of a run record that the table shows. Missing figures (a run that
 * has not been evaluated yet) are {@link Double#NaN}.
 *
 * @param folder the run folder in the workspace
 * @param experiment the experiment's name
 * @param head "quantum q x c" or "classical w"
 * @param status the record's status
 * @param epochs completed epochs
 * @param accuracy test accuracy
 * @param macroF1 test macro-F1
 * @param jaccard99 mean attention Jaccard at threshold 0.99
 * @param seconds wall time from start to finish (or the sum of the epochs while running)
 * @param started when the run started, or null
 * @param runStatus the record's status
 * @param live the run's event stream while it is running (null once it has ended)
 */
public record RunSummary(IContainer folder, String experiment, String head, String status, int epochs,
        double accuracy, double macroF1, double jaccard99, double seconds, Date started, RunStatus runStatus,
        LiveRun live) {

    /** The Jaccard threshold the table shows (the paper's strictest, Table 2). */
    public static final double JACCARD_THRESHOLD = 0.99;

    /** The row of a loaded record. */
    public static RunSummary of(IContainer folder, RunRecord record) {
        Experiment e = record.getExperiment();
        String name = e == null || e.getName() == null ? folder.getName() : e.getName();
        String head = e == null || e.getArchitecture() == null ? "" : describe(e.getArchitecture().getHead());
        double accuracy = Double.NaN;
        double f1 = Double.NaN;
        if (record.getTestMetrics() != null) {
            accuracy = record.getTestMetrics().getAccuracy();
            f1 = record.getTestMetrics().getMacroF1();
        }
        double jaccard = Double.NaN;
        for (JaccardScore j : record.getJaccard()) {
            if (Math.abs(j.getThreshold() - JACCARD_THRESHOLD) < 1e-9) {
                jaccard = j.getMean();
            }
        }
        RunStatus status = record.getStatus();
        boolean running = status == RunStatus.RUNNING || status == RunStatus.CREATED;
        LiveRun live = running && folder.getLocation() != null ? new LiveRun(folder.getLocation().toPath()) : null;
        if (live != null) {
            live.poll();
        }
        return new RunSummary(folder, name, head, Labels.literal(status), record.getEpochs().size(), accuracy, f1,
                jaccard, seconds(record), record.getStarted(), status, live);
    }

    static String describe(Head head) {
        if (head instanceof QuantumHead q) {
            return String.format(Locale.ROOT, "quantum %d x %d", q.getQubits(), q.getCircuits());
        }
        if (head instanceof ClassicalHead c) {
            return String.format(Locale.ROOT, "classical %d", c.getWidth());
        }
        return head == null ? "" : head.eClass().getName();
    }

    private static double seconds(RunRecord record) {
        if (record.getStarted() != null && record.getFinished() != null) {
            return (record.getFinished().getTime() - record.getStarted().getTime()) / 1000.0;
        }
        double sum = 0;
        for (EpochRecord epoch : record.getEpochs()) {
            sum += epoch.getSeconds();
        }
        return sum;
    }

    /** Whether the run can be continued: cancelled, failed, or killed (running on record, with no process). */
    public boolean resumable(boolean alive) {
        return runStatus == RunStatus.CANCELLED || runStatus == RunStatus.FAILED
                || (runStatus == RunStatus.RUNNING || runStatus == RunStatus.CREATED) && !alive;
    }

    /** Whether the filter text (case-insensitive) occurs in the experiment, head, status or folder name. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase(Locale.ROOT);
        return experiment.toLowerCase(Locale.ROOT).contains(f) || head.toLowerCase(Locale.ROOT).contains(f)
                || status.toLowerCase(Locale.ROOT).contains(f)
                || folder.getName().toLowerCase(Locale.ROOT).contains(f);
    }
}
