package org.hqcm.ui.internal.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Display;

/**
 * Answers the native (GTK) save dialog as a person does: Return takes the folder and file name the dialog opened
 * with. The dialog runs its own event loop on the UI thread, so the key comes from another thread through
 * the X server ({@link XInput}), repeated until the file is there: the dialog may take a moment to map.
 */
public final class FileDialogs {

    private FileDialogs() {
    }

    /**
     * Runs {@code openDialog} (a click that opens a save dialog) and accepts the dialog's proposal with Return;
     * returns once {@code expected} exists. Fails after 30 s.
     */
    public static void acceptProposal(Display display, Path expected, Runnable openDialog) throws Exception {
        Files.deleteIfExists(expected);
        AtomicBoolean done = new AtomicBoolean();
        Thread typist = new Thread(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.get() && !Files.exists(expected) && System.nanoTime() < end) {
                sleep(1500);
                if (done.get() || Files.exists(expected)) {
                    break;
                }
                // to whichever window has the focus: the dialog, once it is mapped
                UiRobot.xdotool("key", "Return");
            }
        }, "file-dialog-typist");
        typist.setDaemon(true);
        typist.start();
        try {
            openDialog.run();
            UiTesting.waitUntil("the exported file " + expected, Duration.ofSeconds(30), () -> Files.exists(expected));
        } finally {
            done.set(true);
            typist.join(5000);
        }
        UiTesting.flush();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
