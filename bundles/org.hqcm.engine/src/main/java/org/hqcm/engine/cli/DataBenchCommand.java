package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.internal.data.DataBenchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm data bench} (hidden): the dataset figures of the issue. Memory of 7,576 phantom images at 128 x 128
 * (target below 1 GB) against float32 storage; time to load 3,064 figshare-style 512 x 512 {@code .mat} files
 * (target below 60 s on 2 cores) against reading their bytes; with {@code --dedup}, the leakage guard's duplicate
 * search over 7,576 images with planted copies against SHA-256 of the same pixels.
 */
@Command(name = "bench", defaultValueProvider = ModelDefaults.class, hidden = true, mixinStandardHelpOptions = true,
        description = "Dataset figures: memory of 7,576 images at 128x128; time to load 3,064 512x512 .mat files;"
                + " --dedup: the duplicate search over 7,576 images.")
public final class DataBenchCommand implements Callable<Integer> {

    @Option(names = "--images", defaultValue = "7576", description = "Phantom images for the memory figure.")
    int images;

    @Option(names = "--mat-counts", defaultValue = "708,1426,930", split = ",",
            description = "figshare files per class (meningioma, glioma, pituitary) (default: ${DEFAULT-VALUE}).")
    int[] matCounts;

    @Option(names = "--mat-size", defaultValue = "512", description = "Side of the .mat images (default: ${DEFAULT-VALUE}).")
    int matSize;

    @ModelDefault("Dataset.imageSize")
    @Option(names = "--size", description = "Experiment image size (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--threads", defaultValue = "2", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--dir", description = "Folder for the .mat files (default: a temporary folder, deleted after).")
    Path dir;

    @Option(names = "--skip-memory", description = "Only the .mat figure.")
    boolean skipMemory;

    @Option(names = "--skip-mat", description = "Only the memory figure.")
    boolean skipMat;

    @Option(names = "--dedup", description = "Only the leakage guard's figure: the duplicate search over --images"
            + " phantom images at --size with planted copies, against hashing the same pixels with SHA-256.")
    boolean dedup;

    @Option(names = "--planted", defaultValue = "76", description = "Exact and near copies planted for --dedup, each"
            + " (default: ${DEFAULT-VALUE}).")
    int planted;

    @ModelDefault("Dataset.nearDuplicateDistance")
    @Option(names = "--near-duplicate-distance", paramLabel = "BITS",
            description = "Near-duplicate distance for --dedup (default: ${DEFAULT-VALUE}).")
    int nearDistance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (dedup) {
            DataBenchmark.Dedup d = DataBenchmark.dedup(images, size, planted, nearDistance, 42, threads);
            out.printf(Locale.ROOT, "dedup: %d phantom images at %dx%d + %d exact and %d near copies: duplicate search"
                    + " (exact + near within %d bits, %d pairs) %.3f s; SHA-256 of the same pixels %.3f s; ratio %.2f;"
                    + " %d groups found, %d of %d planted copies in their original's group; %d groups among the"
                    + " phantoms alone%n", d.images(), size, size, d.planted(), d.planted(), d.maxDistance(),
                    (long) (d.images() + 2L * d.planted()) * (d.images() + 2L * d.planted() - 1) / 2, d.seconds(),
                    d.fingerprintSeconds(), d.ratioToFingerprint(), d.groups(), d.plantedFound(), 2 * d.planted(),
                    d.phantomGroups());
            out.flush();
            return ExitCodes.OK;
        }
        if (!skipMemory) {
            int perClass = (images + 3) / 4;
            DataBenchmark.Memory m = DataBenchmark.memory(perClass, size, 42, threads);
            out.printf(Locale.ROOT, "memory: %d phantom images at %dx%d retain %.1f MB of heap (target < 1024 MB: %s);"
                    + " as float32 image+mask arrays %.1f MB; ratio %.2f; generated and loaded in %.1f s on %d threads%n",
                    m.images(), m.size(), m.size(), m.retainedBytes() / 1048576.0,
                    m.retainedBytes() < (1L << 30) ? "met" : "NOT met", m.float32Bytes() / 1048576.0,
                    m.ratioToFloat32(), m.seconds(), threads);
            out.flush();
        }
        if (!skipMat) {
            boolean temp = dir == null;
            Path d = temp ? Files.createTempDirectory("hqcm-mat-bench") : dir;
            try {
                DataBenchmark.MatLoad r = DataBenchmark.matLoad(d, matCounts, matSize, size, 42, threads);
                out.printf(Locale.ROOT, "mat: wrote %d files of %dx%d (%.0f MB) in %.1f s%n", r.files(), r.fileSize(),
                        r.fileSize(), r.bytesOnDisk() / 1048576.0, r.writeSeconds());
                out.printf(Locale.ROOT, "mat: loaded %d (%d bad) to %dx%d in %.1f s on %d threads (target < 60 s: %s);"
                        + " reading their bytes alone %.1f s; ratio %.1f%n", r.loaded(), r.bad(), size, size,
                        r.loadSeconds(), r.threads(), r.loadSeconds() < 60 ? "met" : "NOT met", r.rawReadSeconds(),
                        r.ratioToRawRead());
            } finally {
                if (temp) {
                    DataBenchmark.deleteTree(d);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
