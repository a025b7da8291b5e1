package org.hqcm.engine.cli;

import java.io.PrintWriter;

import org.hqcm.engine.internal.data.LoadProgress;

/** A one-line progress bar on stderr, redrawn at most every 200 ms, only when a terminal is attached. */
final class ConsoleProgress implements LoadProgress {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private long last;

    ConsoleProgress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
        this.enabled = System.console() != null;
    }

    @Override
    public synchronized void update(int done, int total) {
        if (!enabled || total == 0) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        int width = 30;
        int filled = (int) ((long) width * done / total);
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        if (done == total) {
            err.print("\r" + " ".repeat(label.length() + width + 24) + "\r");
        }
        err.flush();
    }
}
