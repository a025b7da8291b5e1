package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT, SIGTERM) as a flag for a command that stops cleanly: the shutdown hook sets the flag, says so, and
 * holds the JVM until the command has finished (closed this), so the last checkpoint and record are written.
 * Used by {@code hqcm run} and {@code hqcm sweep}. A run checks the flag between layers and in every long loop
 * ({@link org.hqcm.engine.Cancellation}), so it stops within seconds; should a command not, the JVM exits after
 * {@value #STOP_WAIT_SECONDS} s anyway (results and checkpoints are written atomically, never half).
 */
public final class ShutdownCancel implements AutoCloseable {

    /** How long Ctrl-C or SIGTERM waits for the command to stop cleanly before the JVM exits anyway. */
    static final int STOP_WAIT_SECONDS = 60;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private ShutdownCancel(PrintWriter err, String message) {
        hook = new Thread(() -> {
            cancelled.set(true);
            err.println();
            err.println(message);
            err.flush();
            try {
                if (!finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    err.println("did not stop within " + STOP_WAIT_SECONDS + " s; exiting (the last checkpoint is kept)");
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hqcm-cancel");
    }

    /** Installs the hook; {@code message} is printed when it fires. */
    public static ShutdownCancel install(PrintWriter err, String message) {
        ShutdownCancel c = new ShutdownCancel(err, message);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** True once Ctrl-C was pressed. */
    public AtomicBoolean flag() {
        return cancelled;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and waits for us
        }
    }
}
