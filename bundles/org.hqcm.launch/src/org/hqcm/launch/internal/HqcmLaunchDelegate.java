package org.hqcm.launch.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IResource;
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
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.Backend;
import org.hqcm.model.resource.HqcmResources;

/**
 * Starts the engine in its own JVM for an "HQCM Experiment" launch (the IDE never trains in-process). The launch
 * makes the run folder itself ({@code runs/} next to the experiment, {@link RunFolder#create}, atomic) and hands it
 * to the engine with {@code --run-dir}, so it follows its own run from the first event, whatever else runs into the
 * same folder. A resume launch continues a run folder with {@code --resume}. The engine's output goes to a Console,
 * its events to a Progress-view job ({@link RunProgressJob}).
 */
public final class HqcmLaunchDelegate extends LaunchConfigurationDelegate {

    /** Where the engine writes its run folders, relative to the experiment's folder. */
    public static final String RUNS_FOLDER = "runs";
    /** The process type of engine runs: the console of such a process is set up by {@code EngineConsoleColors}. */
    public static final String PROCESS_TYPE = "org.hqcm.engine.run";

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        LaunchSettings settings = LaunchSettings.of(config);
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
        IContainer runFolder;
        Path experiment = null;
        boolean created = false;
        if (settings.resume() != null) {
            IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(settings.resume());
            if (!(r instanceof IContainer c) || c.getLocation() == null || !RunFolder.isRunFolder(c.getLocation().toPath())) {
                throw new CoreException(Status.error(NLS.bind(Messages.HqcmLaunchDelegate_noRun, config.getName(), settings.resume())));
            }
            runFolder = c;
        } else {
            IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(org.eclipse.core.runtime.Path.fromPortableString(settings.experiment()));
            if (!file.exists() || file.getLocation() == null) {
                throw new CoreException(Status.error(NLS.bind(Messages.HqcmLaunchDelegate_noFile, config.getName(), settings.experiment())));
            }
            experiment = file.getLocation().toPath();
            IFolder runs = file.getParent().getFolder(org.eclipse.core.runtime.Path.fromPortableString(RUNS_FOLDER));
            RunFolder made;
            try {
                made = RunFolder.create(runs.getLocation().toPath(), experimentName(experiment, file));
            } catch (java.io.UncheckedIOException | BadInputException e) {
                throw new CoreException(Status.error(e.getMessage(), e));
            }
            created = true;
            runFolder = runs.getFolder(made.dir().getFileName().toString());
        }
        Path dir = runFolder.getLocation().toPath();
        List<String> cmd = EngineCommand.of(engine, settings, experiment, dir);
        Process process = DebugPlugin.exec(cmd.toArray(String[]::new),
                runFolder.getParent().getParent().getLocation().toFile(), EngineCommand.environment());
        String label = NLS.bind(settings.resume() != null ? Messages.HqcmLaunchDelegate_resumeLabel
                : Messages.HqcmLaunchDelegate_label, settings.resume() != null ? runFolder.getName()
                        : Path.of(settings.experiment()).getFileName().toString());
        IProcess ip = DebugPlugin.newProcess(launch, process, label, Map.of(IProcess.ATTR_PROCESS_TYPE, PROCESS_TYPE));
        ip.setAttribute(IProcess.ATTR_CMDLINE, String.join(" ", cmd));
        new RunProgressJob(label, process, new RunFolder(dir), runFolder, created).schedule();
    }

    /** The name the engine will give the run (the experiment's), or the file's when it cannot be read here. */
    private static String experimentName(Path experiment, IFile file) {
        try {
            HqcmResources.registerGlobally();
            String name = HqcmResources.loadExperiment(experiment).getName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (RuntimeException e) {
            // the engine validates the file and says what is wrong with it
        }
        return file.getFullPath().removeFileExtension().lastSegment();
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        // an experiment needs no workspace build
        return false;
    }
}
