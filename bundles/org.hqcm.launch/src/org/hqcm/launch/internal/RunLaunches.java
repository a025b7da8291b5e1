package org.hqcm.launch.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.osgi.util.NLS;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.launch.internal.ui.HqcmLaunchShortcut;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;

/**
 * What the IDE's views do with runs through launches: run an experiment file (as Run As does), resume a run
 * folder ({@code hqcm run --resume}), run a run's experiment again, and find or cancel the launch that follows a
 * run folder. All of them go through "HQCM Experiment" launch configurations, so runs started from the Runs view
 * look and cancel like any other launch.
 */
public final class RunLaunches {

    private RunLaunches() {
    }

    /** Launches an experiment file with its configuration (made once, as by Run As). */
    public static void run(IFile experiment) throws CoreException {
        DebugUITools.launch(HqcmLaunchShortcut.configurationFor(experiment), ILaunchManager.RUN_MODE);
    }

    /**
     * Continues a cancelled, failed or killed run: a launch of its experiment's configuration (seed, backend, heap)
     * that resumes the folder instead of starting a new one.
     */
    public static void resume(IContainer runFolder) throws CoreException {
        IFile experiment = experimentOf(runFolder);
        LaunchSettings settings = experiment != null ? LaunchSettings.of(HqcmLaunchShortcut.configurationFor(experiment))
                : new LaunchSettings(runFolder.getFile(org.eclipse.core.runtime.Path.fromPortableString(RunFolder.EXPERIMENT))
                        .getFullPath().toString(), null, org.hqcm.model.Backend.CPU, LaunchSettings.DEFAULT_HEAP);
        ILaunchConfigurationWorkingCopy wc = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(LaunchSettings.TYPE_ID).newInstance(null, runFolder.getName());
        settings.resuming(runFolder.getFullPath().toString()).applyTo(wc);
        launchInBackground(wc, NLS.bind(Messages.HqcmLaunchDelegate_resumeLabel, runFolder.getName()));
    }

    /** Runs the experiment of a run again (its file in the workspace, with the run's seed), into a new folder. */
    public static void rerun(IContainer runFolder) throws CoreException {
        IFile experiment = experimentOf(runFolder);
        if (experiment == null) {
            throw new CoreException(Status.error(NLS.bind(Messages.RunLaunches_noExperiment, runFolder.getFullPath(),
                    runFolder.getParent().getParent().getFullPath())));
        }
        RunRecord record = HqcmResources.loadRunRecord(runFolder.getLocation().toPath());
        ILaunchConfiguration base = HqcmLaunchShortcut.configurationFor(experiment);
        LaunchSettings s = LaunchSettings.of(base);
        Long seed = record.getProvenance() != null ? record.getProvenance().getSeed() : s.seed();
        ILaunchConfigurationWorkingCopy wc = base.copy(base.getName());
        new LaunchSettings(s.experiment(), seed, s.backend(), s.heap()).applyTo(wc);
        launchInBackground(wc, base.getName());
    }

    private static void launchInBackground(ILaunchConfigurationWorkingCopy wc, String name) {
        // an unsaved copy: the file's configuration stays as the user set it
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    wc.launch(ILaunchManager.RUN_MODE, monitor);
                    return Status.OK_STATUS;
                } catch (CoreException e) {
                    return e.getStatus();
                }
            }
        };
        job.setUser(false);
        job.schedule();
    }

    /**
     * The experiment file a run came from: the .hqcm file next to the run's {@code runs/} folder whose experiment has
     * the run's name (launches put {@code runs/} next to the experiment), or null.
     */
    public static IFile experimentOf(IContainer runFolder) {
        IContainer runs = runFolder.getParent();
        IContainer home = runs == null ? null : runs.getParent();
        if (home == null || runFolder.getLocation() == null) {
            return null;
        }
        String name;
        try {
            HqcmResources.registerGlobally();
            Experiment e = HqcmResources.loadRunRecord(runFolder.getLocation().toPath()).getExperiment();
            name = e == null ? null : e.getName();
        } catch (RuntimeException e) {
            return null;
        }
        List<IFile> candidates = new ArrayList<>();
        try {
            for (IResource r : home.members()) {
                if (r instanceof IFile f && f.getName().toLowerCase(Locale.ROOT).endsWith(".hqcm") && f.getLocation() != null) {
                    candidates.add(f);
                }
            }
        } catch (CoreException e) {
            return null;
        }
        for (IFile f : candidates) {
            try {
                if (name != null && name.equals(HqcmResources.loadExperiment(f.getLocation().toPath()).getName())) {
                    return f;
                }
            } catch (RuntimeException e) {
                // a broken file is not the run's
            }
        }
        return null;
    }

    /** The live launch job of a run folder, or null when no launch of this IDE follows it. */
    public static RunProgressJob jobOf(Path runDir) {
        Path dir = runDir.toAbsolutePath().normalize();
        for (Job j : Job.getJobManager().find(RunProgressJob.FAMILY)) {
            if (j instanceof RunProgressJob r && r.runFolder().toAbsolutePath().normalize().equals(dir)) {
                return r;
            }
        }
        return null;
    }

    /** Cancels the launch that follows a run folder (as its Cancel in the Progress view); false if there is none. */
    public static boolean cancel(Path runDir) {
        RunProgressJob job = jobOf(runDir);
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }
}
