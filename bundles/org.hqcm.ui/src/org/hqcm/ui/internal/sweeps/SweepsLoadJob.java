package org.hqcm.ui.internal.sweeps;

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
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.resource.HqcmResources;

/**
 * Finds every sweep folder of the workspace (a folder with {@value HqcmResources#SWEEP_RECORD_FILE}) and reads its
 * record off the UI thread. A sweep's runs/ and attempts/ are not walked: a sweep's run folders are its trials. A
 * record that cannot be read is logged and left out (the driver replaces it atomically, so this is a broken file).
 */
public final class SweepsLoadJob extends Job {

    /** Job family of the sweep loads (tests wait for it). */
    public static final Object FAMILY = SweepsLoadJob.class;

    private final IWorkspaceRoot root;
    private final Consumer<List<SweepRow>> done;

    public SweepsLoadJob(IWorkspaceRoot root, Consumer<List<SweepRow>> done) {
        super(Messages.SweepsLoadJob_name);
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
        List<SweepRow> rows = new ArrayList<>();
        try {
            root.accept(r -> {
                if (monitor.isCanceled()) {
                    return false;
                }
                if (r instanceof IContainer c && c.getType() != IResource.ROOT
                        && c.getFile(org.eclipse.core.runtime.Path.fromPortableString(HqcmResources.SWEEP_RECORD_FILE)).exists()) {
                    SweepRow row = read(c);
                    if (row != null) {
                        rows.add(row);
                    }
                    return false;
                }
                return r.getType() != IResource.FILE;
            });
        } catch (CoreException e) {
            return e.getStatus();
        }
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        done.accept(rows);
        return Status.OK_STATUS;
    }

    private static SweepRow read(IContainer folder) {
        IFile file = folder.getFile(org.eclipse.core.runtime.Path.fromPortableString(HqcmResources.SWEEP_RECORD_FILE));
        try {
            SweepRecord record = HqcmResources.loadSweepRecord(file.getLocation().toPath());
            return new SweepRow(folder, record);
        } catch (RuntimeException e) {
            ILog.of(SweepsLoadJob.class).warn(NLS.bind(Messages.SweepsLoadJob_unreadable, file.getFullPath(), e.getMessage()));
            return null;
        }
    }
}
