package org.hqcm.launch.internal.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.viewers.ISelection;
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.model.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run As from the Project Explorer: the shortcut, as the workbench creates it from plugin.xml, finds the .hqcm file
 * of the selection and makes (once) a configuration for it. Running it is LaunchedRunTest's part (org.hqcm.ui.tests).
 */
class HqcmLaunchShortcutTest {

    private IProject project;
    private IFile experiment;
    private IFile notes;

    @BeforeEach
    void projectWithAnExperiment() throws Exception {
        project = Workbenches.project("shortcut-test");
        experiment = Workbenches.file(project, "brain.hqcm", "<hqcm:Experiment/>");
        notes = Workbenches.file(project, "notes.txt", "not an experiment");
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
            c.delete();
        }
        project.delete(true, true, null);
    }

    @Test
    void runAsFromTheProjectExplorerMakesOneConfigurationPerFile() throws Exception {
        ILaunchShortcut2 shortcut = shortcutFromPluginXml();
        ISelection selection = Workbenches.selectInProjectExplorer(experiment);

        assertEquals(experiment, shortcut.getLaunchableResource(selection));
        assertNull(shortcut.getLaunchConfigurations(selection), "no configuration yet: the framework offers Run As");
        IFile file = HqcmLaunchShortcut.experimentIn(selection);
        ILaunchConfiguration config = HqcmLaunchShortcut.configurationFor(file);
        assertEquals("brain", config.getName());
        assertEquals(LaunchSettings.TYPE_ID, config.getType().getIdentifier());
        assertEquals(new LaunchSettings("/shortcut-test/brain.hqcm", null, Backend.CPU, LaunchSettings.DEFAULT_HEAP),
                LaunchSettings.of(config));
        assertArrayEquals(new IResource[] {experiment}, config.getMappedResources(), "mapped, for context launching");

        assertArrayEquals(new ILaunchConfiguration[] {config}, shortcut.getLaunchConfigurations(selection),
                "the Run button finds it from the selection");
        assertEquals(config, HqcmLaunchShortcut.configurationFor(file), "a second Run As reuses it");
        assertEquals(1, DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(config.getType()).length);

        ISelection other = Workbenches.selectInProjectExplorer(notes);
        assertNull(HqcmLaunchShortcut.experimentIn(other));
        assertNull(shortcut.getLaunchableResource(other));
        assertNull(shortcut.getLaunchConfigurations(other));
    }

    private static ILaunchShortcut2 shortcutFromPluginXml() throws Exception {
        IConfigurationElement e = Arrays.stream(Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts"))
                .filter(c -> "org.hqcm.launch.shortcut".equals(c.getAttribute("id"))).findFirst().orElseThrow();
        return assertInstanceOf(ILaunchShortcut2.class, e.createExecutableExtension("class"));
    }
}
