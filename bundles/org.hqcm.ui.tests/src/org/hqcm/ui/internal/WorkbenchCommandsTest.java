package org.hqcm.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.UiTesting;
import org.hqcm.ui.internal.testing.Workbench;
import org.junit.jupiter.api.Test;

/**
 * The platform's commands a researcher reaches for, through the keyboard and the menu bar: the Run menu (Alt+R),
 * Quick Access (Ctrl+3) offering Run Configurations, and File &gt; Restart asking the launcher to start the product
 * again (vetoed here, so the test workbench stays up; studio.sh's part is releng/scripts/studio-restart-test.sh).
 */
class WorkbenchCommandsTest {

    @Test
    void theRunMenuOffersRunAsRunConfigurationsAndTheLaunchHistory() throws Exception {
        Shell shell = Workbench.shell();
        Menu bar = shell.getMenuBar();
        List<String> items = UiRobot.texts(UiRobot.item(bar, "Run").getMenu());
        assertTrue(items.contains("Run Configurations..."), items.toString());
        assertTrue(items.contains("Run As"), items.toString());
        assertTrue(items.contains("Run History"), items.toString());
        // opened with its mnemonic, as a person does, for the picture
        Menu run = UiRobot.item(bar, "Run").getMenu();
        boolean[] shown = {false};
        run.addListener(SWT.Show, e -> shown[0] = true);
        shell.forceActive();
        // the menu bar's mnemonic through the X server: GTK opens a menu bar menu on Alt+letter
        UiRobot.chord(shell.getDisplay(), "alt+r");
        UiTesting.waitUntil("the Run menu to open", Duration.ofSeconds(10), () -> shown[0]);
        UiTesting.pause(Duration.ofMillis(700));
        UiTesting.screenshot(shell, "run-menu.png");
        UiRobot.key(shell.getDisplay(), 0, SWT.ESC);
        UiRobot.hide(run);
    }

    @Test
    void quickAccessOffersRunConfigurations() throws Exception {
        Shell shell = Workbench.shell();
        Display display = shell.getDisplay();
        Set<Shell> before = new HashSet<>(Arrays.asList(display.getShells()));
        shell.forceActive();
        UiTesting.flush();
        UiRobot.key(display, SWT.CTRL, '3');
        Shell[] quick = new Shell[1];
        UiTesting.waitUntil("Quick Access to open", Duration.ofSeconds(20), () -> {
            for (Shell s : display.getShells()) {
                if (!before.contains(s) && s.isVisible() && find(s, Text.class) != null) {
                    quick[0] = s;
                }
            }
            return quick[0] != null;
        });
        Text filter = find(quick[0], Text.class);
        quick[0].forceActive();
        filter.setFocus();
        UiRobot.type(display, "Run Configurations");
        List<String> offered = new ArrayList<>();
        UiTesting.waitUntil("Run Configurations among the offers", Duration.ofSeconds(20), () -> {
            offered.clear();
            Table table = find(quick[0], Table.class);
            if (table != null) {
                for (TableItem i : table.getItems()) {
                    for (int c = 0; c < Math.max(1, table.getColumnCount()); c++) {
                        offered.add(i.getText(c));
                    }
                }
            }
            return offered.stream().anyMatch(t -> t.startsWith("Run Configurations"));
        });
        UiTesting.screenshot(quick[0], "quick-access.png");
        UiRobot.key(display, 0, SWT.ESC);
        UiTesting.waitUntil("Quick Access to close", Duration.ofSeconds(10), () -> quick[0].isDisposed() || !quick[0].isVisible());
    }

    @Test
    void fileRestartAsksTheLauncherToStartTheProductAgain() throws Exception {
        IWorkbench workbench = PlatformUI.getWorkbench();
        String code = System.getProperty("eclipse.exitcode");
        String data = System.getProperty(RelaunchData.EXIT_DATA);
        String[] asked = new String[2];
        // the first shutdown listener asked vetoes: the workbench stays up, having said how it would end
        IWorkbenchListener veto = new IWorkbenchListener() {
            @Override
            public boolean preShutdown(IWorkbench w, boolean forced) {
                asked[0] = System.getProperty("eclipse.exitcode");
                asked[1] = System.getProperty(RelaunchData.EXIT_DATA);
                return false;
            }

            @Override
            public void postShutdown(IWorkbench w) {
                // not reached: vetoed
            }
        };
        workbench.addWorkbenchListener(veto);
        try {
            MenuItem restart = UiRobot.menuBar(Workbench.shell(), "File", "Restart");
            assertTrue(restart.isEnabled(), "File > Restart is offered");
            UiRobot.choose(restart);
        } finally {
            workbench.removeWorkbenchListener(veto);
            restore("eclipse.exitcode", code);
            restore(RelaunchData.EXIT_DATA, data);
        }
        assertNotNull(asked[0], "File > Restart closed the workbench with a restart code");
        int exit = Integer.parseInt(asked[0]);
        if (Platform.inDevelopmentMode()) {
            // as tycho-surefire starts the test workbench: a plain restart
            assertEquals(IApplication.EXIT_RESTART.intValue(), exit);
        } else {
            // a product: relaunch with the command line in eclipse.exitdata (studio.sh reads the workspace from it)
            assertEquals(IApplication.EXIT_RELAUNCH.intValue(), exit);
            assertTrue(asked[1] != null && asked[1].contains("-data"), String.valueOf(asked[1]));
        }
        assertFalse(workbench.isClosing(), "vetoed: the workbench is still up");
        assertTrue(Workbench.shell().isVisible());
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static <T extends Control> T find(Composite c, Class<T> type) {
        for (Control child : c.getChildren()) {
            if (type.isInstance(child) && child.isVisible()) {
                return type.cast(child);
            }
            if (child instanceof Composite k) {
                T found = find(k, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
