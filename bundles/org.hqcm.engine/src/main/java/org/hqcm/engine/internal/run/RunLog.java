package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.hqcm.engine.internal.train.EpochResult;
import org.hqcm.engine.internal.train.TrainingState;
import org.hqcm.model.RunStatus;

/**
 * The run's human-readable log, {@code run.log} (and a sweep's {@code sweep.log}): timestamped lines, flushed at once, appended on resume. As one of the
 * run's observers it writes epochs, warnings, skipped files, notes and the end.
 */
public final class RunLog implements RunObserver, AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private final Writer out;

    public RunLog(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized void line(String format, Object... args) {
        try {
            out.write(LocalDateTime.now().format(TIME) + "  " + String.format(Locale.ROOT, format, args) + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run log: " + e.getMessage(), e);
        }
    }

    @Override
    public void skipped(String file, String reason) {
        line("skipped %s: %s", file, reason);
    }

    @Override
    public void note(String text) {
        line("%s", text);
    }

    @Override
    public void epoch(EpochResult r, boolean improved, TrainingState state) {
        // the circuits' gradient norm only for a quantum head (a classical head has none: 0)
        String quantum = r.quantumGradientNorm() > 0
                ? String.format(Locale.ROOT, " | quantum grad norm %.3g", r.quantumGradientNorm()) : "";
        line("epoch %d: train loss %.4f acc %.4f | val loss %.4f acc %.4f | lr %.3g | %.1f s%s%s", r.epoch(),
                r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.learningRate(),
                r.seconds(), quantum, improved ? " *" : "");
    }

    @Override
    public void warning(String message) {
        line("warning: %s", message);
    }

    @Override
    public void ended(RunStatus status, String message, double testAccuracy) {
        switch (status) {
            case COMPLETED -> line("COMPLETED: test accuracy %.4f", testAccuracy);
            case FAILED -> line("FAILED: %s", message);
            case CANCELLED, CREATED, RUNNING -> line("%s", message);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
