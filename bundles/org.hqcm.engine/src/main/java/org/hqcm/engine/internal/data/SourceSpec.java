package org.hqcm.engine.internal.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One dataset source.
 *
 * @param kind what the source is
 * @param path its root folder (null for {@link SourceFormat#SYNTHETIC})
 * @param perClass images per class for the phantom (ignored for files)
 * @param difficulty phantom difficulty in [0, 1] (ignored for files)
 * @param volume how the slices of a volume source ({@link SourceFormat#isVolume()}) are chosen; null otherwise
 */
public record SourceSpec(SourceFormat kind, Path path, int perClass, double difficulty, VolumeOptions volume) {

    public SourceSpec {
        Objects.requireNonNull(kind, "kind");
        if (kind == SourceFormat.SYNTHETIC) {
            if (perClass < 1) {
                throw new IllegalArgumentException("synthetic source: images per class must be >= 1, got " + perClass);
            }
            if (!(difficulty >= 0 && difficulty <= 1)) {
                throw new IllegalArgumentException("synthetic source: difficulty must be in [0, 1], got " + difficulty);
            }
        } else {
            Objects.requireNonNull(path, "path of a " + kind + " source");
        }
        if (kind.isVolume()) {
            Objects.requireNonNull(volume, "volume options of a " + kind + " source");
        }
    }

    /** A source that is not a volume source. */
    public SourceSpec(SourceFormat kind, Path path, int perClass, double difficulty) {
        this(kind, path, perClass, difficulty, null);
    }

    /** A volume source (BraTS or MSD Task01 folders) under {@code root}. */
    public static SourceSpec volumes(SourceFormat kind, Path root, VolumeOptions options) {
        return new SourceSpec(kind, root, 0, 0, options);
    }

    /** The phantom with {@code perClass} images of each of the four classes. */
    public static SourceSpec synthetic(int perClass, double difficulty) {
        return new SourceSpec(SourceFormat.SYNTHETIC, null, perClass, difficulty);
    }

    /** A source of files under {@code root}. */
    public static SourceSpec files(SourceFormat kind, Path root) {
        return new SourceSpec(kind, root, 0, 0);
    }

    /** Short text for messages and reports. */
    public String describe() {
        return kind == SourceFormat.SYNTHETIC
                ? "synthetic:" + perClass + " (difficulty " + difficulty + ")"
                : kind + " " + path;
    }
}
