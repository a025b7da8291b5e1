package org.hqcm.engine.internal.run;

import java.util.List;

import org.hqcm.engine.internal.train.EpochResult;
import org.hqcm.engine.internal.train.TrainingState;
import org.hqcm.model.RunStatus;

/** Tells every member each thing a run reports, in member order (the event stream first, the front end last). */
final class CompositeRunObserver implements RunObserver {
    private final List<RunObserver> members;

    CompositeRunObserver(RunObserver... members) {
        this.members = List.of(members);
    }

    @Override
    public void started(String run, String experiment, int epochs, int batches, int resumedFrom) {
        members.forEach(m -> m.started(run, experiment, epochs, batches, resumedFrom));
    }

    @Override
    public void phase(String name, String message) {
        members.forEach(m -> m.phase(name, message));
    }

    @Override
    public void skipped(String file, String reason) {
        members.forEach(m -> m.skipped(file, reason));
    }

    @Override
    public void note(String line) {
        members.forEach(m -> m.note(line));
    }

    @Override
    public void ended(RunStatus status, String message, double testAccuracy) {
        members.forEach(m -> m.ended(status, message, testAccuracy));
    }

    @Override
    public void update(int done, int total) {
        members.forEach(m -> m.update(done, total));
    }

    @Override
    public void batch(int epoch, int batch, int batches, double loss, double accuracy) {
        members.forEach(m -> m.batch(epoch, batch, batches, loss, accuracy));
    }

    @Override
    public void epoch(EpochResult result, boolean improved, TrainingState state) {
        members.forEach(m -> m.epoch(result, improved, state));
    }

    @Override
    public void warning(String message) {
        members.forEach(m -> m.warning(message));
    }
}
