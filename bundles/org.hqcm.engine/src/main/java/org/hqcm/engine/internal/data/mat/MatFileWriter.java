package org.hqcm.engine.internal.data.mat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.hqcm.model.resource.AtomicFiles;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.checksum.ChecksumUtils;

/**
 * Writes figshare-style MATLAB v7.3 files: jhdf writes the HDF5 part, then the 512-byte MATLAB user block is put
 * in front and the superblock's base address moved to 512 (as MATLAB and {@code h5jam} do), with its checksum
 * recomputed. Arrays are stored column-major like MATLAB's.
 *
 * <p>jhdf writes signed integer types only, so {@code PID} is int16 and {@code tumorMask} int8 here where MATLAB
 * writes uint16 and uint8; the reader accepts both.
 */
public final class MatFileWriter {
    /** Size of the MATLAB user block in front of the HDF5 data. */
    public static final int USER_BLOCK = 512;
    private static final int SUPERBLOCK_BASE_ADDRESS = 12;
    private static final int SUPERBLOCK_V2_CHECKSUMMED = 44;

    private MatFileWriter() {
    }

    /**
     * Writes one figshare record.
     *
     * @param image row-major, {@code rows * cols} values (stored as int16, as figshare's images are)
     * @param mask row-major 0/1 tumour mask, or null to leave {@code tumorMask} out
     * @param label 1 meningioma, 2 glioma, 3 pituitary (any double is written, for tests of bad labels)
     * @param pid the patient id, or null to leave {@code PID} out
     */
    public static void writeFigshare(Path target, short[] image, int rows, int cols, byte[] mask, double label,
            String pid) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".h5.tmp");
        try {
            Files.delete(tmp); // jhdf creates the file itself
            try (WritableHdfFile hdf = HdfFile.write(tmp)) {
                WritableGroup g = hdf.putGroup(FigshareMatReader.GROUP);
                g.putAttribute("MATLAB_class", "struct");
                short[][] img = new short[cols][rows];
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        img[c][r] = image[r * cols + c];
                    }
                }
                g.putDataset("image", img).putAttribute("MATLAB_class", "int16");
                g.putDataset("label", new double[][] {{label}}).putAttribute("MATLAB_class", "double");
                if (pid != null) {
                    short[][] chars = new short[pid.length()][1];
                    for (int i = 0; i < pid.length(); i++) {
                        chars[i][0] = (short) pid.charAt(i);
                    }
                    g.putDataset("PID", chars).putAttribute("MATLAB_class", "char");
                }
                if (mask != null) {
                    byte[][] m = new byte[cols][rows];
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            m[c][r] = mask[r * cols + c] != 0 ? (byte) 1 : 0;
                        }
                    }
                    g.putDataset("tumorMask", m).putAttribute("MATLAB_class", "logical");
                    g.putDataset("tumorBorder", border(mask, rows, cols)).putAttribute("MATLAB_class", "double");
                }
            }
            byte[] hdf5 = Files.readAllBytes(tmp);
            AtomicFiles.write(target, withUserBlock(hdf5));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The 512-byte MATLAB header followed by the HDF5 bytes, with the superblock's base address set to 512. */
    static byte[] withUserBlock(byte[] hdf5) throws IOException {
        int version = hdf5.length > 8 ? hdf5[8] : -1;
        if (version != 2 && version != 3) {
            throw new IOException("expected a version 2 or 3 HDF5 superblock from jhdf, found version " + version);
        }
        byte[] out = new byte[USER_BLOCK + hdf5.length];
        String text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Thu Jan  1 00:00:00 2015 HDF5 schema 1.00 .";
        byte[] header = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), 116);
        Arrays.fill(header, text.length(), 116, (byte) ' ');
        System.arraycopy(header, 0, out, 0, 116);
        Arrays.fill(out, 116, 124, (byte) ' '); // subsystem data offset: unused
        out[124] = 0x00; // version 0x0200, written little endian as MATLAB does
        out[125] = 0x02;
        out[126] = 'I';
        out[127] = 'M';
        System.arraycopy(hdf5, 0, out, USER_BLOCK, hdf5.length);
        ByteBuffer sb = ByteBuffer.wrap(out, USER_BLOCK, SUPERBLOCK_V2_CHECKSUMMED + 4).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        sb.putLong(SUPERBLOCK_BASE_ADDRESS, USER_BLOCK);
        int checksum = ChecksumUtils.checksum(Arrays.copyOfRange(out, USER_BLOCK,
                USER_BLOCK + SUPERBLOCK_V2_CHECKSUMMED));
        sb.putInt(SUPERBLOCK_V2_CHECKSUMMED, checksum);
        return out;
    }

    /** Boundary pixels as figshare's {@code tumorBorder}: a row vector of x1, y1, x2, y2, ... (1-based). */
    private static double[][] border(byte[] mask, int rows, int cols) {
        double[] xy = new double[2 * rows * cols];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (mask[r * cols + c] != 0 && (r == 0 || c == 0 || r == rows - 1 || c == cols - 1
                        || mask[(r - 1) * cols + c] == 0 || mask[(r + 1) * cols + c] == 0
                        || mask[r * cols + c - 1] == 0 || mask[r * cols + c + 1] == 0)) {
                    xy[n++] = c + 1;
                    xy[n++] = r + 1;
                }
            }
        }
        double[][] out = new double[Math.max(n, 1)][1];
        for (int i = 0; i < n; i++) {
            out[i][0] = xy[i];
        }
        return out;
    }
}
