package org.hqcm.launch.internal.ui;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.viewers.ISelection;
import org.hqcm.launch.internal.FileLaunchShortcut;
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.model.Backend;
import org.hqcm.model.resource.HqcmResources;

/** Run As &gt; HQCM Experiment for a .hqcm file (see {@link FileLaunchShortcut}). */
public final class HqcmLaunchShortcut extends FileLaunchShortcut {

    /** The one instance the static methods use (the platform makes its own; they hold no state). */
    private static final HqcmLaunchShortcut SHARED = new HqcmLaunchShortcut();

    public HqcmLaunchShortcut() {
        super(LaunchSettings.TYPE_ID, LaunchSettings.ATTR_EXPERIMENT, HqcmResources.EXPERIMENT_EXTENSION, (file, wc) -> new LaunchSettings(
                file.getFullPath().toString(), null, Backend.CPU, LaunchSettings.DEFAULT_HEAP).applyTo(wc));
    }

    /** The one .hqcm file of a selection (Project Explorer, Package Explorer, ...), or null. */
    public static IFile experimentIn(ISelection selection) {
        return SHARED.fileIn(selection);
    }

    static boolean isExperiment(IFile f) {
        return SHARED.accepts(f);
    }

    /** The file's existing configuration, or a new saved one with the defaults. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        return SHARED.configuration(file);
    }
}
