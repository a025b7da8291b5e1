package org.hqcm.engine.internal.data.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A NIfTI-1 (348 bytes) or NIfTI-2 (540 bytes) header of a single-file {@code .nii}, in either byte order, checked as
 * it is parsed: the size field, the magic, dims (1..7 of them, each >= 1), a data type this reader takes with its
 * matching bitpix, the voxel offset, and a voxel-to-world affine (sform, else qform, else the pixel sizes: the
 * standard's "method 1"). Nothing is sized from the header before {@link NiftiFile} has checked it against its
 * limits, so a header's sizes are only numbers here (longs, overflow checked).
 */
public final class NiftiHeader {
    /** Extensions and padding before the voxels are skipped; more than this is refused (inia19's are 32 KB). */
    public static final long MAX_VOX_OFFSET = 1L << 24;

    private final int version;
    private final ByteOrder order;
    private final long[] dim;
    private final NiftiType type;
    private final long voxOffset;
    private final double slope;
    private final double inter;
    private final double[][] affine;
    private final String affineSource;

    private NiftiHeader(int version, ByteOrder order, long[] dim, NiftiType type, long voxOffset, double slope,
            double inter, double[][] affine, String affineSource) {
        this.version = version;
        this.order = order;
        this.dim = dim;
        this.type = type;
        this.voxOffset = voxOffset;
        this.slope = slope;
        this.inter = inter;
        this.affine = affine;
        this.affineSource = affineSource;
    }

    /** Bytes to read for the header: enough for either version. */
    static final int READ_BYTES = 540;

    /**
     * Parses the first {@code n} bytes of a file.
     *
     * @throws IOException naming the field, its value and what was expected
     */
    static NiftiHeader parse(byte[] head, int n) throws IOException {
        if (n < 348) {
            throw new IOException("has " + n + " bytes, fewer than a NIfTI-1 header (348); not a NIfTI file");
        }
        ByteBuffer b = ByteBuffer.wrap(head, 0, n);
        int version = 0;
        ByteOrder order = null;
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int size = b.order(o).getInt(0);
            if (size == 348 || size == 540) {
                version = size == 348 ? 1 : 2;
                order = o;
                break;
            }
        }
        if (order == null) {
            throw new IOException("sizeof_hdr is " + b.order(ByteOrder.LITTLE_ENDIAN).getInt(0) + " (little-endian), "
                    + "expected 348 (NIfTI-1) or 540 (NIfTI-2) in either byte order; not a NIfTI file");
        }
        b.order(order);
        return version == 1 ? parse1(b, order) : parse2(b, n, order);
    }

    private static NiftiHeader parse1(ByteBuffer b, ByteOrder order) throws IOException {
        String magic = ascii(b, 344, 4);
        if (magic.equals("ni1")) {
            throw new IOException("magic is 'ni1': the header of a .hdr/.img pair; expected a single-file .nii (n+1)");
        }
        if (!magic.equals("n+1")) {
            throw new IOException("magic is '" + printable(magic) + "', expected 'n+1' (NIfTI-1 single file)");
        }
        long[] dim = new long[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
        }
        int datatype = b.getShort(70);
        int bitpix = b.getShort(72);
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        float vox = b.getFloat(108);
        if (!(vox >= 348 && vox <= MAX_VOX_OFFSET) || vox != Math.rint(vox)) {
            throw new IOException("vox_offset is " + vox + ", expected a whole number of bytes in [348, "
                    + MAX_VOX_OFFSET + "]");
        }
        double slope = b.getFloat(112);
        double inter = b.getFloat(116);
        int qformCode = b.getShort(252);
        int sformCode = b.getShort(254);
        double[] quat = {b.getFloat(256), b.getFloat(260), b.getFloat(264), b.getFloat(268), b.getFloat(272),
            b.getFloat(276)};
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
            }
        }
        return build(1, order, dim, datatype, bitpix, pixdim, (long) vox, slope, inter, qformCode, sformCode, quat,
                srow);
    }

    private static NiftiHeader parse2(ByteBuffer b, int n, ByteOrder order) throws IOException {
        if (n < 540) {
            throw new IOException("has " + n + " bytes, fewer than its NIfTI-2 header (540)");
        }
        byte[] magic = new byte[8];
        b.get(4, magic);
        if (!Arrays.equals(magic, new byte[] {'n', '+', '2', 0, '\r', '\n', 0x1A, '\n'})) {
            String m = printable(new String(magic, 0, 3, StandardCharsets.ISO_8859_1));
            throw new IOException(m.equals("ni2") ? "magic is 'ni2': the header of a .hdr/.img pair; expected a"
                    + " single-file .nii (n+2)" : "magic is '" + m + "...', expected 'n+2' with its 4 check bytes"
                    + " (NIfTI-2 single file)");
        }
        int datatype = b.getShort(12);
        int bitpix = b.getShort(14);
        long[] dim = new long[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
        }
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        long vox = b.getLong(168);
        if (vox < 540 || vox > MAX_VOX_OFFSET) {
            throw new IOException("vox_offset is " + vox + ", expected [540, " + MAX_VOX_OFFSET + "] bytes");
        }
        double slope = b.getDouble(176);
        double inter = b.getDouble(184);
        int qformCode = b.getInt(344);
        int sformCode = b.getInt(348);
        double[] quat = new double[6];
        for (int i = 0; i < 6; i++) {
            quat[i] = b.getDouble(352 + 8 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
            }
        }
        return build(2, order, dim, datatype, bitpix, pixdim, vox, slope, inter, qformCode, sformCode, quat, srow);
    }

    private static NiftiHeader build(int version, ByteOrder order, long[] dim, int datatype, int bitpix,
            double[] pixdim, long vox, double slope, double inter, int qformCode, int sformCode, double[] quat,
            double[][] srow) throws IOException {
        if (dim[0] < 1 || dim[0] > 7) {
            throw new IOException("dim[0] is " + dim[0] + ", expected 1..7 dimensions");
        }
        long[] d = new long[8];
        d[0] = dim[0];
        for (int i = 1; i < 8; i++) {
            if (i <= dim[0] && dim[i] < 1) {
                throw new IOException("dim[" + i + "] is " + dim[i] + ", expected >= 1 (dims "
                        + Arrays.toString(Arrays.copyOfRange(dim, 1, (int) dim[0] + 1)) + ")");
            }
            d[i] = i <= dim[0] ? dim[i] : 1;
        }
        NiftiType type = NiftiType.of(datatype);
        if (type == null) {
            throw new IOException("datatype is " + datatype + ", expected one of the real scalar types "
                    + "(2 uint8, 4 int16, 8 int32, 16 float32, 64 float64, 256 int8, 512 uint16, 768 uint32, "
                    + "1024 int64, 1280 uint64); complex and RGB volumes are not read");
        }
        if (bitpix != 8 * type.bytes()) {
            throw new IOException("bitpix is " + bitpix + " for datatype " + datatype + " (" + type + "), expected "
                    + 8 * type.bytes());
        }
        // the standard: scl_slope 0 (or not finite) means the stored values are the values
        if (slope == 0 || !Double.isFinite(slope) || !Double.isFinite(inter)) {
            slope = 1;
            inter = 0;
        }
        double[][] affine;
        String source;
        if (sformCode > 0) {
            affine = srow;
            source = "sform";
        } else if (qformCode > 0) {
            affine = quaternion(quat, pixdim);
            source = "qform";
        } else {
            affine = new double[][] {{pixdim[1], 0, 0, 0}, {0, pixdim[2], 0, 0}, {0, 0, pixdim[3], 0}};
            source = "pixdim (no qform or sform)";
        }
        for (double[] row : affine) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IOException("the " + source + " affine has a non-finite entry " + v);
                }
            }
        }
        return new NiftiHeader(version, order, d, type, vox, slope, inter, affine, source);
    }

    /** The qform affine: rotation from the quaternion (b, c, d), voxel sizes, qfac = sign of pixdim[0], offsets. */
    private static double[][] quaternion(double[] q, double[] pixdim) {
        double b = q[0];
        double c = q[1];
        double d = q[2];
        double a2 = 1 - (b * b + c * c + d * d);
        double a;
        if (a2 < 1e-7) { // a 180-degree rotation: (b, c, d) is (nearly) a unit vector, as nifti1_io makes it
            double s = 1 / Math.sqrt(b * b + c * c + d * d);
            b *= s;
            c *= s;
            d *= s;
            a = 0;
        } else {
            a = Math.sqrt(a2);
        }
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
        double qfac = pixdim[0] < 0 ? -1 : 1;
        double[] scale = {pixdim[1], pixdim[2], qfac * pixdim[3]};
        double[][] m = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = r[i][j] * scale[j];
            }
            m[i][3] = q[3 + i];
        }
        return m;
    }

    private static String ascii(ByteBuffer b, int at, int len) {
        byte[] s = new byte[len];
        b.get(at, s);
        int end = 0;
        while (end < len && s[end] != 0) {
            end++;
        }
        return new String(s, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            sb.append(ch >= 32 && ch < 127 ? String.valueOf(ch) : String.format(Locale.ROOT, "\\x%02x", (int) ch));
        }
        return sb.toString();
    }

    /** 1 or 2. */
    public int version() {
        return version;
    }

    public ByteOrder byteOrder() {
        return order;
    }

    /** Size along voxel axis {@code i} (1..7; 1 beyond the header's dim[0]). */
    public long dim(int i) {
        return dim[i];
    }

    /** dim[1..dim[0]] as text, e.g. "240 x 240 x 155". */
    public String dims() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= dim[0]; i++) {
            sb.append(i == 1 ? "" : " x ").append(dim[i]);
        }
        return sb.toString();
    }

    public NiftiType type() {
        return type;
    }

    /** Where the voxels start. */
    public long voxOffset() {
        return voxOffset;
    }

    /** scl_slope (1 when the header's is 0: no scaling). */
    public double slope() {
        return slope;
    }

    public double inter() {
        return inter;
    }

    /** Voxel (i, j, k) to world (RAS+, mm): 3 rows of 4. A copy. */
    public double[][] affine() {
        return new double[][] {affine[0].clone(), affine[1].clone(), affine[2].clone()};
    }

    /** "sform", "qform" or the fallback. */
    public String affineSource() {
        return affineSource;
    }
}
