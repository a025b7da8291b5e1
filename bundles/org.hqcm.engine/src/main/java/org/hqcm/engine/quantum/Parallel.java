package org.hqcm.engine.quantum;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The small fixed pool the state-vector simulator runs its tiles on: one daemon thread per core, or the number in
 * the system property {@code hqcm.quantum.threads}.
 */
final class Parallel {

    static final int THREADS = Math.max(1, Integer.getInteger("hqcm.quantum.threads",
            Runtime.getRuntime().availableProcessors()));

    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS) : null;

    private Parallel() {
    }

    /** Runs {@code task} for 0..n-1, in parallel when there is a pool, and returns when all are done. */
    static void forEach(int n, IntConsumer task) {
        if (POOL == null || n <= 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        POOL.invoke(new Range(task, 0, n));
    }

    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient IntConsumer task;
        private final int lo;
        private final int hi;

        Range(IntConsumer task, int lo, int hi) {
            this.task = task;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                task.accept(lo);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Range(task, lo, mid), new Range(task, mid, hi));
        }
    }
}
