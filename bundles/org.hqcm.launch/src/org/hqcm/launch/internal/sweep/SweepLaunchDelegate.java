package org.hqcm.launch.internal.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
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
import org.hqcm.engine.run.OutputFolder;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.launch.internal.EngineInstallation;
import org.hqcm.model.resource.HqcmResources;

/**
 * Starts a sweep in its own JVM for an "HQCM Sweep" launch, as {@code ./hqcm sweep} does on the command line
 * ({@link SweepCommandLine}); the IDE neither trains nor runs Spark in-process. A new sweep's folder is chosen here,
 * {@code sweeps/<sweep>-<time>} next to the sweep file, and handed to the sweep with {@code --out}, so the launch
 * follows its own sweep from the start; a resume launch continues a sweep folder with {@code --resume}. The
 * driver's output goes to a Console, the sweep's progress to a Progress-view job ({@link SweepProgressJob}).
 */
public final class SweepLaunchDelegate extends LaunchConfigurationDelegate {

    /** Where sweeps are written, relative to the sweep file's folder (as ./hqcm sweep's default, sweeps/). */
    public static final String SWEEPS_FOLDER = "sweeps";
    /** The console of a sweep is an engine process's (the experiment launch's console set-up applies). */
    public static final String PROCESS_TYPE = org.hqcm.launch.internal.HqcmLaunchDelegate.PROCESS_TYPE;

    @Override
    public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        SweepLaunchSettings settings = SweepLaunchSettings.of(config);
        SweepCommandLine line;
        try {
            line = SweepCommandLine.of(EngineInstallation.locate());
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new CoreException(Status.error(e.getMessage(), e));
        }
        IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(
                org.eclipse.core.runtime.Path.fromPortableString(settings.sweep()));
        IContainer sweepFolder;
        Path sweepFile = null;
        if (settings.resume() != null) {
            IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(settings.resume());
            if (!(r instanceof IContainer c) || c.getLocation() == null
                    || !Files.isRegularFile(new SweepFolder(c.getLocation().toPath()).record())) {
                throw new CoreException(Status.error(NLS.bind(Messages.SweepLaunch_noFolder, config.getName(), settings.resume())));
            }
            sweepFolder = c;
        } else {
            if (!file.exists() || file.getLocation() == null) {
                throw new CoreException(Status.error(NLS.bind(Messages.SweepLaunch_noFile, config.getName(), settings.sweep())));
            }
            sweepFile = file.getLocation().toPath();
            IContainer sweeps = file.getParent().getFolder(org.eclipse.core.runtime.Path.fromPortableString(SWEEPS_FOLDER));
            Path dir = newFolder(sweeps.getLocation().toPath(), sweepName(sweepFile, file));
            sweepFolder = ((org.eclipse.core.resources.IFolder) sweeps).getFolder(dir.getFileName().toString());
        }
        Path dir = sweepFolder.getLocation().toPath();
        List<String> cmd = line.command(settings, sweepFile, dir);
        java.io.File workingDir = (sweepFile != null ? sweepFile.getParent() : dir.getParent()).toFile();
        Process process = DebugPlugin.exec(cmd.toArray(String[]::new), workingDir, line.environment(settings));
        String label = settings.resume() != null ? NLS.bind(Messages.SweepLaunch_resumeLabel, sweepFolder.getName(), settings.master())
                : NLS.bind(Messages.SweepLaunch_label, file.getName(), settings.master());
        IProcess ip = DebugPlugin.newProcess(launch, process, label, Map.of(IProcess.ATTR_PROCESS_TYPE, PROCESS_TYPE));
        ip.setAttribute(IProcess.ATTR_CMDLINE, String.join(" ", cmd));
        new SweepProgressJob(label, process, new SweepFolder(dir), sweepFolder).schedule();
    }

    /** A sweep folder name that is free: sweeps/NAME-TIME, with -2, -3, ... when a launch in the same second took it. */
    static Path newFolder(Path sweeps, String name) {
        Path dir = OutputFolder.stamped(sweeps, name);
        Path free = dir;
        for (int i = 2; Files.exists(free); i++) {
            free = dir.resolveSibling(dir.getFileName() + "-" + i);
        }
        return free;
    }

    /** The sweep's name (which names its folder), or the file's when it cannot be read here (the sweep says why). */
    private static String sweepName(Path sweep, IFile file) {
        try {
            HqcmResources.registerGlobally();
            String name = HqcmResources.loadSweep(sweep).getName();
            if (name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                return name;
            }
        } catch (RuntimeException e) {
            // hqcm sweep validates the file and says what is wrong with it
        }
        return file.getFullPath().removeFileExtension().lastSegment();
    }

    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        // a sweep needs no workspace build
        return false;
    }
}
