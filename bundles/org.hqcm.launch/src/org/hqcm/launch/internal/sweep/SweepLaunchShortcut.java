package org.hqcm.launch.internal.sweep;

import java.nio.file.Path;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.viewers.ISelection;
import org.hqcm.launch.internal.FileLaunchShortcut;
import org.hqcm.model.resource.HqcmResources;

/**
 * Run As &gt; HQCM Sweep for a .hqcmsweep file (see {@link FileLaunchShortcut}). The static methods are what the IDE's
 * views and editor do with sweeps through launches (run, resume, cancel).
 */
public final class SweepLaunchShortcut extends FileLaunchShortcut {

    /** The one instance the static methods use (the platform makes its own; they hold no state). */
    private static final SweepLaunchShortcut SHARED = new SweepLaunchShortcut();

    public SweepLaunchShortcut() {
        super(SweepLaunchSettings.TYPE_ID, SweepLaunchSettings.ATTR_SWEEP, HqcmResources.SWEEP_EXTENSION,
                (file, wc) -> SweepLaunchSettings.defaults(file.getFullPath().toString()).applyTo(wc));
    }

    /** The one .hqcmsweep file of a selection, or null. */
    public static IFile sweepIn(ISelection selection) {
        return SHARED.fileIn(selection);
    }

    public static boolean isSweep(IFile f) {
        return SHARED.accepts(f);
    }

    /** The file's existing configuration, or a new saved one with the defaults. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        return SHARED.configuration(file);
    }

    /** Launches a sweep file with its configuration (made once, as by Run As). */
    public static void run(IFile sweep) throws CoreException {
        DebugUITools.launch(configurationFor(sweep), ILaunchManager.RUN_MODE);
    }

    /**
     * Continues a cancelled, failed or killed sweep ({@code hqcm sweep --resume}): a launch of its sweep file's
     * configuration (master, heap) when the file is next to the {@code sweeps/} folder, else the defaults.
     */
    public static void resume(IContainer sweepFolder, IFile sweepFile) throws CoreException {
        SweepLaunchSettings base = sweepFile != null && sweepFile.exists()
                ? SweepLaunchSettings.of(configurationFor(sweepFile))
                : SweepLaunchSettings.defaults(sweepFolder.getFile(org.eclipse.core.runtime.Path.fromPortableString(
                        org.hqcm.engine.sweep.SweepFolder.SWEEP_FILE)).getFullPath().toString());
        ILaunchConfigurationWorkingCopy wc = SHARED.type().newInstance(null, sweepFolder.getName());
        base.resuming(sweepFolder.getFullPath().toString()).applyTo(wc);
        // an unsaved copy: the file's configuration stays as the user set it
        Job job = Job.create(sweepFolder.getName(), monitor -> {
            try {
                wc.launch(ILaunchManager.RUN_MODE, monitor);
            } catch (CoreException e) {
                return e.getStatus();
            }
            return org.eclipse.core.runtime.Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** The live launch job of a sweep folder, or null when no launch of this IDE follows it. */
    public static SweepProgressJob jobOf(Path sweepDir) {
        Path dir = sweepDir.toAbsolutePath().normalize();
        for (Job j : Job.getJobManager().find(SweepProgressJob.FAMILY)) {
            if (j instanceof SweepProgressJob s && s.folder().dir().equals(dir)) {
                return s;
            }
        }
        return null;
    }

    /** Cancels the launch that follows a sweep folder (as its Cancel in the Progress view); false if there is none. */
    public static boolean cancel(Path sweepDir) {
        SweepProgressJob job = jobOf(sweepDir);
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }
}
