package org.hqcm.engine.data;

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
 */
public record LoadOptions(double maxBadShare, Set<TumourClass> requiredClasses, int threads, LoadProgress progress) {

    /** Default share of bad files tolerated. */
    public static final double DEFAULT_MAX_BAD_SHARE = 0.10;

    public LoadOptions {
        if (!(maxBadShare >= 0 && maxBadShare <= 1)) {
            throw new IllegalArgumentException("maxBadShare must be in [0, 1], got " + maxBadShare);
        }
        requiredClasses = Set.copyOf(Objects.requireNonNull(requiredClasses, "requiredClasses"));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** 10% bad files tolerated, all four classes required, one thread per core, no progress. */
    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_MAX_BAD_SHARE, EnumSet.allOf(TumourClass.class),
                Runtime.getRuntime().availableProcessors(), LoadProgress.NONE);
    }

    public LoadOptions withMaxBadShare(double share) {
        return new LoadOptions(share, requiredClasses, threads, progress);
    }

    public LoadOptions withRequiredClasses(Set<TumourClass> classes) {
        return new LoadOptions(maxBadShare, classes, threads, progress);
    }

    public LoadOptions withThreads(int n) {
        return new LoadOptions(maxBadShare, requiredClasses, n, progress);
    }

    public LoadOptions withProgress(LoadProgress p) {
        return new LoadOptions(maxBadShare, requiredClasses, threads, p);
    }
}
