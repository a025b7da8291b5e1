package org.hqcm.launch.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;

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

/**
 * Run As for one kind of file (.hqcm experiments, .hqcmsweep sweeps), from the Project Explorer or the file's editor;
 * as an {@link ILaunchShortcut2} it also tells the Run button (context launching) which configuration a file has. A
 * file's configuration is the one of the launch type whose file attribute names the file, made with the defaults on
 * first use and kept after (the user's settings in Run Configurations stay).
 */
public abstract class FileLaunchShortcut implements ILaunchShortcut2 {

    private final String typeId;
    private final String fileAttribute;
    private final String extension;
    private final BiConsumer<IFile, ILaunchConfigurationWorkingCopy> defaults;

    /**
     * @param extension the files' extension without the dot, matched ignoring case
     * @param defaults writes a new configuration's defaults for a file (its file attribute included)
     */
    protected FileLaunchShortcut(String typeId, String fileAttribute, String extension,
            BiConsumer<IFile, ILaunchConfigurationWorkingCopy> defaults) {
        this.typeId = typeId;
        this.fileAttribute = fileAttribute;
        this.extension = "." + extension.toLowerCase(Locale.ROOT);
        this.defaults = defaults;
    }

    @Override
    public void launch(ISelection selection, String mode) {
        launch(fileIn(selection), mode);
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        launch(fileIn(editor), mode);
    }

    private void launch(IFile file, String mode) {
        if (file == null) {
            return;
        }
        try {
            DebugUITools.launch(configuration(file), mode);
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
        }
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return existing(fileIn(selection));
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return existing(fileIn(editor));
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return fileIn(selection);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return fileIn(editor);
    }

    /** Whether a file is of this shortcut's kind (by its extension). */
    public boolean accepts(IFile f) {
        return f.getName().toLowerCase(Locale.ROOT).endsWith(extension);
    }

    /** The one file of this kind in a selection (Project Explorer, Package Explorer, ...), or null. */
    public IFile fileIn(ISelection selection) {
        if (selection instanceof IStructuredSelection s && s.size() == 1) {
            IFile f = Adapters.adapt(s.getFirstElement(), IFile.class);
            return f != null && accepts(f) ? f : null;
        }
        return null;
    }

    private IFile fileIn(IEditorPart editor) {
        IFile f = editor == null ? null : Adapters.adapt(editor.getEditorInput(), IFile.class);
        return f != null && accepts(f) ? f : null;
    }

    /** The configurations of a file, or null (none, or no file: the framework then offers the shortcut). */
    private ILaunchConfiguration[] existing(IFile file) {
        if (file == null) {
            return null;
        }
        try {
            ILaunchConfiguration[] found = Arrays.stream(manager().getLaunchConfigurations(type()))
                    .filter(c -> isFor(c, file)).toArray(ILaunchConfiguration[]::new);
            return found.length == 0 ? null : found;
        } catch (CoreException e) {
            ILog.of(getClass()).log(e.getStatus());
            return null;
        }
    }

    private boolean isFor(ILaunchConfiguration c, IFile file) {
        try {
            return file.getFullPath().toString().equals(c.getAttribute(fileAttribute, ""));
        } catch (CoreException e) {
            return false;
        }
    }

    /** The file's existing configuration, or a new saved one with the defaults. */
    public ILaunchConfiguration configuration(IFile file) throws CoreException {
        ILaunchConfiguration[] existing = existing(file);
        if (existing != null) {
            return existing[0];
        }
        String name = manager().generateLaunchConfigurationName(file.getFullPath().removeFileExtension().lastSegment());
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null, name);
        defaults.accept(file, wc);
        wc.setMappedResources(new IResource[] {file});
        return wc.doSave();
    }

    /** The launch configuration type of this kind of file. */
    public ILaunchConfigurationType type() {
        return manager().getLaunchConfigurationType(typeId);
    }

    private static ILaunchManager manager() {
        return DebugPlugin.getDefault().getLaunchManager();
    }
}
