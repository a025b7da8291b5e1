package org.hqcm.engine.internal.sweep;

import java.io.PrintWriter;
import java.util.Locale;

import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.engine.sweep.TrialAttempt;
import org.hqcm.engine.sweep.TrialOutcome;
import org.hqcm.model.RunStatus;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;

/**
 * The command line's view of a sweep: trials done / running / failed / left, the ETA and the best trial so far,
 * redrawn every second on a terminal, one line per change otherwise; a line per trial as it ends. Running trials are
 * counted from the sweep folder (attempts whose heart beats), so it shows what every executor does.
 */
final class SweepProgress {

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final SweepFolder folder;
    private final SweepRecord record;
    private final int slots;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private int endedHere;
    private Thread thread;
    private String lastLine = "";

    SweepProgress(PrintWriter err, SweepFolder folder, SweepRecord record, int slots) {
        this.err = err;
        this.folder = folder;
        this.record = record;
        this.slots = Math.max(1, slots);
    }

    void start() {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                draw();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "hqcm-sweep-progress");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
            draw();
            if (terminal) {
                synchronized (this) {
                    err.println();
                    err.flush();
                }
            }
        }
    }

    /** Called with the record locked. */
    void trialEnded(TrialRecord t, TrialOutcome o) {
        if (!o.alreadyComplete()) {
            endedHere++;
        }
        String line = String.format(Locale.ROOT, "trial %s [%s, seed %d] %s%s%s", t.getId(), t.getLabel(), t.getSeed(),
                o.state(), o.completed() ? String.format(Locale.ROOT, "  accuracy %.4f  macro-F1 %.4f  (%s)",
                        o.accuracy(), o.macroF1(), SweepDriver.duration(o.seconds())) : ": " + o.message(),
                o.duplicate() ? "  (a duplicate attempt was removed)" : o.resumedAfterEpoch() > 0
                        ? "  (resumed after epoch " + o.resumedAfterEpoch() + ")" : "");
        synchronized (this) {
            err.print(terminal ? "\r" + " ".repeat(lastLine.length()) + "\r" : "");
            err.println(line);
            err.flush();
            lastLine = "";
        }
    }

    String line() {
        int done = 0, failed = 0, running = 0, total;
        double best = Double.NaN;
        String bestLabel = "";
        synchronized (record) {
            total = record.getTrials().size();
            for (TrialRecord t : record.getTrials()) {
                if (t.getState() == RunStatus.COMPLETED) {
                    done++;
                    if (!(t.getAccuracy() <= best)) {
                        best = t.getAccuracy();
                        bestLabel = t.getLabel() + ", seed " + t.getSeed();
                    }
                } else if (t.getState() == RunStatus.FAILED) {
                    failed++;
                } else if (isRunning(t.getId())) {
                    running++;
                }
            }
        }
        int left = total - done - failed - running;
        double elapsed = (System.nanoTime() - started) / 1e9;
        String eta = endedHere == 0 ? "ETA --" : "ETA " + SweepDriver.duration(elapsed / endedHere * (left + running));
        int filled = total == 0 ? WIDTH : WIDTH * done / total;
        return String.format(Locale.ROOT, "[%s%s] %d done, %d running, %d failed, %d left | %s | best %s", "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, running, failed, left, eta,
                Double.isNaN(best) ? "--" : String.format(Locale.ROOT, "%.4f (%s)", best, bestLabel));
    }

    private boolean isRunning(String id) {
        try {
            for (var a : TrialAttempt.list(folder.attempts(id))) {
                if (TrialAttempt.isLive(a)) {
                    return true;
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }

    private void draw() {
        String line = line();
        synchronized (this) {
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
                err.flush();
                lastLine = line;
            } else if (!line.equals(lastLine)) {
                err.println(line);
                err.flush();
                lastLine = line;
            }
        }
    }
}
