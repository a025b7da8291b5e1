package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.hqcm.engine.internal.run.RunObserver;
import org.hqcm.engine.internal.train.EpochResult;
import org.hqcm.engine.internal.train.TrainingState;

/**
 * The command line's view of a run: a redrawn progress bar with the epoch's running loss and accuracy on a terminal;
 * without one (CI, a pipe, an IDE launch), one line per epoch so logs stay readable.
 *
 * <p>What goes where: phases and epoch lines are the run's normal output and go to stdout; warnings go to stderr,
 * and so does the redrawn bar (terminal only: its carriage returns would garble a file that stdout goes to). An IDE
 * console shows stderr in red and brings it forward, which is right for warnings and errors only.
 */
final class TrainingProgress implements RunObserver {

    private static final long INTERVAL_NANOS = 200_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final int maxEpochs;
    private final ConsoleProgress loading;
    private long last;
    private int lineLength;
    private String training = "training";

    TrainingProgress(PrintWriter out, PrintWriter err, int maxEpochs) {
        this.out = out;
        this.err = err;
        this.terminal = System.console() != null;
        this.maxEpochs = maxEpochs;
        this.loading = new ConsoleProgress(err, "loading");
    }

    @Override
    public void started(String run, String experiment, int epochs, int batches, int resumedFrom) {
        training = "training " + experiment + (resumedFrom > 0 ? " from epoch " + (resumedFrom + 1) : "");
    }

    /** The training phase is shown with what {@link #started} said: which experiment, from which epoch. */
    @Override
    public void phase(String name, String message) {
        clear();
        out.println(("training".equals(name) ? training : message) + " ...");
        out.flush();
    }

    @Override
    public void update(int done, int total) {
        loading.update(done, total);
    }

    @Override
    public synchronized void batch(int epoch, int batch, int batches, double loss, double accuracy) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (batch < batches && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        int filled = (int) ((long) WIDTH * batch / batches);
        String line = String.format(Locale.ROOT, "epoch %d/%d [%s%s] %d/%d  loss %.4f  acc %.3f", epoch, maxEpochs,
                "#".repeat(filled), " ".repeat(WIDTH - filled), batch, batches, loss, accuracy);
        err.print("\r" + line + " ".repeat(Math.max(0, lineLength - line.length())));
        lineLength = line.length();
        err.flush();
    }

    @Override
    public synchronized void epoch(EpochResult r, boolean improved, TrainingState state) {
        clear();
        out.println(String.format(Locale.ROOT,
                "epoch %d/%d  train loss %.4f acc %.3f | val loss %.4f acc %.3f | lr %.3g | %.1f s%s", r.epoch(),
                maxEpochs, r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                r.learningRate(), r.seconds(), improved ? "  (best)" : ""));
        out.flush();
    }

    @Override
    public synchronized void warning(String message) {
        clear();
        err.println("warning: " + message);
        err.flush();
    }

    private void clear() {
        if (terminal && lineLength > 0) {
            // the bar is on stderr: wipe it there before a line goes to either stream
            err.print("\r" + " ".repeat(lineLength) + "\r");
            err.flush();
            lineLength = 0;
        }
    }
}
