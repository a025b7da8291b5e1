package org.hqcm.engine.run;

import org.hqcm.model.RunStatus;

/**
 * One event of a run's event stream ({@value RunFolder#EVENTS}): one record type per event, for the writer
 * ({@link org.hqcm.engine.internal.run.EventLog}) and every reader ({@link EventTail}, the launch's progress job, the IDE's Runs view) alike.
 * On disk each is one line, {@code {"type":"batch","time":"<ISO-8601>",<its components>}}; {@link EventStream}
 * converts. Components may be added (readers ignore what they do not know; a missing number reads as 0, a JSON
 * null as NaN); the names and meanings of the existing ones stay, so that old run folders stay readable.
 */
public sealed interface RunEvent extends StreamEvent {

    /**
     * Training starts (again, after {@code --resume}).
     *
     * @param run the run folder's name
     * @param experiment the experiment's name
     * @param epochs the maximum number of epochs
     * @param batches training batches per epoch
     * @param resumedFrom the epochs already done (0 for a new run)
     */
    record Start(String run, String experiment, int epochs, int batches, int resumedFrom) implements RunEvent {
        public static final String TYPE = "start";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A phase begins.
     *
     * @param name loading, training or evaluating
     * @param message what is done, for people
     */
    record Phase(String name, String message) implements RunEvent {
        public static final String TYPE = "phase";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A training batch is done.
     *
     * @param epoch 1-based epoch
     * @param batch 1-based batch of the epoch
     * @param batches batches of the epoch
     * @param loss running mean of the epoch's training loss
     * @param accuracy running mean of the epoch's training accuracy
     */
    record Batch(int epoch, int batch, int batches, double loss, double accuracy) implements RunEvent {
        public static final String TYPE = "batch";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * An epoch is done (and its checkpoint written).
     *
     * @param epoch 1-based epoch
     * @param epochs the maximum number of epochs
     * @param trainLoss mean training loss
     * @param trainAccuracy mean training accuracy
     * @param validationLoss validation loss
     * @param validationAccuracy validation accuracy
     * @param learningRate the learning rate the epoch trained with
     * @param seconds wall time of the epoch
     * @param quantumGradientNorm mean over the epoch's training batches of the L2 norm of the loss gradient with
     *            respect to the circuits' weights, before clipping (0 for a classical head; the run record's
     *            EpochRecord.quantumGradientNorm)
     * @param improved whether validation improved (the model keeps this epoch's weights)
     */
    record Epoch(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, double learningRate, double seconds, double quantumGradientNorm,
            boolean improved) implements RunEvent {
        public static final String TYPE = "epoch";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Something the user should know (a skipped file, a clipped gradient).
     *
     * @param message for people
     */
    record Warning(String message) implements RunEvent {
        public static final String TYPE = "warning";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * The run ended: the last event of a run that was not killed.
     *
     * @param status COMPLETED, FAILED or CANCELLED
     * @param message why (for FAILED and CANCELLED: the record's failure message)
     * @param testAccuracy the test accuracy, null when the run was not evaluated
     */
    record End(RunStatus status, String message, Double testAccuracy) implements RunEvent {
        public static final String TYPE = "end";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
