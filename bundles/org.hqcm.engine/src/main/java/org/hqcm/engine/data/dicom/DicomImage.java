package org.hqcm.engine.data.dicom;

/**
 * The first frame of a DICOM image.
 *
 * @param rows rows
 * @param columns columns
 * @param pixels row-major modality values (rescale applied; MONOCHROME1 negated so that bright means high)
 * @param patientId PatientID (0010,0020), or null
 * @param transferSyntaxUid the file's transfer syntax
 */
public record DicomImage(int rows, int columns, float[] pixels, String patientId, String transferSyntaxUid) {
}
