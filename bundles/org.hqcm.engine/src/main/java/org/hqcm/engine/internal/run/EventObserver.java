package org.hqcm.engine.internal.run;

import org.hqcm.engine.internal.train.EpochResult;
import org.hqcm.engine.internal.train.TrainingState;
import org.hqcm.engine.run.RunEvent;
import org.hqcm.model.RunStatus;

/**
 * The run's event stream as a member of the run's observers: each report becomes one {@link RunEvent} record, written
 * by {@link EventLog} (the records are the stream's only schema).
 */
final class EventObserver implements RunObserver {
    private final EventLog events;
    private int epochs;

    EventObserver(EventLog events) {
        this.events = events;
    }

    @Override
    public void started(String run, String experiment, int epochs, int batches, int resumedFrom) {
        this.epochs = epochs;
        events.emit(new RunEvent.Start(run, experiment, epochs, batches, resumedFrom));
    }

    @Override
    public void phase(String name, String message) {
        events.emit(new RunEvent.Phase(name, message));
    }

    @Override
    public void skipped(String file, String reason) {
        events.emit(new RunEvent.Warning("skipped " + file + ": " + reason));
    }

    @Override
    public void ended(RunStatus status, String message, double testAccuracy) {
        events.emit(new RunEvent.End(status, message, status == RunStatus.COMPLETED ? testAccuracy : null));
    }

    @Override
    public void batch(int epoch, int batch, int batches, double loss, double accuracy) {
        events.emit(new RunEvent.Batch(epoch, batch, batches, loss, accuracy));
    }

    @Override
    public void epoch(EpochResult r, boolean improved, TrainingState state) {
        events.emit(new RunEvent.Epoch(r.epoch(), epochs, r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                r.validationAccuracy(), r.learningRate(), r.seconds(), r.quantumGradientNorm(), improved));
    }

    @Override
    public void warning(String message) {
        events.emit(new RunEvent.Warning(message));
    }
}
