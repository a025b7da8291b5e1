package org.hqcm.launch.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;
import org.eclipse.osgi.util.NLS;
import org.hqcm.model.Backend;

/**
 * Starts the engine in its own JVM for an "HQCM Experiment" launch (the IDE never trains in-process): its output
 * goes to a Console, its events to a Progress-view job, and its run folder ({@code runs/} next to the experiment)
 * appears in the workspace when it ends.
 */
public final class HqcmLaunchDelegate extends LaunchConfigurationDelegate {

    /** Where the engine writes its run folders, relative to the experiment's folder. */
    public static final String RUNS_FOLDER = "runs";

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        LaunchSettings settings = LaunchSettings.of(config);
        IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(org.eclipse.core.runtime.Path.fromPortableString(settings.experiment()));
        if (!file.exists() || file.getLocation() == null) {
            throw new CoreException(Status.error(NLS.bind(Messages.HqcmLaunchDelegate_noFile, config.getName(), settings.experiment())));
        }
        EngineInstallation engine;
        try {
            engine = EngineInstallation.locate();
        } catch (IllegalStateException e) {
            throw new CoreException(Status.error(e.getMessage(), e));
        }
        Backend built = engine.backend();
        if (built != settings.backend()) {
            throw new CoreException(Status.error(NLS.bind(Messages.HqcmLaunchDelegate_backend,
                    new Object[] {config.getName(), settings.backend(), engine.dir(), built})));
        }
        IFolder runs = file.getParent().getFolder(org.eclipse.core.runtime.Path.fromPortableString(RUNS_FOLDER));
        Path out = runs.getLocation().toPath();
        Set<Path> before = RunProgressJob.runFolders(out);
        List<String> cmd = EngineCommand.of(engine, settings, file.getLocation().toPath(), out);
        Process process = DebugPlugin.exec(cmd.toArray(String[]::new), file.getParent().getLocation().toFile(),
                EngineCommand.environment());
        String label = NLS.bind(Messages.HqcmLaunchDelegate_label, file.getName());
        IProcess ip = DebugPlugin.newProcess(launch, process, label);
        ip.setAttribute(IProcess.ATTR_CMDLINE, String.join(" ", cmd));
        IContainer refresh = runs.getParent();
        new RunProgressJob(label, process, out, before, refresh).schedule();
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        // an experiment needs no workspace build
        return false;
    }
}
