package org.hqcm.engine.internal.data;

import java.util.Objects;
import java.util.Set;

/**
 * How a volume source (BraTS or MSD Task01 NIfTI folders) becomes axial slice images: the experiment model's
 * {@code DataSource} volume fields, mapped by {@code ExperimentMapping.volumeOptions} (their documentation and
 * defaults are in hqcm.ecore).
 *
 * @param modality the sequence read
 * @param tumourClass the class of every tumour slice
 * @param tumourLabels segmentation labels that count as tumour; empty = every non-zero label
 * @param minTumourArea tumour pixels a tumour slice needs
 * @param sliceStep only every k-th axial slice is a candidate
 * @param maxSlicesPerCase most tumour (and most healthy) slices per case, evenly spread; 0 = all
 * @param healthySlices slices without any label become healthy images
 * @param minBrainArea non-zero pixels a healthy slice needs
 * @param scaling how intensities are scaled before the per-image min-max
 * @param lowerPercentile lower clip of PERCENTILE_CLIP, in [0, 100)
 * @param upperPercentile upper clip of PERCENTILE_CLIP, in (lower, 100]
 * @param maxVolumeVoxels largest 3-D volume a file may declare
 */
public record VolumeOptions(Modality modality, TumourClass tumourClass, Set<Integer> tumourLabels, int minTumourArea,
        int sliceStep, int maxSlicesPerCase, boolean healthySlices, int minBrainArea, Scaling scaling,
        double lowerPercentile, double upperPercentile, long maxVolumeVoxels) {

    /** MRI sequences of BraTS and MSD Task01. */
    public enum Modality {
        T1, T1CE, T2, FLAIR
    }

    /** Intensity scaling of a volume's slices. */
    public enum Scaling {
        MIN_MAX, PERCENTILE_CLIP
    }

    public VolumeOptions {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(tumourClass, "tumourClass");
        if (tumourClass == TumourClass.HEALTHY) {
            throw new IllegalArgumentException("tumourClass: healthy is not a tumour class");
        }
        tumourLabels = Set.copyOf(tumourLabels);
        Objects.requireNonNull(scaling, "scaling");
        if (minTumourArea < 1 || sliceStep < 1 || maxSlicesPerCase < 0 || minBrainArea < 0 || maxVolumeVoxels < 1
                || !(lowerPercentile >= 0 && lowerPercentile < upperPercentile && upperPercentile <= 100)) {
            throw new IllegalArgumentException("volume options out of range (validation checks them first): " + this);
        }
    }

    /**
     * Most slices one case can give, for memory estimates before reading: the cap (twice with healthy slices), or
     * 155 axial slices (BraTS) over the step when there is no cap.
     */
    public long slicesPerCaseBound() {
        long perKind = maxSlicesPerCase > 0 ? maxSlicesPerCase : (155 + sliceStep - 1) / sliceStep;
        return healthySlices ? 2 * perKind : perKind;
    }

    /** Whether a label value counts as tumour. */
    public boolean isTumour(int label) {
        return label != 0 && (tumourLabels.isEmpty() || tumourLabels.contains(label));
    }
}
