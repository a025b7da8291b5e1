package org.hqcm.engine;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Cooperative cancellation of the run on the current thread. A run sets its flag with {@link #during}; long loops
 * anywhere below it (the network's layers, the circuit simulation, inference, data loading, t-SNE) call
 * {@link #check()}, which throws {@link RunCancelledException} once the flag is up, so Ctrl-C or SIGTERM takes
 * effect within one layer of one batch instead of after the batch. Work handed to other threads takes the flag
 * along with {@link #current()}. The flag is per thread, so several runs in one JVM (a sweep) cancel separately.
 */
public final class Cancellation {

    private static final BooleanSupplier NEVER = () -> false;
    private static final ThreadLocal<BooleanSupplier> CURRENT = ThreadLocal.withInitial(() -> NEVER);

    private Cancellation() {
    }

    /** Runs {@code work} with {@code cancelled} as this thread's flag; the previous flag is restored after. */
    public static <T> T during(BooleanSupplier cancelled, Supplier<T> work) {
        BooleanSupplier previous = CURRENT.get();
        CURRENT.set(cancelled == null ? NEVER : cancelled);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** The flag of this thread's run (never null; never raised outside a run). */
    public static BooleanSupplier current() {
        return CURRENT.get();
    }

    /** Throws {@link RunCancelledException} when this thread's run is cancelled. */
    public static void check() {
        check(CURRENT.get());
    }

    /** Throws {@link RunCancelledException} when {@code flag} is up (for work on other threads). */
    public static void check(BooleanSupplier flag) {
        if (flag.getAsBoolean()) {
            throw new RunCancelledException();
        }
    }
}
