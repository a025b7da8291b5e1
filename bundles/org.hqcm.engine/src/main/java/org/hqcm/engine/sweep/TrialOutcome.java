package org.hqcm.engine.sweep;

import java.io.Serializable;

/**
 * How one attempt at a trial ended, as the executor reports it to the driver.
 *
 * @param state            COMPLETED, FAILED or CANCELLED (RunStatus names)
 * @param alreadyComplete  the trial was published before this attempt began: nothing was trained
 * @param duplicate        this attempt completed too but another had published first: it was removed
 * @param resumedAfterEpoch the epoch this attempt resumed after (0: trained from the start)
 * @param probeFailed      the executor could not see the sweep folder's probe: the sweep must stop
 */
public record TrialOutcome(String id, String state, String message, double seconds, double accuracy, double macroF1,
        String attempt, String host, int resumedAfterEpoch, boolean alreadyComplete, boolean duplicate,
        boolean probeFailed) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean completed() {
        return "COMPLETED".equals(state);
    }

    static TrialOutcome failed(String id, String state, String message, String attempt, String host, boolean probe) {
        return new TrialOutcome(id, state, message, 0, Double.NaN, Double.NaN, attempt, host, 0, false, false, probe);
    }
}
