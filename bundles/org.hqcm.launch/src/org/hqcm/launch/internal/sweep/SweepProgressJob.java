package org.hqcm.launch.internal.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.hqcm.engine.run.EventStream;
import org.hqcm.engine.run.EventTail;
import org.hqcm.engine.run.RunEvent;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.launch.internal.RunProgressJob;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.resource.HqcmResources;

/**
 * Shows a sweep in the Progress view: follows the sweep folder the launch chose and advances one unit per trial that
 * ends, with trials done, failed and left and the best accuracy so far. What it reads is the sweep's record (the
 * engine's {@link SweepRecord}, rewritten atomically by the driver as each trial ends), so no second reader of the
 * sweep's files exists in the IDE; the trials in progress are followed through their run folders' event streams
 * (the engine's {@link EventTail}: epoch and batch of each running trial). Cancel asks the driver to stop (SIGTERM: its shutdown hook stops the trials after
 * their current batch, keeps their checkpoints and records the sweep as CANCELLED; Resume continues it). The folder is
 * refreshed into the workspace when the record changes, so the Runs view shows the sweep while it runs.
 */
public final class SweepProgressJob extends Job {

    /** Job family of sweep launches (tests and views find them by it). */
    public static final Object FAMILY = SweepProgressJob.class;

    private static final long POLL_MS = 250;

    private final Process process;
    private final SweepFolder folder;
    private final IContainer workspaceFolder;
    private volatile SweepRecord record;
    private volatile boolean cancelSent;
    private FileTime recordTime;
    private int worked;
    /** The event streams of the attempts in progress, and what each said last. */
    private final Map<Path, EventTail> attempts = new HashMap<>();
    private final Map<Path, String> attemptText = new LinkedHashMap<>();
    private String summary = "";

    public SweepProgressJob(String name, Process process, SweepFolder folder, IContainer workspaceFolder) {
        super(name);
        this.process = process;
        this.folder = folder;
        this.workspaceFolder = workspaceFolder;
        setUser(true);
        setPriority(LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), 1000);
        sub.subTask(Messages.SweepProgressJob_starting);
        try {
            while (true) {
                boolean exited = process.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
                if (monitor.isCanceled() && !cancelSent) {
                    cancelSent = true;
                    sub.subTask(Messages.SweepProgressJob_stopping);
                    // SIGTERM through the handle: Process.destroy() would also close the streams the console reads
                    process.toHandle().destroy();
                }
                follow(sub);
                followAttempts(sub);
                if (exited) {
                    break;
                }
            }
            follow(sub);
            refresh();
            SweepRecord r = record;
            if (cancelSent || r != null && r.getState() == RunStatus.CANCELLED) {
                return Status.CANCEL_STATUS;
            }
            int exit = process.exitValue();
            if (exit != 0) {
                String message = r != null && r.getFailureMessage() != null ? r.getFailureMessage() : "";
                return Status.warning(NLS.bind(Messages.SweepProgressJob_failed, new Object[] {getName(), exit, message}));
            }
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.toHandle().destroy();
            return Status.CANCEL_STATUS;
        } finally {
            monitor.done();
        }
    }

    /** Reads the record when the driver has rewritten it, and shows what it says. */
    private void follow(SubMonitor sub) {
        Path file = folder.record();
        FileTime time;
        try {
            time = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return;
        }
        if (time == null || time.equals(recordTime)) {
            return;
        }
        SweepRecord r;
        try {
            r = HqcmResources.loadSweepRecord(file);
        } catch (RuntimeException e) {
            // being replaced (the driver renames a complete file over it): the next poll reads it
            return;
        }
        boolean first = record == null;
        recordTime = time;
        record = r;
        int total = r.getTrials().size();
        int done = 0;
        int failed = 0;
        double best = Double.NaN;
        for (TrialRecord t : r.getTrials()) {
            if (t.getState() == RunStatus.COMPLETED) {
                done++;
                best = Double.isNaN(best) ? t.getAccuracy() : Math.max(best, t.getAccuracy());
            } else if (t.getState() == RunStatus.FAILED) {
                failed++;
            }
        }
        if (first) {
            sub.setWorkRemaining(Math.max(1, total));
        }
        if (done + failed > worked) {
            sub.worked(done + failed - worked);
            worked = done + failed;
        }
        String bestText = Double.isNaN(best) ? "" : String.format(Locale.ROOT, "; best accuracy %.3f", best);
        summary = NLS.bind(Messages.SweepProgressJob_progress, new Object[] {done, total, failed, total - done - failed,
            bestText});
        show(sub);
        refresh();
    }

    /**
     * Follows the run folders being trained (attempts/ID/ATTEMPT/ID/, the sweep package's layout) through their event
     * streams; a folder that went (published or removed) is dropped.
     */
    private void followAttempts(SubMonitor sub) {
        Path root = folder.dir().resolve("attempts");
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> streams;
        try (Stream<Path> s = Files.walk(root, 4)) {
            streams = s.filter(p -> p.getFileName().toString().equals(RunFolder.EVENTS)
                    && p.getNameCount() == root.getNameCount() + 4).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return; // a folder renamed while walking: the next poll sees the new state
        }
        attempts.keySet().retainAll(streams);
        attemptText.keySet().retainAll(streams);
        boolean changed = false;
        for (Path p : streams) {
            EventTail tail = attempts.computeIfAbsent(p, EventTail::new);
            try {
                for (EventStream.Line line : tail.poll()) {
                    String text = describe(line.event());
                    if (text != null) {
                        attemptText.put(p, text);
                        changed = true;
                    }
                }
            } catch (IOException e) {
                // published (renamed) between the walk and the read
            }
        }
        if (changed) {
            show(sub);
        }
    }

    private static String describe(RunEvent e) {
        if (e instanceof RunEvent.Batch b) {
            return String.format(Locale.ROOT, "epoch %d, batch %d/%d", b.epoch(), b.batch(), b.batches());
        }
        if (e instanceof RunEvent.Epoch ep) {
            return String.format(Locale.ROOT, "epoch %d/%d done", ep.epoch(), ep.epochs());
        }
        if (e instanceof RunEvent.Phase ph) {
            return ph.name();
        }
        return null;
    }

    private void show(SubMonitor sub) {
        if (!cancelSent) {
            sub.subTask(progressText());
        }
    }

    /** What the Progress view shows under the job's name now. */
    public String progressText() {
        StringBuilder b = new StringBuilder(summary);
        if (!attemptText.isEmpty()) {
            b.append(" | ").append(attemptText.size()).append(" training: ").append(String.join("; ", attemptText.values()));
        }
        return b.toString();
    }

    private void refresh() {
        RunProgressJob.refresh(workspaceFolder);
    }

    /** The sweep folder the driver writes. */
    public SweepFolder folder() {
        return folder;
    }

    /** The record last read, or null before the driver wrote one. */
    public SweepRecord record() {
        return record;
    }

    /** Whether Cancel was pressed. */
    public boolean cancelRequested() {
        return cancelSent;
    }

    public Process process() {
        return process;
    }
}
