package org.hqcm.ui.internal.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.TableItem;
import org.hqcm.launch.internal.RunProgressJob;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;

/** The launches and Runs view rows the run tests wait for. */
final class RunRows {

    private RunRows() {
    }

    /** The engine runs that launches of this IDE follow now. */
    static Set<RunProgressJob> jobs() {
        Set<RunProgressJob> jobs = new HashSet<>();
        for (Job j : Job.getJobManager().find(RunProgressJob.FAMILY)) {
            jobs.add((RunProgressJob) j);
        }
        return jobs;
    }

    /** Waits for a launch that was not among {@code before} and returns it. */
    static RunProgressJob newJob(Set<RunProgressJob> before) {
        RunProgressJob[] found = new RunProgressJob[1];
        UiTesting.waitUntil("a new run's progress job", Duration.ofSeconds(60), () -> {
            for (RunProgressJob j : jobs()) {
                if (!before.contains(j)) {
                    found[0] = j;
                }
            }
            return found[0] != null;
        });
        return found[0];
    }

    /** Waits for a run's launch to end (a tiny run takes about 20 s on a loaded machine). */
    static void awaitEnd(RunProgressJob job) {
        UiTesting.waitUntil("the run in " + job.runFolder().getFileName() + " to end", Duration.ofMinutes(4),
                () -> job.getState() == Job.NONE);
    }

    /**
     * Double-clicks a run's row in the Runs view and waits for the Run Report to show it; double-clicks again when the
     * row was replaced under the pointer (the view reloads when a record changes) and the report did not open.
     */
    static RunDetailsView openReport(RunsView view, Path runDir) {
        org.eclipse.ui.IWorkbenchPage page = view.getSite().getPage();
        org.eclipse.swt.widgets.Table table = view.viewer().getTable();
        for (int attempt = 1;; attempt++) {
            TableItem item = row(view, runDir);
            if (item == null) {
                throw new AssertionError("no row for " + runDir);
            }
            UiRobot.doubleClick(table, UiRobot.middle(table, item));
            try {
                UiTesting.waitUntil("the Run Report of " + runDir.getFileName(), Duration.ofSeconds(5), () -> shows(page, runDir));
                return (RunDetailsView) page.findView(RunDetailsView.ID);
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static boolean shows(org.eclipse.ui.IWorkbenchPage page, Path runDir) {
        return page.findView(RunDetailsView.ID) instanceof RunDetailsView d && d.folder() != null
                && d.folder().getLocation() != null && runDir.equals(d.folder().getLocation().toPath());
    }

    /**
     * Waits while a run trains until its Runs view row shows the given epoch (the progress column's "epoch 2/3")
     * and returns the progress texts seen: the row follows the run live. Fails at once when the run ends first.
     */
    static java.util.List<String> watchUntilEpoch(RunsView view, RunProgressJob job, String epoch) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        UiTesting.waitUntil("the live row of " + job.runFolder().getFileName() + " at " + epoch, Duration.ofMinutes(3), () -> {
            TableItem row = row(view, job.runFolder());
            if (row != null && row.getText(RunColumn.STATUS.ordinal()).equals("Running")) {
                seen.add(row.getText(RunColumn.PROGRESS.ordinal()));
            }
            if (job.getState() == Job.NONE) {
                throw new AssertionError("the run ended before " + epoch + ": " + (job.end() == null ? "no end event"
                        : job.end().status() + " " + job.end().message()) + "; the row showed " + seen);
            }
            // at least that epoch: on a quiet machine an epoch of a tiny run can pass between two looks at the row
            return seen.stream().anyMatch(p -> atLeast(p, epoch));
        });
        return new java.util.ArrayList<>(seen);
    }

    /** Whether a progress text "epoch K/N, ..." is at or past {@code epoch} ("epoch E/N"). */
    static boolean atLeast(String progress, String epoch) {
        java.util.regex.Matcher p = EPOCH.matcher(progress);
        java.util.regex.Matcher e = EPOCH.matcher(epoch);
        return p.lookingAt() && e.lookingAt() && p.group(2).equals(e.group(2))
                && Integer.parseInt(p.group(1)) >= Integer.parseInt(e.group(1));
    }

    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("epoch (\\d+)/(\\d+)");

    /** The table row of a run folder in the Runs view, or null. */
    static TableItem row(RunsView view, Path runDir) {
        for (TableItem item : view.viewer().getTable().getItems()) {
            RunSummary r = (RunSummary) item.getData();
            if (r != null && r.folder().getLocation() != null && r.folder().getLocation().toPath().equals(runDir)) {
                return item;
            }
        }
        return null;
    }
}
