package org.hqcm.engine.internal.data.mat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.PixelLimit;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.SafePaths;
import org.hqcm.engine.internal.data.SourceReader;
import org.hqcm.engine.internal.data.TumourClass;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;

/**
 * Reads the figshare brain-tumour dataset's {@code .mat} files (every {@code *.mat} under the root, or the one file
 * the root names). Every dataset's declared size is checked before its data is read: the image against the pixel
 * limit, the label, patient id and mask against what they hold (1 value, a short text, the image's size).
 */
public final class FigshareMatReader implements SourceReader {
    static final String GROUP = "cjdata";
    /** Longest patient id read (figshare's are a few characters). */
    static final int MAX_PID_CHARACTERS = 256;

    static {
        BoundedDeflate.install();
    }

    private final Path realRoot;
    private final Path single;
    private final long maxPixels;

    /** A reader of {@code root} with the default pixel limit ({@link LoadOptions#DEFAULT_MAX_IMAGE_PIXELS}). */
    public FigshareMatReader(Path root) {
        this(root, LoadOptions.DEFAULT_MAX_IMAGE_PIXELS);
    }

    /** A reader of {@code root} (a folder, or one .mat file) refusing images of more than {@code maxPixels} pixels. */
    public FigshareMatReader(Path root, long maxPixels) {
        if (Files.isRegularFile(root)) {
            Path parent = root.toAbsolutePath().getParent();
            this.realRoot = SafePaths.realRoot(parent, "folder of the figshare .mat file");
            this.single = root.toAbsolutePath();
        } else {
            this.realRoot = SafePaths.realRoot(root, "figshare .mat folder");
            this.single = null;
        }
        this.maxPixels = maxPixels;
    }

    @Override
    public List<Path> files(List<BadFile> refused) throws IOException {
        if (single != null) {
            return List.of(single);
        }
        return SafePaths.walk(realRoot, realRoot, p -> SafePaths.lowerName(p).endsWith(".mat"), refused);
    }

    @Override
    public RawImage read(Path file) throws IOException {
        SafePaths.requireInside(realRoot, file);
        return readFile(file, maxPixels);
    }

    /** Reads one figshare {@code .mat} file with the default pixel limit. */
    public static RawImage readFile(Path file) throws IOException {
        return readFile(file, LoadOptions.DEFAULT_MAX_IMAGE_PIXELS);
    }

    /** Reads one figshare {@code .mat} file whose image has at most {@code maxPixels} pixels. */
    public static RawImage readFile(Path file, long maxPixels) throws IOException {
        checkNotOldMat(file);
        try (HdfFile hdf = new HdfFile(file); BoundedDeflate.Scope bound = BoundedDeflate.limit(8 * maxPixels)) {
            Dataset image = dataset(hdf, "image", true);
            int[] dims = image.getDimensions();
            if (dims.length != 2) {
                throw new IOException(GROUP + "/image has " + dims.length + " dimensions, expected 2");
            }
            // MATLAB is column-major: HDF5 dims are [columns, rows]
            int width = dims[0];
            int height = dims[1];
            PixelLimit.check(GROUP + "/image columns x rows", width, height, 1, maxPixels);
            float[] pixels = transpose(Numbers.toFloats(image.getDataFlat(), GROUP + "/image"), width, height);

            Dataset labelSet = dataset(hdf, "label", true);
            if (labelSet.getSize() != 1) {
                throw new IOException(GROUP + "/label has " + labelSet.getSize() + " values, expected 1");
            }
            float[] labelValues = Numbers.toFloats(labelSet.getDataFlat(), GROUP + "/label");
            if (labelValues.length != 1) {
                throw new IOException(GROUP + "/label has " + labelValues.length + " values, expected 1");
            }
            float label = labelValues[0];
            if (label != 1 && label != 2 && label != 3) {
                throw new IOException(GROUP + "/label is " + label + ", expected 1 (meningioma), 2 (glioma) or 3 (pituitary)");
            }
            TumourClass cls = TumourClass.ofLabel((int) label);

            String pid = null;
            Dataset pidSet = dataset(hdf, "PID", false);
            if (pidSet != null && pidSet.getSize() > MAX_PID_CHARACTERS) {
                throw new IOException(GROUP + "/PID has " + pidSet.getSize() + " values, expected a patient id of at"
                        + " most " + MAX_PID_CHARACTERS + " characters");
            }
            if (pidSet != null) {
                float[] chars = Numbers.toFloats(pidSet.getDataFlat(), GROUP + "/PID");
                StringBuilder sb = new StringBuilder(chars.length);
                for (float c : chars) {
                    if (c > 0) {
                        sb.append((char) (int) c);
                    }
                }
                pid = sb.toString().trim();
                if (pid.isEmpty()) {
                    pid = null;
                }
            }

            byte[] mask = null;
            Dataset maskSet = dataset(hdf, "tumorMask", false);
            if (maskSet != null) {
                int[] md = maskSet.getDimensions();
                if (md.length != 2 || md[0] != width || md[1] != height) {
                    throw new IOException(GROUP + "/tumorMask is " + java.util.Arrays.toString(md)
                            + ", expected the image's dimensions [" + width + ", " + height + "]");
                }
                float[] m = transpose(Numbers.toFloats(maskSet.getDataFlat(), GROUP + "/tumorMask"), width, height);
                mask = new byte[m.length];
                for (int i = 0; i < m.length; i++) {
                    mask[i] = m[i] != 0 ? (byte) 1 : 0;
                }
            }
            return new RawImage(width, height, pixels, mask, cls, pid, file, GivenSplit.NONE);
        } catch (RuntimeException e) {
            // jhdf reports corrupt or unexpected files with unchecked exceptions
            throw new IOException("not a readable MATLAB v7.3 (HDF5) file: " + messageOf(e), e);
        } catch (LinkageError e) {
            // the LZ4 codec is left out on purpose (MATLAB never uses it; the library had advisories)
            throw new IOException("uses an HDF5 compression filter this reader does not include (" + e.getMessage()
                    + "); MATLAB v7.3 files use gzip, which is supported", e);
        }
    }

