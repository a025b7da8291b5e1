package org.hqcm.engine.data;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.hqcm.engine.data.synth.PhantomExport;

/**
 * The two dataset figures, each with a reference measured in the same run: retained heap of a loaded
 * dataset against the same pixels held as float32 arrays, and the time to load figshare-style {@code .mat} files
 * against the time to merely read their bytes.
 */
public final class DataBenchmark {

    /** Retained memory of the phantom dataset. */
    public record Memory(int images, int size, long retainedBytes, long float32Bytes, double seconds) {
        public double ratioToFloat32() {
            return (double) retainedBytes / float32Bytes;
        }
    }

    /** Writing and loading .mat files. */
    public record MatLoad(int files, int fileSize, long bytesOnDisk, double writeSeconds, double rawReadSeconds,
            double loadSeconds, int threads, int loaded, int bad, String fingerprint) {
        public double ratioToRawRead() {
            return loadSeconds / rawReadSeconds;
        }
    }

    private DataBenchmark() {
    }

    /** Loads {@code perClass} phantom images per class at {@code size} and measures the heap they keep. */
    public static Memory memory(int perClass, int size, long seed, int threads) {
        long before = usedHeapAfterGc();
        long t0 = System.nanoTime();
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.synthetic(perClass, 0.3)), size, seed,
                LoadOptions.defaults().withThreads(threads));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = usedHeapAfterGc();
        int n = ds.size();
        long float32 = (long) n * size * size * 4L * 2; // image + mask as float32, what a naive loader keeps
        long retained = after - before;
        if (ds.samples().isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        return new Memory(n, size, retained, float32, seconds);
    }

    /**
     * Writes {@code counts} (meningioma, glioma, pituitary) figshare-style files of {@code fileSize} pixels into
     * {@code dir}, reads their bytes once (the reference), then loads them at {@code size}.
     */
    public static MatLoad matLoad(Path dir, int[] counts, int fileSize, int size, long seed, int threads)
            throws IOException {
        long t0 = System.nanoTime();
        int files = PhantomExport.writeFigshare(dir, counts, fileSize, seed, 0.3, threads, LoadProgress.NONE);
        double write = (System.nanoTime() - t0) / 1e9;
        long bytes = 0;
        t0 = System.nanoTime();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                bytes += Files.readAllBytes(p).length;
            }
        }
        double raw = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.files(SourceFormat.FIGSHARE_MAT, dir)), size, seed,
                LoadOptions.defaults().withThreads(threads).withRequiredClasses(java.util.Set.of()));
        double load = (System.nanoTime() - t0) / 1e9;
        return new MatLoad(files, fileSize, bytes, write, raw, load, threads, ds.size(), ds.badFiles().size(),
                ds.fingerprint());
    }

    /** Deletes a folder tree (the benchmark's temporary files). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
