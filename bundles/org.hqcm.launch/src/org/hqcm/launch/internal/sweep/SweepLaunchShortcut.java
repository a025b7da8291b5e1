package org.hqcm.launch.internal.sweep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.hqcm.model.resource.HqcmResources;

/**
 * Run As &gt; HQCM Sweep for a .hqcmsweep file, from the Project Explorer or its editor; as an
 * {@link ILaunchShortcut2} it also tells the Run button (context launching) which configuration a file has. The
 * static methods are what the IDE's views and editor do with sweeps through launches (run, resume, cancel).
 */
public final class SweepLaunchShortcut implements ILaunchShortcut2 {

    @Override
    public void launch(ISelection selection, String mode) {
        IFile f = sweepIn(selection);
        if (f != null) {
            launch(f, mode);
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile f = sweepIn(editor);
        if (f != null) {
            launch(f, mode);
        }
    }

    private static void launch(IFile file, String mode) {
        try {
            DebugUITools.launch(configurationFor(file), mode);
        } catch (CoreException e) {
            ILog.of(SweepLaunchShortcut.class).log(e.getStatus());
        }
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return existing(sweepIn(selection));
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return existing(sweepIn(editor));
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return sweepIn(selection);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return sweepIn(editor);
    }

    /** The one .hqcmsweep file of a selection, or null. */
    public static IFile sweepIn(ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            IFile f = Adapters.adapt(s.getFirstElement(), IFile.class);
            return f != null && isSweep(f) ? f : null;
        }
        return null;
    }

    private static IFile sweepIn(IEditorPart editor) {
        IFile f = editor == null ? null : Adapters.adapt(editor.getEditorInput(), IFile.class);
        return f != null && isSweep(f) ? f : null;
    }

    public static boolean isSweep(IFile f) {
        return f.getName().toLowerCase(Locale.ROOT).endsWith("." + HqcmResources.SWEEP_EXTENSION);
    }

    /** The configurations of a file, or null (none, or no file: the framework then offers the shortcut). */
    private static ILaunchConfiguration[] existing(IFile file) {
        if (file == null) {
            return null;
        }
        try {
            ILaunchConfiguration[] found = Arrays.stream(manager().getLaunchConfigurations(type()))
                    .filter(c -> isFor(c, file)).toArray(ILaunchConfiguration[]::new);
            return found.length == 0 ? null : found;
        } catch (CoreException e) {
            ILog.of(SweepLaunchShortcut.class).log(e.getStatus());
            return null;
        }
    }

    private static boolean isFor(ILaunchConfiguration c, IFile file) {
        try {
            return file.getFullPath().toString().equals(c.getAttribute(SweepLaunchSettings.ATTR_SWEEP, ""));
        } catch (CoreException e) {
            return false;
        }
    }

    /** The file's existing configuration, or a new saved one with the defaults. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        ILaunchConfiguration[] existing = existing(file);
        if (existing != null) {
            return existing[0];
        }
        String name = manager().generateLaunchConfigurationName(file.getFullPath().removeFileExtension().lastSegment());
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null, name);
        SweepLaunchSettings.defaults(file.getFullPath().toString()).applyTo(wc);
        wc.setMappedResources(new IResource[] {file});
        return wc.doSave();
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
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null, sweepFolder.getName());
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

    private static ILaunchManager manager() {
        return DebugPlugin.getDefault().getLaunchManager();
    }

    private static ILaunchConfigurationType type() {
        return manager().getLaunchConfigurationType(SweepLaunchSettings.TYPE_ID);
    }
}
