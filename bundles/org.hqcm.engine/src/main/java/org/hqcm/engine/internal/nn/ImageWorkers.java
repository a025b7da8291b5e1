package org.hqcm.engine.internal.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Runs a task for every image of a batch on {@link PatchBlock#workers} threads, each thread with a worker of its own
 * (the arrays it computes in), for the fused blocks' Java loops. Image {@code img} goes to worker {@code img % count},
 * so which worker sees which image does not depend on timing; results that are summed over images go through
 * {@link #inImageOrder}, so their bits do not depend on which thread finished first either.
 */
final class ImageWorkers<W> {
    interface Task<W> {
        void run(W worker, int image);
    }

    private final Supplier<W> factory;
    private final List<W> workers = new ArrayList<>();

    ImageWorkers(Supplier<W> factory) {
        this.factory = factory;
    }

    /** Runs {@code task} for images 0..batch-1 of {@code size} x {@code size}. */
    void forEach(int batch, int size, Task<W> task) {
        int count = PatchBlock.workers(batch, size);
        while (workers.size() < count) {
            workers.add(factory.get());
        }
        IntStream range = IntStream.range(0, count);
        (count > 1 ? range.parallel() : range).forEach(wk -> {
            W worker = workers.get(wk);
            for (int img = wk; img < batch; img += count) {
                task.run(worker, img);
            }
        });
    }

    /** The element-wise sum of the images' values, in image order. */
    static double[] inImageOrder(double[][] perImage) {
        double[] sum = new double[perImage[0].length];
        for (double[] values : perImage) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        }
        return sum;
    }
}
