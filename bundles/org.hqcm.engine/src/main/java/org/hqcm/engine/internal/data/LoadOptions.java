package org.hqcm.engine.internal.data;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to load.
 *
 * @param maxBadShare the share of unreadable files (0..1) above which loading fails
 * @param requiredClasses classes that must have at least one image, or loading fails
 * @param threads worker threads for reading and decoding files (>= 1)
 * @param progress told of each file done
 * @param maxImagePixels the largest image a file may declare ({@link PixelLimit}; the experiment's
 *        {@code dataset.maxImagePixels})
 */
public record LoadOptions(double maxBadShare, Set<TumourClass> requiredClasses, int threads, LoadProgress progress,
        long maxImagePixels) {

    /** Default share of bad files tolerated. */
    public static final double DEFAULT_MAX_BAD_SHARE = 0.10;

    /**
     * The model's default of {@code Dataset.maxImagePixels} (16 Mpx), for callers without an experiment (this package
     * does not know the model; {@code ExperimentMappingTest} checks that the two agree). Runs pass their experiment's.
     */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 1L << 24;

    public LoadOptions {
        if (!(maxBadShare >= 0 && maxBadShare <= 1)) {
            throw new IllegalArgumentException("maxBadShare must be in [0, 1], got " + maxBadShare);
        }
        requiredClasses = Set.copyOf(Objects.requireNonNull(requiredClasses, "requiredClasses"));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(progress, "progress");
        if (maxImagePixels < 1) {
            throw new IllegalArgumentException("maxImagePixels must be >= 1, got " + maxImagePixels);
        }
    }

    /** The options with defaults for the pixel limit. */
    public LoadOptions(double maxBadShare, Set<TumourClass> requiredClasses, int threads, LoadProgress progress) {
        this(maxBadShare, requiredClasses, threads, progress, DEFAULT_MAX_IMAGE_PIXELS);
    }

    /** 10% bad files tolerated, all four classes required, one thread per core, no progress, 16 Mpx per image. */
    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_MAX_BAD_SHARE, EnumSet.allOf(TumourClass.class),
                Runtime.getRuntime().availableProcessors(), LoadProgress.NONE, DEFAULT_MAX_IMAGE_PIXELS);
    }

    public LoadOptions withMaxBadShare(double share) {
        return new LoadOptions(share, requiredClasses, threads, progress, maxImagePixels);
    }

    public LoadOptions withRequiredClasses(Set<TumourClass> classes) {
        return new LoadOptions(maxBadShare, classes, threads, progress, maxImagePixels);
    }

    public LoadOptions withThreads(int n) {
        return new LoadOptions(maxBadShare, requiredClasses, n, progress, maxImagePixels);
    }

    public LoadOptions withProgress(LoadProgress p) {
        return new LoadOptions(maxBadShare, requiredClasses, threads, p, maxImagePixels);
    }

    public LoadOptions withMaxImagePixels(long max) {
        return new LoadOptions(maxBadShare, requiredClasses, threads, progress, max);
    }
}
