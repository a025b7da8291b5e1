package org.hqcm.launch.internal.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.model.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Experiment tab of an "HQCM Experiment" configuration, made by its tab group in a workbench shell: the
 * widgets write the configuration's attributes, and a bad value is an error message that names the field.
 */
class HqcmMainTabTest {

    private IProject project;
    private IFile experiment;
    private Shell shell;
    private HqcmMainTab tab;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void tabOnAWorkingCopy() throws Exception {
        project = Workbenches.project("tab-test");
        experiment = Workbenches.file(project, "brain.hqcm", "<hqcm:Experiment/>");
        Workbenches.file(project, "notes.txt", "not an experiment");
        HqcmTabGroup group = new HqcmTabGroup();
        group.createTabs(null, ILaunchManager.RUN_MODE);
        ILaunchConfigurationTab[] tabs = group.getTabs();
        assertEquals(2, tabs.length);
        tab = assertInstanceOf(HqcmMainTab.class, tabs[0], "the experiment's tab comes first");
        assertInstanceOf(CommonTab.class, tabs[1]);
        shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        tab.createControl(shell);
        config = DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(LaunchSettings.TYPE_ID)
                .newInstance(null, "tab-test");
    }

    @AfterEach
    void cleanUp() throws Exception {
        tab.dispose();
        shell.dispose();
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
            c.delete();
        }
        project.delete(true, true, null);
    }

    @Test
    void theWidgetsWriteTheAttributes() throws Exception {
        Workbenches.selectInProjectExplorer(experiment);
        tab.setDefaults(config);
        assertEquals("/tab-test/brain.hqcm", config.getAttribute(LaunchSettings.ATTR_EXPERIMENT, ""),
                "a new configuration takes the selected experiment");
        tab.initializeFrom(config);
        assertArrayEquals(new String[] {"/tab-test/brain.hqcm", "", "CPU", LaunchSettings.DEFAULT_HEAP}, tab.fields());
        assertTrue(tab.isValid(config), tab.getErrorMessage());

        tab.seedField().setText("7");
        tab.backendField().select(tab.backendField().indexOf(Backend.CUDA.getLiteral()));
        tab.backendField().notifyListeners(SWT.Selection, new Event());
        tab.heapField().setText(" 6g ");
        tab.performApply(config);
        assertEquals("7", config.getAttribute(LaunchSettings.ATTR_SEED, ""));
        assertEquals("CUDA", config.getAttribute(LaunchSettings.ATTR_BACKEND, ""));
        assertEquals("6g", config.getAttribute(LaunchSettings.ATTR_HEAP, ""), "stored without the blanks");
        assertEquals(new LaunchSettings("/tab-test/brain.hqcm", 7L, Backend.CUDA, "6g"), LaunchSettings.of(config));
        assertArrayEquals(new IResource[] {experiment}, config.getMappedResources());
        assertTrue(tab.isValid(config), tab.getErrorMessage());
        assertNull(tab.getErrorMessage());

        ILaunchConfiguration saved = config.doSave();
        HqcmMainTab reopened = new HqcmMainTab();
        reopened.createControl(shell);
        reopened.initializeFrom(saved);
        assertArrayEquals(new String[] {"/tab-test/brain.hqcm", "7", "CUDA", "6g"}, reopened.fields(),
                "the saved configuration reads back into the widgets");
        reopened.dispose();
    }

    @Test
    void aBadValueIsAnErrorNamingTheField() throws Exception {
        tab.setDefaults(config);
        config.setAttribute(LaunchSettings.ATTR_EXPERIMENT, "/tab-test/brain.hqcm");
        tab.initializeFrom(config);

        tab.seedField().setText("seven");
        assertInvalid("Seed 'seven'");
        tab.seedField().setText("");

        tab.experimentField().setText("/tab-test/missing.hqcm");
        assertInvalid("/tab-test/missing.hqcm does not exist");
        assertNull(config.getMappedResources(), "no file, no mapping");
        tab.experimentField().setText("/tab-test/notes.txt");
        assertInvalid("'/tab-test/notes.txt' is not a .hqcm file");
        tab.experimentField().setText("");
        assertInvalid("No experiment file");
        tab.experimentField().setText("/tab-test/brain.hqcm");

        tab.heapField().setText("lots");
        assertInvalid("JVM heap 'lots'");
        tab.heapField().setText("4096");
        assertInvalid("JVM heap '4096'");
        tab.heapField().setText("512m");
        tab.performApply(config);
        assertTrue(tab.isValid(config), tab.getErrorMessage());

        config.setAttribute(LaunchSettings.ATTR_BACKEND, "TPU");
        tab.initializeFrom(config);
        assertEquals("", tab.fields()[2], "an unknown backend is no choice, not silently CPU");
        assertInvalid("Backend ''");
    }

    private void assertInvalid(String expected) {
        tab.performApply(config);
        assertFalse(tab.isValid(config), "invalid: " + expected);
        String message = tab.getErrorMessage();
        assertTrue(message != null && message.contains(expected), "expected '" + expected + "' in: " + message);
    }
}
