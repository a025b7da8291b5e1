package org.hqcm.engine.sweep;

import org.hqcm.engine.run.StreamEvent;

/**
 * One event of a sweep's event stream (the sweep folder's {@code events.jsonl}, written by the driver): one record
 * per event, written through the run package's {@link org.hqcm.engine.internal.run.EventLog} in the same line format as a
 * run's events. Components may be added; the existing ones keep their names and meanings.
 */
public sealed interface SweepEvent extends StreamEvent {

    /**
     * The driver starts (or resumes) the sweep.
     *
     * @param sweep the sweep's name
     * @param trials all trials of the sweep
     * @param pending the trials still to run
     * @param master where they run (local[K], spark://HOST:PORT, sequential)
     * @param resumed whether this continues an earlier driver's sweep
     */
    record Start(String sweep, int trials, int pending, String master, boolean resumed) implements SweepEvent {
        public static final String TYPE = "start";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A trial's attempt ended.
     *
     * @param trial the trial's id
     * @param label its configuration in words
     * @param seed its seed
     * @param state COMPLETED, FAILED or CANCELLED
     * @param seconds the attempt's wall time
     * @param accuracy the test accuracy (null when not completed)
     * @param attempt the attempt's name (host-pid-n)
     * @param host where it ran
     * @param resumedAfterEpoch the epochs a cut-off attempt had done before this one resumed it (0: from the start)
     * @param duplicate whether another attempt published the trial first (this one was removed)
     * @param alreadyComplete whether the trial was complete before this attempt
     * @param message what happened, for people
     */
    record TrialEnd(String trial, String label, long seed, String state, double seconds, double accuracy,
            String attempt, String host, int resumedAfterEpoch, boolean duplicate, boolean alreadyComplete,
            String message) implements SweepEvent {
        public static final String TYPE = "trial-end";

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * The driver ended.
     *
     * @param state COMPLETED, FAILED or CANCELLED
     * @param message why, and how to continue
     */
    record End(String state, String message) implements SweepEvent {
        public static final String TYPE = "end";

        @Override
        public String type() {
            return TYPE;
        }
    }
}
