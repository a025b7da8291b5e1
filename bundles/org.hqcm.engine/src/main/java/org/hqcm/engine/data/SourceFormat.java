package org.hqcm.engine.data;

/** The kinds of dataset source; mirrors the experiment model's source kind. */
public enum SourceFormat {
    /** The built-in brain-MRI phantom: nothing to download. */
    SYNTHETIC,
    /** figshare brain-tumour dataset: MATLAB v7.3 {@code .mat} files with a {@code cjdata} group. */
    FIGSHARE_MAT,
    /** {@code ROOT/<class>/*.png|jpg|jpeg}, optionally under {@code Training/} and {@code Testing/}. */
    IMAGE_FOLDER,
    /** DICOM Part-10 files in class folders. */
    DICOM
}
