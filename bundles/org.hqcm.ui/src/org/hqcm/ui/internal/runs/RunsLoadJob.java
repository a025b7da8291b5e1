package org.hqcm.ui.internal.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;

/**
 * Finds every run folder of the workspace and reads its run record off the UI thread; hands the rows to a
 * consumer when done. A record that cannot be read (a run being written by another JVM) is logged and left out.
 */
public final class RunsLoadJob extends Job {

    /** Job family of the Runs view's loads (tests wait for it). */
    public static final Object FAMILY = RunsLoadJob.class;

    private final IWorkspaceRoot root;
    private final Consumer<List<RunSummary>> done;

    public RunsLoadJob(IWorkspaceRoot root, Consumer<List<RunSummary>> done) {
        super(Messages.RunsLoadJob_name);
        this.root = root;
        this.done = done;
        setSystem(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        HqcmResources.registerGlobally();
        List<IFile> records = find(root);
        SubMonitor sub = SubMonitor.convert(monitor, records.size());
        List<RunSummary> rows = new ArrayList<>();
        for (IFile file : records) {
            if (sub.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            RunSummary row = read(file);
            if (row != null) {
                rows.add(row);
            }
            sub.worked(1);
        }
        done.accept(List.copyOf(rows));
        return Status.OK_STATUS;
    }

    /**
     * The run records ({@code run.hqcmrun}) under a container; not those of a sweep's attempts, which are runs in
     * progress that the sweep publishes into its runs/ folder by a rename (their rows come from there, and a record
     * read during the rename is gone).
     */
    public static List<IFile> find(IContainer container) {
        List<IFile> found = new ArrayList<>();
        try {
            container.accept(resource -> {
                if (resource.getType() == IResource.FILE) {
                    if (HqcmResources.RUN_RECORD_FILE.equals(resource.getName())) {
                        found.add((IFile) resource);
                    }
                    return false;
                }
                if (resource.getType() == IResource.FOLDER && SweepFolder.ATTEMPTS.equals(resource.getName())
                        && resource.getParent().getFile(new org.eclipse.core.runtime.Path(SweepFolder.SWEEP_FILE))
                                .exists()) {
                    return false;
                }
                return resource.isAccessible();
            });
        } catch (CoreException e) {
            ILog.of(RunsLoadJob.class).log(e.getStatus());
        }
        return found;
    }

    /** The row of one record file, or null when it cannot be read. */
    public static RunSummary read(IFile file) {
        try {
            RunRecord record = HqcmResources.loadRunRecord(file.getLocation().toPath());
            return RunSummary.of(file.getParent(), record);
        } catch (RuntimeException e) {
            if (!java.nio.file.Files.exists(file.getLocation().toPath())) {
                return null; // moved or deleted since the folders were listed (a published attempt, a deleted run)
            }
            ILog.of(RunsLoadJob.class).warn(NLS.bind(Messages.RunsLoadJob_unreadable, file.getFullPath(), e.getMessage()), e);
            return null;
        }
    }
}
