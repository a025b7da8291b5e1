package org.hqcm.engine.internal.data.nifti;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.hqcm.engine.internal.data.PixelLimit;

/**
 * One NIfTI file ({@code .nii}, or gzip-compressed {@code .nii.gz}, told by its first bytes) opened for reading its
 * voxels front to back. Everything the header declares is checked before a voxel is read: the slice against
 * {@code dataset.maxImagePixels}, the 3-D volume against the source's {@code maxVolumeVoxels}, dims 5..7 must be 1 and
 * dim[4] (volumes, MSD's modalities) at most {@link #MAX_VOLUMES}; an uncompressed file must hold the declared bytes.
 * A compressed file is inflated only as far as the declared, checked size (never to its end), and one that ends early
 * is truncated. Memory: one stored slice at a time ({@link #readStoredSlice}), or one 3-D volume
 * ({@link #readVolume}) where slices cannot be streamed.
 *
 * <p>Own reader, not a library: the Java NIfTI readers looked at (niftijio, MIT, reads a file into a
 * {@code double[][][][]}: a 4-D MSD case of 240 x 240 x 155 x 4 takes 286 MB; zorbage-nifti, MIT, on Maven Central,
 * reads into the structures of the zorbage library it needs) neither stream slices nor bound what a {@code .nii.gz}
 * inflates to, the two things a hostile or a 1,251-case folder needs. The format is a fixed header and raw voxels:
 * the reader is 750 lines (header, orientation, types, this file) with its checks.
 */
public final class NiftiFile implements Closeable {
    /** Most 3-D volumes along dim[4]: MSD Task01 has 4 modalities; diffusion series with hundreds are not slices. */
    public static final int MAX_VOLUMES = 64;

    private final Path file;
    private final NiftiHeader header;
    private final AxialOrientation orientation;
    private final InputStream in;
    private final long sliceVoxels;
    private final long volumeVoxels;
    private final long declaredBytes;
    private long dataRead;
    private byte[] buffer = new byte[0];

    private NiftiFile(Path file, NiftiHeader header, InputStream in, long declaredBytes) throws IOException {
        this.file = file;
        this.header = header;
        this.in = in;
        this.sliceVoxels = header.dim(1) * header.dim(2);
        this.volumeVoxels = sliceVoxels * header.dim(3);
        this.declaredBytes = declaredBytes;
        this.orientation = new AxialOrientation(header.affine(), header.dim(1), header.dim(2), header.dim(3));
    }

