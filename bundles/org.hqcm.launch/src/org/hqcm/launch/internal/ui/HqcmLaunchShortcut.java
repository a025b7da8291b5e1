package org.hqcm.launch.internal.ui;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
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
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.model.Backend;

/**
 * Run As &gt; HQCM Experiment for a .hqcm file, from the Project Explorer or its editor; as an
 * {@link ILaunchShortcut2} it also tells the Run button (context launching) which configuration a file has.
 */
public final class HqcmLaunchShortcut implements ILaunchShortcut2 {

    @Override
    public void launch(ISelection selection, String mode) {
        IFile f = experimentIn(selection);
        if (f != null) {
            launch(f, mode);
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile f = experimentIn(editor);
        if (f != null) {
            launch(f, mode);
        }
    }

    private static void launch(IFile file, String mode) {
        try {
            DebugUITools.launch(configurationFor(file), mode);
        } catch (CoreException e) {
            ILog.of(HqcmLaunchShortcut.class).log(e.getStatus());
        }
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return existing(experimentIn(selection));
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return existing(experimentIn(editor));
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return experimentIn(selection);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return experimentIn(editor);
    }

    /** The one .hqcm file of a selection (Project Explorer, Package Explorer, ...), or null. */
    public static IFile experimentIn(ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            IFile f = Adapters.adapt(s.getFirstElement(), IFile.class);
            return f != null && isExperiment(f) ? f : null;
        }
        return null;
    }

    private static IFile experimentIn(IEditorPart editor) {
        IFile f = editor == null ? null : Adapters.adapt(editor.getEditorInput(), IFile.class);
        return f != null && isExperiment(f) ? f : null;
    }

    static boolean isExperiment(IFile f) {
        return f.getName().toLowerCase(Locale.ROOT).endsWith(".hqcm");
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
            ILog.of(HqcmLaunchShortcut.class).log(e.getStatus());
            return null;
        }
    }

    private static boolean isFor(ILaunchConfiguration c, IFile file) {
        try {
            return file.getFullPath().toString().equals(c.getAttribute(LaunchSettings.ATTR_EXPERIMENT, ""));
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
        ILaunchManager manager = manager();
        String name = manager.generateLaunchConfigurationName(file.getFullPath().removeFileExtension().lastSegment());
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null, name);
        new LaunchSettings(file.getFullPath().toString(), null, Backend.CPU, LaunchSettings.DEFAULT_HEAP).applyTo(wc);
        wc.setMappedResources(new IResource[] {file});
        return wc.doSave();
    }

    private static ILaunchManager manager() {
        return DebugPlugin.getDefault().getLaunchManager();
    }

    private static ILaunchConfigurationType type() {
        return manager().getLaunchConfigurationType(LaunchSettings.TYPE_ID);
    }
}
