package org.hqcm.launch.internal.ui;

import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.console.ConsoleColorProvider;
import org.eclipse.debug.ui.console.IConsole;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsoleListener;
import org.eclipse.ui.console.IConsoleManager;

/**
 * The console of an engine run (process type {@code org.hqcm.engine.run}, registered in plugin.xml): it comes
 * forward once, when the run starts, and then stays where the user puts it. Debug's default connects the streams with
 * "show the console on every write" (its preferences, on by default), which brought the Console in front of the
 * Progress view on every epoch line and hid its Cancel button. The engine writes its normal output to stdout (shown
 * in the normal colour) and only warnings and errors to stderr (red).
 */
public final class EngineConsoleColors extends ConsoleColorProvider {

    private IProcess process;

    @Override
    public void connect(IProcess p, IConsole console) {
        this.process = p;
        IStreamsProxy streams = p.getStreamsProxy();
        if (streams != null) {
            // the two-argument connect does not activate the console on writes
            if (streams.getOutputStreamMonitor() != null) {
                console.connect(streams.getOutputStreamMonitor(), IDebugUIConstants.ID_STANDARD_OUTPUT_STREAM);
            }
            if (streams.getErrorStreamMonitor() != null) {
                console.connect(streams.getErrorStreamMonitor(), IDebugUIConstants.ID_STANDARD_ERROR_STREAM);
            }
        }
        if (console instanceof org.eclipse.ui.console.IConsole shown) {
            showOnceAdded(shown);
        }
    }

    /** Shows the console when the console manager has it (it is added after this provider connects it). */
    private static void showOnceAdded(org.eclipse.ui.console.IConsole console) {
        IConsoleManager manager = ConsolePlugin.getDefault().getConsoleManager();
        manager.addConsoleListener(new IConsoleListener() {
            @Override
            public void consolesAdded(org.eclipse.ui.console.IConsole[] consoles) {
                for (org.eclipse.ui.console.IConsole c : consoles) {
                    if (c == console) {
                        manager.removeConsoleListener(this);
                        manager.showConsoleView(console);
                    }
                }
            }

            @Override
            public void consolesRemoved(org.eclipse.ui.console.IConsole[] consoles) {
                for (org.eclipse.ui.console.IConsole c : consoles) {
                    if (c == console) {
                        manager.removeConsoleListener(this);
                    }
                }
            }
        });
    }

    @Override
    public boolean isReadOnly() {
        return process == null || process.isTerminated();
    }

    @Override
    public void disconnect() {
        process = null;
        super.disconnect();
    }
}
