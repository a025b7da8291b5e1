package org.hqcm.engine.internal.data;

/** The kinds of dataset source; mirrors the experiment model's source kind. */
public enum SourceFormat {
    /** The built-in brain-MRI phantom: nothing to download. */
    SYNTHETIC,
    /** figshare brain-tumour dataset: MATLAB v7.3 {@code .mat} files with a {@code cjdata} group. */
    FIGSHARE_MAT,
    /** {@code ROOT/<class>/*.png|jpg|jpeg}, optionally under {@code Training/} and {@code Testing/}. */
    IMAGE_FOLDER,
    /** DICOM Part-10 files in class folders. */
    DICOM,
    /** NIfTI volumes in the BraTS layout: a folder per case with *_t1, *_t1ce, *_t2, *_flair and *_seg volumes. */
    BRATS,
    /** NIfTI volumes in the MSD Task01 layout: imagesTr/CASE.nii.gz (4-D, modalities last) and labelsTr/CASE.nii.gz. */
    MSD_TASK01;

    /** Whether the source holds NIfTI volumes cut into axial slices ({@link SourceSpec#volume()} says how). */
    public boolean isVolume() {
        return this == BRATS || this == MSD_TASK01;
    }
}