    /**
     * Opens and checks a file. Messages do not repeat the file's name (the caller's bad-file list names it).
     *
     * @param maxSlicePixels {@code dataset.maxImagePixels}
     * @param maxVolumeVoxels the source's {@code maxVolumeVoxels}
     */
    public static NiftiFile open(Path file, long maxSlicePixels, long maxVolumeVoxels) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            InputStream in;
            try {
                in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            } catch (ZipException e) {
                throw new IOException("is not a readable gzip file (" + e.getMessage() + ")", e);
            }
            byte[] head = new byte[NiftiHeader.READ_BYTES];
            int n = in.readNBytes(head, 0, head.length);
            NiftiHeader h = NiftiHeader.parse(head, n);
            for (int i = 5; i <= 7; i++) {
                if (h.dim(i) != 1) {
                    throw new IOException("declares dims " + h.dims() + ": dim[" + i + "] = " + h.dim(i)
                            + ", expected at most 4 dimensions (x, y, z, volumes)");
                }
            }
            if (h.dim(4) > MAX_VOLUMES) {
                throw new IOException("declares dims " + h.dims() + ": " + h.dim(4) + " volumes along dim[4], expected"
                        + " at most " + MAX_VOLUMES + " (a 3-D scan, or MSD's modalities)");
            }
            PixelLimit.check("dim[1] x dim[2]", h.dim(1), h.dim(2), 1, maxSlicePixels);
            if (h.dim(1) * h.dim(2) * h.type().bytes() > Integer.MAX_VALUE - 8) {
                throw new IOException("declares slices of " + h.dim(1) + " x " + h.dim(2) + " " + h.type()
                        + ", more than 2 GiB each; not read");
            }
            long volume = multiply(multiply(h.dim(1), h.dim(2)), h.dim(3));
            if (volume > maxVolumeVoxels) {
                throw new IOException("declares dims " + h.dims() + " = " + (volume == Long.MAX_VALUE ? "more than 2^63"
                        : String.valueOf(volume)) + " voxels per volume, more than maxVolumeVoxels = " + maxVolumeVoxels
                        + "; not read");
            }
            long bytes = volume * h.dim(4) * h.type().bytes(); // <= 2^28 * 64 * 8: no overflow
            if (!gzip) {
                long size = Files.size(file);
                if (size < h.voxOffset() + bytes) {
                    throw new IOException("is truncated: its header declares " + h.dims() + " " + h.type() + " voxels ("
                            + bytes + " bytes from offset " + h.voxOffset() + "), the file has " + size + " bytes");
                }
            }
            InputStream data;
            if (h.voxOffset() <= n) {
                data = new SequenceInputStream(new ByteArrayInputStream(head, (int) h.voxOffset(),
                        n - (int) h.voxOffset()), in);
            } else {
                long skip = h.voxOffset() - n;
                if (!skipFully(in, skip)) {
                    throw new IOException("is truncated: it ends before its voxels start (vox_offset " + h.voxOffset()
                            + ")");
                }
                data = in;
            }
            return new NiftiFile(file, h, data, bytes);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Skips {@code count} bytes (inflating them when compressed); false when the stream ends first. */
    private static boolean skipFully(InputStream in, long count) throws IOException {
        try {
            in.skipNBytes(count);
            return true;
        } catch (java.io.EOFException e) {
            return false;
        }
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    public Path file() {
        return file;
    }

    public NiftiHeader header() {
        return header;
    }

    public AxialOrientation orientation() {
        return orientation;
    }

    /** Volumes along dim[4] (1 for a 3-D file). */
    public int volumes() {
        return (int) header.dim(4);
    }

    /** Skips whole 3-D volumes (inflating a compressed file as far as they go, no further). */
    public void skipVolumes(int count) throws IOException {
        long bytes = (long) count * volumeVoxels * header.type().bytes();
        if (!skipFully(in, bytes)) {
            throw truncated(dataRead);
        }
        dataRead += bytes;
    }

    /**
     * Inflates or skips what is left of the declared voxels, so that a file cut after the last slice a reader kept is
     * still refused as truncated (reading on costs the rest of the file's inflation: a BraTS T1CE volume's second
     * half; no voxel is kept).
     */
    public void checkComplete() throws IOException {
        long rest = declaredBytes - dataRead;
        if (rest > 0 && !skipFully(in, rest)) {
            throw truncated(dataRead);
        }
        dataRead = declaredBytes;
    }

    /** Reads the next stored slice ({@code dim[1] x dim[2]} voxels, x fastest), scaled by scl_slope/scl_inter. */
    public void readStoredSlice(float[] out) throws IOException {
        read(out, 0, (int) sliceVoxels);
    }

    /** Reads the next whole 3-D volume, scaled: {@code dim[1] x dim[2] x dim[3]} floats. */
    public float[] readVolume() throws IOException {
        float[] v = new float[(int) volumeVoxels];
        for (long off = 0; off < volumeVoxels; off += sliceVoxels) {
            read(v, (int) off, (int) sliceVoxels);
        }
        return v;
    }

    private void read(float[] out, int offset, int count) throws IOException {
        int bytes = count * header.type().bytes();
        if (buffer.length < bytes) {
            buffer = new byte[bytes];
        }
        int got = in.readNBytes(buffer, 0, bytes);
        dataRead += got;
        if (got < bytes) {
            throw truncated(dataRead);
        }
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, bytes).order(header.byteOrder());
        NiftiType t = header.type();
        double slope = header.slope();
        double inter = header.inter();
        for (int i = 0; i < count; i++) {
            out[offset + i] = (float) (t.read(b) * slope + inter);
        }
    }

    private IOException truncated(long at) {
        return new IOException("is truncated: its voxels end after " + at + " of the " + declaredBytes + " bytes its"
                + " header declares (" + header.dims() + " " + header.type() + ")");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
