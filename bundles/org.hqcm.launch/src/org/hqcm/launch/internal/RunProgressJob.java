package org.hqcm.launch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.hqcm.launch.internal.events.EngineEvent;
import org.hqcm.launch.internal.events.EventTail;

/**
 * Shows an engine run in the Progress view: finds the run folder the engine creates, follows its
 * {@code events.jsonl} and advances per batch. Cancel sends the engine SIGTERM ({@link Process#destroy()}), whose
 * shutdown hook stops it after the current batch and keeps the last checkpoint. When the engine has exited, the
 * workspace folder of the runs is refreshed so the run appears.
 */
public final class RunProgressJob extends Job {

    /** Job family of engine runs (tests wait for it). */
    public static final Object FAMILY = RunProgressJob.class;

    private static final long POLL_MS = 200;

    private final Process process;
    private final Path out;
    private final Set<Path> before;
    private final IContainer refresh;
    private volatile Path runFolder;
    private volatile EngineEvent last;
    private volatile boolean cancelSent;
    private int batchesDone;

    /**
     * @param process the engine
     * @param out the folder the engine creates its run folder in
     * @param before the run folders that were there before the engine started
     * @param refresh the workspace container of {@code out}, refreshed at the end
     */
    public RunProgressJob(String name, Process process, Path out, Set<Path> before, IContainer refresh) {
        super(name);
        this.process = process;
        this.out = out;
        this.before = Set.copyOf(before);
        this.refresh = refresh;
        setUser(true);
        setPriority(LONG);
    }

    /** The run folders in a folder now (none when it does not exist yet). */
    public static Set<Path> runFolders(Path out) {
        Set<Path> found = new HashSet<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> dirs = Files.list(out)) {
                dirs.filter(Files::isDirectory).forEach(found::add);
            } catch (IOException e) {
                ILog.of(RunProgressJob.class).warn("cannot list " + out, e);
            }
        }
        return found;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), 1000);
        EventTail tail = null;
        try {
            while (true) {
                boolean exited = process.waitFor(POLL_MS, TimeUnit.MILLISECONDS);
                if (monitor.isCanceled() && !cancelSent) {
                    cancelSent = true;
                    sub.subTask(Messages.RunProgressJob_stopping);
                    process.destroy();
                }
                if (tail == null) {
                    runFolder = newRunFolder();
                    if (runFolder != null) {
                        tail = new EventTail(runFolder.resolve("events.jsonl"));
                    }
                }
                if (tail != null) {
                    follow(tail.poll(), sub);
                }
                if (exited) {
                    break;
                }
            }
            refreshRuns();
            int exit = process.exitValue();
            if (cancelSent) {
                return Status.CANCEL_STATUS;
            }
            if (exit != 0) {
                String message = last != null && last.is("end") ? last.text("message") : "";
                return Status.warning(NLS.bind(Messages.RunProgressJob_failed, new Object[] {getName(), exit, message}));
            }
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return Status.CANCEL_STATUS;
        } catch (IOException | RuntimeException e) {
            return Status.error(NLS.bind(Messages.RunProgressJob_unreadable, runFolder, e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    private Path newRunFolder() {
        // the engine makes one folder per repeat; the first new one is this launch's
        return runFolders(out).stream().filter(d -> !before.contains(d)).sorted().findFirst().orElse(null);
    }

    private void follow(List<EngineEvent> events, SubMonitor sub) {
        for (EngineEvent e : events) {
            last = e;
            switch (e.type()) {
                case "start" -> {
                    int batches = e.integer("batches", 1);
                    int epochs = e.integer("epochs", 1);
                    batchesDone = e.integer("resumedFrom", 0) * batches;
                    sub.setWorkRemaining(Math.max(1, epochs * batches - batchesDone));
                }
                case "phase" -> sub.subTask(e.text("message"));
                case "batch" -> {
                    batchesDone++;
                    sub.worked(1);
                    sub.subTask(String.format(Locale.ROOT, Messages.RunProgressJob_batch, e.integer("epoch", 0),
                            e.integer("batch", 0), e.integer("batches", 0), e.number("loss"), e.number("accuracy")));
                }
                case "epoch" -> sub.subTask(String.format(Locale.ROOT, Messages.RunProgressJob_epoch,
                        e.integer("epoch", 0), e.integer("epochs", 0), e.number("validationLoss"),
                        e.number("validationAccuracy")));
                default -> {
                    // warning and end: the console shows them
                }
            }
        }
    }

    private void refreshRuns() {
        try {
            refresh.refreshLocal(IResource.DEPTH_INFINITE, null);
        } catch (CoreException e) {
            ILog.of(RunProgressJob.class).log(e.getStatus());
        }
    }

    /** The run folder the engine created, once seen. */
    public Path runFolder() {
        return runFolder;
    }

    /** The last event read. */
    public EngineEvent lastEvent() {
        return last;
    }

    /** Batches seen so far. */
    public int batchesDone() {
        return batchesDone;
    }

    public Process process() {
        return process;
    }
}
