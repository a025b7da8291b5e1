package org.hqcm.engine.sweep;

import java.io.IOException;

import org.hqcm.engine.cli.Main;

/**
 * The main class of a trial's JVM: exactly {@code hqcm} (the engine's CLI) with its arguments, plus one guard. The
 * parent (an executor, or the sequential driver) holds this process's standard input open and never writes to it;
 * when the parent dies, even by {@code kill -9}, the input reaches end of file and this JVM halts at once, as if
 * killed itself. Its run folder keeps its last checkpoint (every write is atomic) and the next attempt resumes it, so
 * no orphan trains on after its executor is gone.
 */
public final class TrialProcess {

    /** Exit code when the parent went away (as a SIGKILL'd process reports). */
    static final int ORPHANED = 137;

    private TrialProcess() {
    }

    public static void main(String[] args) {
        Thread guard = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent: only end of file matters
                }
            } catch (IOException e) {
                // a broken pipe is the same news
            }
            Runtime.getRuntime().halt(ORPHANED);
        }, "hqcm-parent-guard");
        guard.setDaemon(true);
        guard.start();
        Main.main(args);
    }
}
