package org.hqcm.engine.internal.data.dicom;

import java.util.List;

/**
 * The frames of a DICOM image.
 *
 * @param rows rows
 * @param columns columns
 * @param frames one array per frame (Number of Frames of them), each row-major modality values (rescale applied;
 *        MONOCHROME1 negated so that bright means high)
 * @param patientId PatientID (0010,0020), or null
 * @param transferSyntaxUid the file's transfer syntax
 */
public record DicomImage(int rows, int columns, List<float[]> frames, String patientId, String transferSyntaxUid) {

    public DicomImage {
        frames = List.copyOf(frames);
    }

    /** The first frame. */
    public float[] pixels() {
        return frames.get(0);
    }
}
