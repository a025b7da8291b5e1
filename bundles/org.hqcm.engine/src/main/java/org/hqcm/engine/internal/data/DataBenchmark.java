package org.hqcm.engine.internal.data;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.hqcm.engine.internal.data.synth.PhantomExport;

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

    /**
     * The leakage guard on {@code images} images plus planted copies.
     *
     * @param images phantom images searched
     * @param planted exact copies and near copies (downscaled to 3/4, scaled back, brightened: a re-encoded slice)
     *        added, each kind this many
     * @param groups groups found
     * @param plantedFound planted copies found in a group with their original
     * @param phantomGroups groups among the phantom images alone (generated images that look alike)
     * @param seconds time of the search (exact and near, all pairs)
     * @param fingerprintSeconds reference: SHA-256 over the same samples' pixels
     */
    public record Dedup(int images, int planted, int groups, int plantedFound, int phantomGroups, int maxDistance,
            double seconds, double fingerprintSeconds) {
        public double ratioToFingerprint() {
            return seconds / fingerprintSeconds;
        }
    }

    private DataBenchmark() {
    }

    /** Builds {@code images} phantom images at {@code size}, plants copies, and times the duplicate search. */
    public static Dedup dedup(int images, int size, int planted, int maxDistance, long seed, int threads) {
        int perClass = (images + 3) / 4;
        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.synthetic(perClass, 0.3)), size, seed,
                LoadOptions.defaults().withThreads(threads));
        List<Sample> samples = new java.util.ArrayList<>(ds.samples().subList(0, Math.min(images, ds.size())));
        int n = samples.size();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        int[] originals = new int[2 * planted];
        for (int k = 0; k < 2 * planted; k++) {
            int i = rng.nextInt(n);
            originals[k] = i;
            Sample s = samples.get(i);
            float[] img = s.image();
            if (k >= planted) {
                int small = size * 3 / 4;
                img = Preprocessing.resize(Preprocessing.resize(img, size, size, small, small), small, small, size,
                        size);
                for (int p = 0; p < img.length; p++) {
                    img[p] = (float) Math.pow(img[p], 0.9);
                }
                Preprocessing.minMaxScaleInPlace(img);
            }
            samples.add(Sample.of(size, img, s.mask(), s.tumourClass(), null, null, s.givenSplit(), size, size));
        }
        int[] sourceOf = new int[samples.size()];
        List<Sample> phantoms = samples.subList(0, n);
        int phantomGroups = DuplicateFinder.find(phantoms, new int[n], maxDistance, true).size();
        long t0 = System.nanoTime();
        List<DuplicateGroup> groups = DuplicateFinder.find(samples, sourceOf, maxDistance, true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        String fp = new LoadedDataset(size, samples, List.of(), List.of()).fingerprint();
        double fpSeconds = (System.nanoTime() - t1) / 1e9;
        int[] groupOf = new int[samples.size()];
        java.util.Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.size(); g++) {
            for (int m : groups.get(g).members()) {
                groupOf[m] = g;
            }
        }
        int found = 0;
        for (int k = 0; k < 2 * planted; k++) {
            int copy = n + k;
            if (groupOf[copy] >= 0 && groupOf[copy] == groupOf[originals[k]]) {
                found++;
            }
        }
        if (fp.isEmpty()) {
            throw new IllegalStateException("no fingerprint");
        }
        return new Dedup(n, planted, groups.size(), found, phantomGroups, maxDistance, seconds, fpSeconds);
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
