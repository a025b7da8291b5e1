package org.hqcm.launch.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.CommonTab;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Sweep tab of an "HQCM Sweep" configuration, made by its tab group in a workbench shell: its widgets write the
 * configuration's attributes (the master drop-down offers this machine's local masters and a cluster's URL to
 * complete), and a bad value is an error message that names the field and what is expected.
 */
class SweepMainTabTest {

    private IProject project;
    private IFile sweep;
    private Shell shell;
    private SweepMainTab tab;
    private ILaunchConfigurationWorkingCopy config;

    @BeforeEach
    void tabOnAWorkingCopy() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("sweep-tab-test");
        project.create(null);
        project.open(null);
        sweep = project.getFile("paper.hqcmsweep");
        sweep.create(new ByteArrayInputStream("<hqcm:Sweep/>".getBytes(StandardCharsets.UTF_8)), true, null);
        SweepTabGroup group = new SweepTabGroup();
        group.createTabs(null, ILaunchManager.RUN_MODE);
        ILaunchConfigurationTab[] tabs = group.getTabs();
        tab = assertInstanceOf(SweepMainTab.class, tabs[0], "the sweep's tab comes first");
        assertInstanceOf(CommonTab.class, tabs[1]);
        shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        tab.createControl(shell);
        config = DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(SweepLaunchSettings.TYPE_ID)
                .newInstance(null, "sweep-tab-test");
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
    void theWidgetsWriteTheAttributesAndBadValuesAreNamed() throws Exception {
        tab.setDefaults(config);
        config.setAttribute(SweepLaunchSettings.ATTR_SWEEP, "/sweep-tab-test/paper.hqcmsweep");
        tab.initializeFrom(config);
        String local = "local[" + Runtime.getRuntime().availableProcessors() + "]";
        assertEquals(local, tab.masterField().getText(), "embedded Spark on every core by default");
        assertTrue(Arrays.asList(tab.masterField().getItems()).containsAll(java.util.List.of(local, "spark://HOST:7077")),
                Arrays.toString(tab.masterField().getItems()));
        assertTrue(tab.isValid(config), tab.getErrorMessage());

        tab.masterField().setText("spark://10.0.0.5:7077");
        tab.heapField().setText(" 6g ");
        tab.performApply(config);
        assertEquals(new SweepLaunchSettings("/sweep-tab-test/paper.hqcmsweep", "spark://10.0.0.5:7077", "6g", null),
                SweepLaunchSettings.of(config));
        assertArrayEquals(new IResource[] {sweep}, config.getMappedResources(), "Run finds the configuration from the file");
        assertTrue(tab.isValid(config), tab.getErrorMessage());

        tab.masterField().setText("spark://nohost");
        assertInvalid("Spark master 'spark://nohost'");
        tab.masterField().setText("local[1]");
        tab.heapField().setText("4096");
        assertInvalid("'4096'");
        tab.heapField().setText("2g");
        tab.sweepField().setText("/sweep-tab-test/missing.hqcmsweep");
        assertInvalid("/sweep-tab-test/missing.hqcmsweep does not exist");
        tab.sweepField().setText("/sweep-tab-test/paper.hqcm");
        assertInvalid("is not a .hqcmsweep file");
        tab.sweepField().setText("/sweep-tab-test/paper.hqcmsweep");
        tab.performApply(config);
        assertTrue(tab.isValid(config), tab.getErrorMessage());

        ILaunchConfiguration saved = config.doSave();
        SweepMainTab reopened = new SweepMainTab();
        reopened.createControl(shell);
        reopened.initializeFrom(saved);
        assertEquals("local[1]", reopened.masterField().getText(), "the saved configuration reads back");
        assertEquals("2g", reopened.heapField().getText());
        reopened.dispose();
    }

    private void assertInvalid(String expected) {
        tab.performApply(config);
        assertFalse(tab.isValid(config), "invalid: " + expected);
        String message = tab.getErrorMessage();
        assertTrue(message != null && message.contains(expected), "expected '" + expected + "' in: " + message);
    }
}
