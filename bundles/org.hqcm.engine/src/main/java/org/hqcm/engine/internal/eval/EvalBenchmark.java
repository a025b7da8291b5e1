package org.hqcm.engine.internal.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

import org.hqcm.engine.eval.AttentionJaccard;
import org.hqcm.engine.eval.McNemar;
import org.hqcm.engine.eval.PairedBootstrap;
import org.hqcm.engine.eval.Tsne;
import org.hqcm.engine.eval.WilcoxonSignedRank;

/**
 * Times the evaluation of one test set of the paper's size on synthetic data: exact t-SNE of the head's
 * outputs, attention Jaccard of every tumour image, Wilcoxon, McNemar and the paired bootstrap. The
 * reference, measured in the same run, is the same t-SNE on one thread; the benchmark also checks that
 * both give the identical embedding (the parallel code reduces in a fixed order).
 */
public final class EvalBenchmark {

    /**
     * What to measure.
     *
     * @param images     test images (the paper: 15 % of 7,576, about 1,137)
     * @param headWidth  width of the head's output (5 circuits x 5 qubits = 25)
     * @param mapSize    attention map side (H/8 = 16)
     * @param imageSize  input side (128)
     */
    public record Setup(int images, int headWidth, int mapSize, int imageSize, int tsneIterations, int resamples) {

        public static Setup paper() {
            return new Setup(1137, 25, 16, 128, 1000, 10_000);
        }
    }

    /** Figures in milliseconds. */
    public record Result(Setup setup, int cores, double tsneMs, double tsneOneThreadMs, boolean identical,
            double jaccardMs, int tumourImages, double wilcoxonMs, double mcnemarMs, double bootstrapMs) {

        /** How many times faster the parallel t-SNE is than the one-thread reference. */
        public double tsneSpeedup() {
            return tsneOneThreadMs / tsneMs;
        }
    }

    private EvalBenchmark() {
    }

    public static Result run(Setup s) {
        SplittableRandom random = new SplittableRandom(7);
        int n = s.images();
        int[] labels = new int[n];
        double[][] head = new double[n][s.headWidth()];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 4;
            for (int k = 0; k < s.headWidth(); k++) {
                head[i][k] = random.nextGaussian() * 0.5 + (k % 4 == labels[i] ? 1.5 : 0);
            }
        }
        Tsne tsne = Tsne.of(30, 42).withIterations(s.tsneIterations());
        long t0 = System.nanoTime();
        Tsne.Embedding parallel = tsne.embed(head);
        long t1 = System.nanoTime();
        Tsne.Embedding single;
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            // parallel streams started inside a pool's task run in that pool: one worker here
            single = one.submit(() -> tsne.embed(head)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("one-thread t-SNE failed: " + e.getCause(), e.getCause());
        } finally {
            one.shutdown();
        }
        long t2 = System.nanoTime();
        boolean identical = Arrays.deepEquals(parallel.points(), single.points());

        List<float[][]> mapsA = new ArrayList<>();
        List<float[][]> mapsB = new ArrayList<>();
        List<float[][]> masks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mapsA.add(blob(s.mapSize(), random));
            mapsB.add(blob(s.mapSize(), random));
            float[][] mask = new float[s.imageSize()][s.imageSize()];
            if (labels[i] != 0) { // healthy images have an all-zero mask
                int cx = random.nextInt(s.imageSize() / 4, 3 * s.imageSize() / 4);
                int cy = random.nextInt(s.imageSize() / 4, 3 * s.imageSize() / 4);
                int r = s.imageSize() / 10;
                for (int y = cy - r; y <= cy + r; y++) {
                    for (int x = cx - r; x <= cx + r; x++) {
                        mask[y][x] = 1;
                    }
                }
            }
            masks.add(mask);
        }
        long t3 = System.nanoTime();
        AttentionJaccard.Result ja = AttentionJaccard.PAPER.evaluate(mapsA, masks);
        AttentionJaccard.Result jb = AttentionJaccard.PAPER.evaluate(mapsB, masks);
        long t4 = System.nanoTime();
        for (int t = 0; t < 3; t++) {
            WilcoxonSignedRank.SCIPY_DEFAULT.test(ja.valuesAt(t), jb.valuesAt(t));
        }
        long t5 = System.nanoTime();
        int[] predA = new int[n];
        int[] predB = new int[n];
        for (int i = 0; i < n; i++) {
            predA[i] = random.nextDouble() < 0.95 ? labels[i] : random.nextInt(4);
            predB[i] = random.nextDouble() < 0.85 ? labels[i] : random.nextInt(4);
        }
        McNemar.test(labels, predA, predB);
        long t6 = System.nanoTime();
        new PairedBootstrap(s.resamples(), 42, 0.95).compare(labels, predA, predB, 4);
        long t7 = System.nanoTime();
        return new Result(s, Runtime.getRuntime().availableProcessors(), ms(t0, t1), ms(t1, t2), identical, ms(t3, t4) / 2,
                ja.images().size(), ms(t4, t5) / 3, ms(t5, t6), ms(t6, t7));
    }

    private static float[][] blob(int size, SplittableRandom random) {
        float[][] m = new float[size][size];
        double cx = random.nextDouble(size);
        double cy = random.nextDouble(size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                m[y][x] = (float) (1 / (1 + Math.exp(Math.hypot(x - cx, y - cy) - size / 6.0)));
            }
        }
        return m;
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