    private static String messageOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static Dataset dataset(HdfFile hdf, String name, boolean required) throws IOException {
        Node group = hdf.getChildren().get(GROUP);
        if (group == null || !group.isGroup()) {
            throw new IOException("no group '" + GROUP + "' (expected a figshare brain-tumour .mat file)");
        }
        Node node = ((io.jhdf.api.Group) group).getChildren().get(name);
        if (node == null) {
            if (required) {
                throw new IOException("no dataset '" + GROUP + "/" + name + "'");
            }
            return null;
        }
        if (!(node instanceof Dataset ds)) {
            throw new IOException("'" + GROUP + "/" + name + "' is not a dataset");
        }
        return ds;
    }

    /** HDF5 [columns][rows] data to a row-major image of {@code width} columns and {@code height} rows. */
    static float[] transpose(float[] colMajor, int width, int height) {
        float[] out = new float[width * height];
        final int tile = 32; // tiles keep both sides in cache: a 512 x 512 transpose is not a cache-miss per pixel
        for (int c0 = 0; c0 < width; c0 += tile) {
            int c1 = Math.min(width, c0 + tile);
            for (int r0 = 0; r0 < height; r0 += tile) {
                int r1 = Math.min(height, r0 + tile);
                for (int c = c0; c < c1; c++) {
                    int base = c * height;
                    for (int r = r0; r < r1; r++) {
                        out[r * width + c] = colMajor[base + r];
                    }
                }
            }
        }
        return out;
    }

    /** A MATLAB v5/v7 file has no HDF5 signature; say so instead of a generic HDF5 error. */
    private static void checkNotOldMat(Path file) throws IOException {
        byte[] head = new byte[520];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, Math.min(n, 116), StandardCharsets.ISO_8859_1);
        boolean hdfAt0 = n >= 8 && head[0] == (byte) 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F';
        boolean hdfAt512 = n >= 516 && head[512] == (byte) 0x89 && head[513] == 'H' && head[514] == 'D'
                && head[515] == 'F';
        if (!hdfAt0 && !hdfAt512 && text.startsWith("MATLAB 5.0 MAT-file")) {
            throw new IOException("MATLAB v5/v7 .mat file (not v7.3/HDF5): re-save it in MATLAB with "
                    + "save(..., '-v7.3'), or export the images as PNG");
        }
        if (n < 8) {
            throw new IOException("file is empty or truncated (" + n + " bytes)");
        }
    }
}
