package org.hqcm.engine.run;

import org.hqcm.engine.train.EpochResult;
import org.hqcm.engine.train.TrainingState;
import org.hqcm.model.RunStatus;

/** The run's event stream as a member of the run's observers: each report becomes one event of {@link EventLog}. */
final class EventStream implements RunObserver {
    private final EventLog events;
    private int epochs;

    EventStream(EventLog events) {
        this.events = events;
    }

    @Override
    public void started(String run, String experiment, int epochs, int batches, int resumedFrom) {
        this.epochs = epochs;
        events.emit("start", "run", run, "experiment", experiment, "epochs", epochs, "batches", batches,
                "resumedFrom", resumedFrom);
    }

    @Override
    public void phase(String name, String message) {
        events.emit("phase", "name", name, "message", message);
    }

    @Override
    public void skipped(String file, String reason) {
        events.emit("warning", "message", "skipped " + file + ": " + reason);
    }

    @Override
    public void ended(RunStatus status, String message, double testAccuracy) {
        if (status == RunStatus.COMPLETED) {
            events.emit("end", "status", status.getLiteral(), "message", message, "testAccuracy", testAccuracy);
        } else {
            events.emit("end", "status", status.getLiteral(), "message", message);
        }
    }

    @Override
    public void batch(int epoch, int batch, int batches, double loss, double accuracy) {
        events.emit("batch", "epoch", epoch, "batch", batch, "batches", batches, "loss", loss, "accuracy", accuracy);
    }

    @Override
    public void epoch(EpochResult r, boolean improved, TrainingState state) {
        events.emit("epoch", "epoch", r.epoch(), "epochs", epochs, "trainLoss", r.trainLoss(), "trainAccuracy",
                r.trainAccuracy(), "validationLoss", r.validationLoss(), "validationAccuracy", r.validationAccuracy(),
                "learningRate", r.learningRate(), "seconds", r.seconds(), "quantumGradientNorm", r.quantumGradientNorm(),
                "improved", improved);
    }

    @Override
    public void warning(String message) {
        events.emit("warning", "message", message);
    }
}
