package org.hqcm.engine.internal.data.volume;

import java.io.IOException;
import java.util.List;

import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.SourceFormat;
import org.hqcm.engine.internal.data.SourceSpec;

/** Reads a volume source: lists its cases, then cuts each case into slices (possibly on several threads). */
public final class VolumeSourceReader {
    private final SourceSpec spec;
    private final VolumeCaseReader cases;

    public VolumeSourceReader(SourceSpec spec, long maxSlicePixels) {
        if (!spec.kind().isVolume()) {
            throw new IllegalArgumentException(spec.kind() + " is not a volume source");
        }
        this.spec = spec;
        this.cases = new VolumeCaseReader(spec.volume(), maxSlicePixels);
    }

    /** The cases, sorted; case folders refused before reading (no segmentation, links out) go to {@code refused}. */
    public List<VolumeCase> cases(List<BadFile> refused) throws IOException {
        return spec.kind() == SourceFormat.BRATS
                ? VolumeLayouts.brats(spec.path(), spec.volume().modality(), refused)
                : VolumeLayouts.msd(spec.path(), spec.volume().modality(), refused);
    }

    /** The chosen slices of one case. */
    public List<RawImage> read(VolumeCase c) throws IOException {
        return cases.read(c);
    }
}
