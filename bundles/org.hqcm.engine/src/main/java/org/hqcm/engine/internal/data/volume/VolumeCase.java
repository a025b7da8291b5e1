package org.hqcm.engine.internal.data.volume;

import java.nio.file.Path;

/**
 * One case (one patient) of a volume source.
 *
 * @param id the patient id: the BraTS case folder's name, the MSD file's name without {@code .nii.gz}
 * @param image the NIfTI file holding the modality
 * @param volumeIndex which 3-D volume of {@code image} along dim[4] (0 for BraTS; the modality for MSD)
 * @param labels the segmentation volume
 */
public record VolumeCase(String id, Path image, int volumeIndex, Path labels) {
}
