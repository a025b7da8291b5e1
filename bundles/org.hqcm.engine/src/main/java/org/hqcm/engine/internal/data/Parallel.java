package org.hqcm.engine.internal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs independent work items on a few daemon threads, in contiguous chunks, reporting progress. */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Calls {@code body} for every index in [0, n) on {@code threads} threads and waits. The first failure is
     * rethrown as it was (unchecked) or wrapped in an {@link IllegalStateException} (errors, checked exceptions).
     */
    public static void forEach(int n, int threads, String name, IntConsumer body, LoadProgress progress) {
        progress.update(0, n);
        if (n == 0) {
            return;
        }
        int t = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger done = new AtomicInteger();
        // a few chunks per thread: few futures, neighbouring files read by the same thread, and balance at the end
        int chunk = Math.max(1, Math.min(64, n / (t * 8) + 1));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int start = 0; start < n; start += chunk) {
                int from = start;
                int to = Math.min(n, start + chunk);
                futures.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        body.accept(i);
                        progress.update(done.incrementAndGet(), n);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
