package org.hqcm.engine.internal.data.dicom;

/** DICOM files for tests outside this package (the writer itself is package-private). */
public final class DicomFiles {

    private DicomFiles() {
    }

    /** A native explicit-little-endian file of {@code frames} 16-bit frames, each a different ramp, no PatientID. */
    public static byte[] multiFrame16(int frames, int rows, int cols) {
        int[] v = new int[frames * rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % (rows * cols)) * (1 + i / (rows * cols));
        }
        return new DicomTestWriter(DicomTestWriter.EXPLICIT_LE).text(0x00280008, "IS", String.valueOf(frames))
                .image(rows, cols, 16, 16, false, "MONOCHROME2").pixels16(v).bytes();
    }
}
