package org.hqcm.launch.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.hqcm.launch.internal.EngineInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences &gt; HQCM with the engine build of this reactor: stored, read back, checked, and reset. */
class EnginePreferencePageTest {

    private final Path engine = Path.of(System.getProperty("hqcm.engine.dir", "../org.hqcm.engine/target"))
            .toAbsolutePath().normalize();
    private Shell shell;

    @BeforeEach
    void shell() {
        assertNull(System.getProperty(EngineInstallation.PROPERTY), "the system property would win over the page");
        shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
    }

    @AfterEach
    void cleanUp() throws Exception {
        shell.dispose();
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(EngineInstallation.BUNDLE_ID);
        node.remove(EngineInstallation.PROPERTY);
        node.flush();
    }

    private EnginePreferencePage open() {
        EnginePreferencePage page = new EnginePreferencePage();
        page.init(PlatformUI.getWorkbench());
        page.createControl(shell);
        return page;
    }

    /** Text as typed, then the field left: a directory field editor checks its value when it loses the focus. */
    private static void type(EnginePreferencePage page, String text) {
        page.engineField().setText(text);
        page.engineField().notifyListeners(SWT.FocusOut, new Event());
    }

    /** Presses a button of the page (Restore Defaults) as a user would. */
    private static void press(EnginePreferencePage page, String label) {
        Button b = buttons(page.getControl()).stream().filter(x -> label.equals(x.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
        b.notifyListeners(SWT.Selection, new Event());
    }

    private static List<Button> buttons(Control c) {
        List<Button> found = new ArrayList<>();
        if (c instanceof Button b) {
            found.add(b);
        } else if (c instanceof Composite parent) {
            for (Control child : parent.getChildren()) {
                found.addAll(buttons(child));
            }
        }
        return found;
    }

    @Test
    void storesRestoresAndResetsTheEngineFolder() throws Exception {
        EnginePreferencePage page = open();
        assertEquals("", page.engineField().getText(), "empty by default: the engine of $HQCM_HOME");
        type(page, engine.toString());
        assertTrue(page.isValid(), page.getErrorMessage());
        assertTrue(page.performOk());
        assertEquals(engine.toString(), InstanceScope.INSTANCE.getNode(EngineInstallation.BUNDLE_ID)
                .get(EngineInstallation.PROPERTY, null));
        assertEquals(engine, EngineInstallation.locate().dir(), "launches start this engine");
        page.dispose();

        EnginePreferencePage again = open();
        assertEquals(engine.toString(), again.engineField().getText(), "the stored folder is shown again");
        press(again, JFaceResources.getString("defaults"));
        assertEquals("", again.engineField().getText());
        assertTrue(again.isValid());
        assertTrue(again.performOk());
        assertEquals("", InstanceScope.INSTANCE.getNode(EngineInstallation.BUNDLE_ID)
                .get(EngineInstallation.PROPERTY, ""), "Restore Defaults + OK forgets the folder");
        again.dispose();
    }

    @Test
    void aFolderWithoutAnEngineIsAnError(@TempDir Path notAnEngine) {
        EnginePreferencePage page = open();
        type(page, notAnEngine.toString());
        assertFalse(page.isValid());
        String message = page.getErrorMessage();
        assertTrue(message != null && message.contains(notAnEngine.toAbsolutePath().normalize().toString())
                && message.contains("org.hqcm.engine-*.jar"), message);
        type(page, engine.toString());
        assertTrue(page.isValid(), page.getErrorMessage());
        page.dispose();
    }
}
