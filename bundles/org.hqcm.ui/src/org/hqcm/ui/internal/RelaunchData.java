package org.hqcm.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;

/**
 * Hands the workbench's relaunch command line to studio.sh. File &gt; Restart and File &gt; Switch Workspace end the
 * workbench with exit code 24 (EXIT_RELAUNCH) and put the next command line into the system property
 * {@value #EXIT_DATA} for the native Eclipse launcher, which is not on Maven Central; the product starts through the
 * launcher jar, which drops it. When studio.sh names a file in {@value #FILE_PROPERTY}, the command line is written
 * there at shutdown, and studio.sh starts the product again with its workspace.
 */
public final class RelaunchData implements IStartup {

    /** Where the workbench leaves the relaunch command line (one argument per line). */
    public static final String EXIT_DATA = "eclipse.exitdata";
    /** The file studio.sh reads after exit code 24. */
    public static final String FILE_PROPERTY = "hqcm.studio.exitdata";

    @Override
    public void earlyStartup() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        PlatformUI.getWorkbench().addWorkbenchListener(new IWorkbenchListener() {
            @Override
            public boolean preShutdown(IWorkbench workbench, boolean forced) {
                return true;
            }

            @Override
            public void postShutdown(IWorkbench workbench) {
                String data = System.getProperty(EXIT_DATA);
                if (data == null) {
                    return;
                }
                try {
                    Files.writeString(Path.of(file), data, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    ILog.of(RelaunchData.class).warn("cannot write the relaunch command line to " + file, e);
                }
            }
        });
    }
}
