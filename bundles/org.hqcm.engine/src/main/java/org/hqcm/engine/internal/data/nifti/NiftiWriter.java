package org.hqcm.engine.internal.data.nifti;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongToDoubleFunction;
import java.util.zip.GZIPOutputStream;

/**
 * Writes single-file NIfTI-1 or NIfTI-2 volumes (optionally gzip-compressed) in either byte order, any type of
 * {@link NiftiType}, with scl_slope/scl_inter and an sform or qform: for the tests (files read back in every variant)
 * and {@code hqcm bench volume} (a BraTS-size case). Voxels come from a function of the linear index (x fastest),
 * streamed out, so a writer holds no volume. Values given are the stored ones.
 */
public final class NiftiWriter {
    private int version = 1;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private NiftiType type = NiftiType.FLOAT32;
    private long[] dims = {1, 1, 1};
    private double[] pixdim = {1, 1, 1, 1};
    private double slope;
    private double inter;
    private double[][] sform;
    private double[] qform;
    private int extensionBytes;
    private boolean gzip;

    public NiftiWriter version(int v) {
        if (v != 1 && v != 2) {
            throw new IllegalArgumentException("NIfTI version " + v);
        }
        version = v;
        return this;
    }

    public NiftiWriter order(ByteOrder o) {
        order = o;
        return this;
    }

    public NiftiWriter type(NiftiType t) {
        type = t;
        return this;
    }

    /** dim[1..]: up to 7 sizes (written as they are, even when invalid: the tests write hostile headers too). */
    public NiftiWriter dims(long... d) {
        dims = d.clone();
        return this;
    }

    /** pixdim[0] (qfac), pixdim[1..3]. */
    public NiftiWriter pixdim(double qfac, double dx, double dy, double dz) {
        pixdim = new double[] {qfac, dx, dy, dz};
        return this;
    }

    public NiftiWriter scale(double s, double i) {
        slope = s;
        inter = i;
        return this;
    }

    /** sform_code 1 (scanner) with rows {@code [3][4]}. */
    public NiftiWriter sform(double[][] rows) {
        sform = rows;
        return this;
    }

    /** qform_code 1 with quaternion (b, c, d) and offsets (x, y, z); pixdim[0] is qfac. */
    public NiftiWriter qform(double b, double c, double d, double ox, double oy, double oz) {
        qform = new double[] {b, c, d, ox, oy, oz};
        return this;
    }

    /** Bytes of a (zero-filled, flagged) extension between header and voxels, moving vox_offset. */
    public NiftiWriter extension(int bytes) {
        extensionBytes = bytes;
        return this;
    }

    public NiftiWriter gzip(boolean g) {
        gzip = g;
        return this;
    }

    /** The header as bytes (with the 4 extension-flag bytes and the extension). */
    public byte[] header() {
        int size = version == 1 ? 348 : 540;
        long vox = size + 4 + extensionBytes;
        ByteBuffer b = ByteBuffer.allocate((int) vox).order(order);
        b.putInt(0, size);
        long[] dim = new long[8];
        dim[0] = dims.length;
        for (int i = 0; i < 7; i++) {
            dim[i + 1] = i < dims.length ? dims[i] : 1;
        }
        double[] pd = new double[8];
        System.arraycopy(pixdim, 0, pd, 0, 4);
        if (version == 1) {
            for (int i = 0; i < 8; i++) {
                b.putShort(40 + 2 * i, (short) dim[i]);
                b.putFloat(76 + 4 * i, (float) pd[i]);
            }
            b.putShort(70, (short) type.code());
            b.putShort(72, (short) (8 * type.bytes()));
            b.putFloat(108, vox);
            b.putFloat(112, (float) slope);
            b.putFloat(116, (float) inter);
            b.putShort(252, (short) (qform != null ? 1 : 0));
            b.putShort(254, (short) (sform != null ? 1 : 0));
            for (int i = 0; qform != null && i < 6; i++) {
                b.putFloat(256 + 4 * i, (float) qform[i]);
            }
            for (int r = 0; sform != null && r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    b.putFloat(280 + 16 * r + 4 * c, (float) sform[r][c]);
                }
            }
            b.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        } else {
            b.put(4, new byte[] {'n', '+', '2', 0, '\r', '\n', 0x1A, '\n'});
            b.putShort(12, (short) type.code());
            b.putShort(14, (short) (8 * type.bytes()));
            for (int i = 0; i < 8; i++) {
                b.putLong(16 + 8 * i, dim[i]);
                b.putDouble(104 + 8 * i, pd[i]);
            }
            b.putLong(168, vox);
            b.putDouble(176, slope);
            b.putDouble(184, inter);
            b.putInt(344, qform != null ? 1 : 0);
            b.putInt(348, sform != null ? 1 : 0);
            for (int i = 0; qform != null && i < 6; i++) {
                b.putDouble(352 + 8 * i, qform[i]);
            }
            for (int r = 0; sform != null && r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    b.putDouble(400 + 32 * r + 8 * c, sform[r][c]);
                }
            }
        }
        if (extensionBytes > 0) {
            b.put(size, (byte) 1);
            b.putInt(size + 4, extensionBytes); // esize: the whole extension, a multiple of 16 in real files
            b.putInt(size + 8, 0);
        }
        return b.array();
    }

    /** Writes {@code voxels} stored values (x fastest) given by {@code value}. */
    public void write(Path file, long voxels, LongToDoubleFunction value) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            out.write(header());
            ByteBuffer b = ByteBuffer.allocate(1 << 16).order(order);
            for (long i = 0; i < voxels; i++) {
                if (b.remaining() < 8) {
                    out.write(b.array(), 0, b.position());
                    b.clear();
                }
                type.write(b, value.applyAsDouble(i));
            }
            out.write(b.array(), 0, b.position());
        }
    }

    /** Writes every voxel the dims declare. */
    public void write(Path file, LongToDoubleFunction value) throws IOException {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        write(file, n, value);
    }
}
