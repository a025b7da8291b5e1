package org.hqcm.ui.internal.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.hqcm.engine.run.EventStream;
import org.hqcm.engine.run.EventTail;
import org.hqcm.engine.run.RunEvent;
import org.hqcm.engine.run.RunFolder;

/**
 * What the event stream of a running run says now: epoch, batch, the epoch's running loss and accuracy, and an
 * estimate of the time left, read with the engine's {@link EventTail} (the same records the engine writes). Polled
 * by the Runs view on the UI thread: a poll reads only what was appended since the last one.
 */
final class LiveRun {

    private final EventTail tail;
    private int epochs;
    private int batches;
    private int epoch;
    private int batch;
    private int epochsDone;
    private double loss = Double.NaN;
    private double accuracy = Double.NaN;
    private double validationAccuracy = Double.NaN;
    private Instant firstBatchAt;
    private int batchesSinceFirst;
    private Instant lastBatchAt;
    private Instant lastEventAt;
    private RunEvent.End end;

    LiveRun(Path runDir) {
        this.tail = EventTail.of(new RunFolder(runDir));
    }

    /** Reads what the run appended; true when something changed. */
    boolean poll() {
        try {
            boolean changed = false;
            for (EventStream.Line line : tail.poll()) {
                changed = true;
                lastEventAt = line.time() != null ? line.time() : Instant.now();
                RunEvent e = line.event();
                if (e instanceof RunEvent.Start s) {
                    epochs = s.epochs();
                    batches = s.batches();
                    epochsDone = s.resumedFrom();
                    // the rate of a resumed run is measured again: loading took part of the time so far
                    firstBatchAt = null;
                    batchesSinceFirst = 0;
                } else if (e instanceof RunEvent.Batch b) {
                    epoch = b.epoch();
                    batch = b.batch();
                    batches = b.batches();
                    loss = b.loss();
                    accuracy = b.accuracy();
                    if (firstBatchAt == null) {
                        firstBatchAt = lastEventAt;
                    } else {
                        batchesSinceFirst++;
                    }
                    lastBatchAt = lastEventAt;
                } else if (e instanceof RunEvent.Epoch ep) {
                    epochsDone = ep.epoch();
                    epochs = ep.epochs();
                    validationAccuracy = ep.validationAccuracy();
                } else if (e instanceof RunEvent.End en) {
                    end = en;
                }
            }
            return changed;
        } catch (IOException e) {
            return false;
        }
    }

    /** The time left if every remaining epoch runs (early stopping can end it sooner), or null before it is known. */
    Duration remaining() {
        if (firstBatchAt == null || batchesSinceFirst == 0 || batches == 0 || epochs == 0) {
            return null;
        }
        double perBatch = Duration.between(firstBatchAt, lastBatchAt).toNanos() / 1e9 / batchesSinceFirst;
        int left = (epochs - epoch) * batches + (batches - batch);
        return Duration.ofMillis(Math.round(left * perBatch * 1000));
    }

    /** One line for the table: "epoch 3/20, batch 5/12, loss 0.8312, acc 0.641, about 2:10 left". */
    String progress() {
        if (end != null) {
            return "";
        }
        if (epoch == 0) {
            return epochs == 0 ? Messages.LiveRun_loading : Messages.LiveRun_starting;
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, Messages.LiveRun_progress, epoch, epochs, batch,
                batches, loss, accuracy));
        Duration left = remaining();
        if (left != null) {
            b.append(", ").append(String.format(Locale.ROOT, Messages.LiveRun_left, RunColumn.duration(left.toSeconds())));
        }
        return b.toString();
    }

    int epochsDone() {
        return epochsDone;
    }

    int epochs() {
        return epochs;
    }

    double loss() {
        return loss;
    }

    double accuracy() {
        return accuracy;
    }

    double validationAccuracy() {
        return validationAccuracy;
    }

    /** When the run last wrote an event, or null. */
    Instant lastEventAt() {
        return lastEventAt;
    }

    /** The end event, once written. */
    RunEvent.End end() {
        return end;
    }
}
