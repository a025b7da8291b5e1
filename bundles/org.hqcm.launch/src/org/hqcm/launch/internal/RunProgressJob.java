package org.hqcm.launch.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
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
import org.hqcm.model.RunStatus;

/**
 * Shows an engine run in the Progress view: follows the {@link RunFolder#EVENTS} of the run folder the launch made
 * and advances per batch. Cancel asks the engine to stop: SIGTERM, whose shutdown hook stops it after the current
 * batch, keeps the last checkpoint and ends the events with a CANCELLED {@link RunEvent.End}. The run folder is
 * refreshed into the workspace when its record appears, after every epoch and at the end, so the Runs view shows the
 * run while it trains.
 */
public final class RunProgressJob extends Job {

    /** Job family of engine runs (tests and the Runs view find them by it). */
    public static final Object FAMILY = RunProgressJob.class;

    private static final long POLL_MS = 200;

    private final Process process;
    private final RunFolder folder;
    private final IContainer workspaceFolder;
    private final boolean madeByLaunch;
    private final EventTail tail;
    private volatile EventStream.Line last;
    private volatile RunEvent.End end;
    private volatile boolean cancelSent;
    private volatile int batchesDone;
    private boolean recordSeen;

    /**
     * @param process the engine
     * @param folder the run folder the engine writes
     * @param workspaceFolder the same folder in the workspace (refreshed as the run goes)
     * @param madeByLaunch whether the launch made the folder (removed again when the engine never wrote into it)
     */
    public RunProgressJob(String name, Process process, RunFolder folder, IContainer workspaceFolder, boolean madeByLaunch) {
        super(name);
        this.process = process;
        this.folder = folder;
        this.workspaceFolder = workspaceFolder;
        this.madeByLaunch = madeByLaunch;
        this.tail = EventTail.of(folder);
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
        try {
            while (true) {
                boolean exited = process.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
                if (monitor.isCanceled() && !cancelSent) {
                    cancelSent = true;
                    sub.subTask(Messages.RunProgressJob_stopping);
                    // SIGTERM through the handle: Process.destroy() would also close our ends of the engine's stdout
                    // and stderr, which the console is still reading ("IOException: Stream closed", twice, in the
                    // error log) and which carry the engine's last lines
                    process.toHandle().destroy();
                }
                follow(tail.poll(), sub);
                if (exited) {
                    break;
                }
            }
            follow(tail.poll(), sub);
            removeIfUnused();
            refresh();
            int exit = process.exitValue();
            if (cancelSent || end != null && end.status() == RunStatus.CANCELLED) {
                return Status.CANCEL_STATUS;
            }
            if (exit != 0) {
                String message = end != null ? end.message() : "";
                return Status.warning(NLS.bind(Messages.RunProgressJob_failed, new Object[] {getName(), exit, message}));
            }
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.toHandle().destroy();
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return Status.error(NLS.bind(Messages.RunProgressJob_unreadable, folder.dir(), e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    private void follow(List<EventStream.Line> lines, SubMonitor sub) {
        if (!recordSeen && Files.isRegularFile(folder.record())) {
            recordSeen = true;
            refresh();
        }
        for (EventStream.Line line : lines) {
            last = line;
            RunEvent e = line.event();
            if (e instanceof RunEvent.Start s) {
                batchesDone = s.resumedFrom() * s.batches();
                sub.setWorkRemaining(Math.max(1, (s.epochs() - s.resumedFrom()) * s.batches()));
            } else if (e instanceof RunEvent.Phase p) {
                sub.subTask(p.message());
            } else if (e instanceof RunEvent.Batch b) {
                batchesDone++;
                sub.worked(1);
                sub.subTask(String.format(Locale.ROOT, Messages.RunProgressJob_batch, b.epoch(), b.batch(), b.batches(),
                        b.loss(), b.accuracy()));
            } else if (e instanceof RunEvent.Epoch ep) {
                sub.subTask(String.format(Locale.ROOT, Messages.RunProgressJob_epoch, ep.epoch(), ep.epochs(),
                        ep.validationLoss(), ep.validationAccuracy()));
                refresh();
            } else if (e instanceof RunEvent.End en) {
                end = en;
            }
            // warnings: the console shows them
        }
    }

    /** A folder the launch made and the engine never wrote into (it refused the experiment) is not a run. */
    private void removeIfUnused() {
        if (!madeByLaunch) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.dir())) {
            if (!entries.iterator().hasNext()) {
                Files.delete(folder.dir());
            }
        } catch (IOException e) {
            ILog.of(RunProgressJob.class).warn("cannot remove the empty run folder " + folder.dir(), e);
        }
    }

    private void refresh() {
        try {
            // a new folder (and a first runs/) is not in the workspace yet: make its parents known first
            IContainer runs = workspaceFolder.getParent();
            if (!runs.exists()) {
                runs.getParent().refreshLocal(IResource.DEPTH_ONE, null);
            }
            if (!workspaceFolder.exists()) {
                runs.refreshLocal(IResource.DEPTH_ONE, null);
            }
            workspaceFolder.refreshLocal(IResource.DEPTH_INFINITE, null);
        } catch (CoreException e) {
            ILog.of(RunProgressJob.class).log(e.getStatus());
        }
    }

    /** The run folder the engine writes. */
    public RunFolder folder() {
        return folder;
    }

    /** The run folder as a path (the engine's). */
    public Path runFolder() {
        return folder.dir();
    }

    /** The last event read, or null. */
    public RunEvent lastEvent() {
        EventStream.Line l = last;
        return l == null ? null : l.event();
    }

    /** The end event, once the engine wrote it. */
    public RunEvent.End end() {
        return end;
    }

    /** Batches seen so far. */
    public int batchesDone() {
        return batchesDone;
    }

    /** Whether Cancel was pressed. */
    public boolean cancelRequested() {
        return cancelSent;
    }

    public Process process() {
        return process;
    }
}
