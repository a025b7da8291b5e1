package org.hqcm.launch.internal.ui;

import java.util.Arrays;
import java.util.Optional;

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
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.model.Backend;

/** Run As &gt; HQCM Experiment for a .hqcm file, from the Project Explorer or its editor. */
public final class HqcmLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection s) {
            IFile f = Adapters.adapt(s.getFirstElement(), IFile.class);
            if (f != null) {
                launch(f, mode);
            }
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile f = Adapters.adapt(editor.getEditorInput(), IFile.class);
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

    /** The file's existing configuration, or a new saved one with the defaults. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(LaunchSettings.TYPE_ID);
        String path = file.getFullPath().toString();
        Optional<ILaunchConfiguration> existing = Arrays.stream(manager.getLaunchConfigurations(type)).filter(c -> {
            try {
                return path.equals(c.getAttribute(LaunchSettings.ATTR_EXPERIMENT, ""));
            } catch (CoreException e) {
                return false;
            }
        }).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = manager.generateLaunchConfigurationName(file.getFullPath().removeFileExtension().lastSegment());
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, name);
        new LaunchSettings(path, null, Backend.CPU, LaunchSettings.DEFAULT_HEAP).applyTo(wc);
        wc.setMappedResources(new IResource[] {file});
        return wc.doSave();
    }
}
