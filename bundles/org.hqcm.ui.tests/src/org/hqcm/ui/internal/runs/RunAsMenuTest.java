package org.hqcm.ui.internal.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.TreeItem;
import org.hqcm.ui.internal.testing.TinySweeps;
import org.hqcm.ui.internal.testing.UiRobot;
import org.hqcm.ui.internal.testing.Workbench;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The Project Explorer's first context menu on each kind of file offers its Run As entry at once, and only that one:
 * HQCM Sweep for a .hqcmsweep file, HQCM Experiment for a .hqcm file, nothing of ours for another file. When this
 * test runs before anything has started the debug UI (a fresh workbench), it is the first Run As of the session; the
 * log says which it was.
 */
class RunAsMenuTest {

    private static IProject project;

    @BeforeAll
    static void project() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("run-as-menu-test");
        project.create(null);
        project.open(null);
        TinySweeps.write(project.getLocation().toPath(), "tiny-sweep");
        java.nio.file.Files.writeString(project.getLocation().toPath().resolve("notes.txt"), "not launchable\n");
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
    }

    @AfterAll
    static void deleteProject() throws Exception {
        project.delete(true, true, null);
    }

    @Test
    void eachFilesFirstContextMenuOffersItsOwnRunAsEntry() throws Exception {
        Bundle debugUi = Platform.getBundle("org.eclipse.debug.ui");
        System.out.println("RunAsMenuTest: org.eclipse.debug.ui is " + (debugUi.getState() == Bundle.ACTIVE
                ? "active already" : "not started yet (a fresh workbench: this is the session's first Run As)"));
        assertEquals(List.of("HQCM Sweep"), ours(runAs(project.getFile("tiny-sweep.hqcmsweep"))));
        assertEquals(List.of("HQCM Experiment"), ours(runAs(project.getFile(TinySweeps.BASE))));
        List<String> other = runAs(project.getFile("notes.txt"));
        assertTrue(ours(other).isEmpty(), "nothing of ours for a text file: " + other);
        // and again, in the same order, now that the debug UI is surely active
        assertEquals(List.of("HQCM Sweep"), ours(runAs(project.getFile("tiny-sweep.hqcmsweep"))));
        assertEquals(List.of("HQCM Experiment"), ours(runAs(project.getFile(TinySweeps.BASE))));
    }

    /** The Run As entries of a file's first context menu (none when the menu has no Run As). */
    private static List<String> runAs(IFile file) throws Exception {
        TreeItem item = Workbench.inProjectExplorer(file);
        Menu menu = UiRobot.contextMenu(item.getParent(), item);
        try {
            return UiRobot.has(menu, "Run As") ? UiRobot.texts(UiRobot.item(menu, "Run As").getMenu()) : List.of();
        } finally {
            UiRobot.hide(menu);
        }
    }

    private static List<String> ours(List<String> entries) {
        return entries.stream().map(t -> t.replaceFirst("^\\d+ ", "")).filter(t -> t.startsWith("HQCM ")).toList();
    }
}
