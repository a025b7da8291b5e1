package org.hqcm.engine.sweep;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Trials one after another on this machine, each in its own JVM like every trial: what {@code hqcm reproduce} uses,
 * and what a sweep is without Spark.
 */
public final class SequentialExecutor implements TrialExecutor {

    @Override
    public void execute(List<TrialSpec> trials, Consumer<TrialOutcome> outcome, BooleanSupplier cancelled) {
        TrialLauncher launcher = TrialLauncher.fromThisJvm();
        for (TrialSpec t : trials) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            outcome.accept(TrialAttempt.run(t, launcher, cancelled));
        }
    }

    @Override
    public String master() {
        return "sequential";
    }

    @Override
    public int slots() {
        return 1;
    }
}
