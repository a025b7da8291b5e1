package org.hqcm.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.resource.AtomicFiles;

/**
 * Every test image of a run with its tumour mask and the run's attention map T_s, in {@value #FILE}: what the IDE's
 * error drill-down shows for the images of a confusion cell, side by side for several runs, without the data or the
 * network. {@link AttentionExamples} keeps only a few tumour images (and in float64), too few for a drill-down into
 * any cell.
 *
 * <p>Format: a zip with an entry {@code FORMAT} ({@value #FORMAT}), an entry {@code shape} ("count imageSize
 * mapSize", ASCII) and one entry {@code <position>.u8} per test image in evaluation order (the order of
 * predictions.csv): imageSize^2 bytes of the image, imageSize^2 bytes of the mask (0 or 255), mapSize^2 bytes of T_s
 * (mapSize 0 for a network without attention), each value in [0, 1] scaled to 0..255. Eight bits are what a screen
 * shows; the Jaccard numbers come from the float maps before they are written. A 128 px run of 1,137 test images
 * holds 1,137 x (2 x 128^2 + 16^2) bytes = 37 MB before compression (computed); the quickstart's (64 px, 360 test
 * images, 3.0 MB raw) was 1.3 MB, its checkpoint.zip 4.7 MB (measured 2026-12-01, {@code ./hqcm run} of
 * examples/quickstart.hqcm with maxEpochs 1). Entries are read one at a time through the zip's
 * directory, each checked to have exactly the declared size.
 */
public final class TestImages implements AutoCloseable {

    /** The file in a run folder. */
    public static final String FILE = RunFolder.TEST_IMAGES;
    static final String FORMAT = "hqcm-test-images 1";
    /** Larger than any input size the model allows; a larger declared size marks a corrupt file. */
    private static final int MAX_SIZE = 4096;

    /** One test image: pixels, mask and T_s with values in [0, 1]; {@code map} is null without attention. */
    public record Image(int position, float[][] pixels, float[][] mask, float[][] map) {
    }

    private final Path file;
    private final ZipFile zip;
    private final int count;
    private final int imageSize;
    private final int mapSize;

    private TestImages(Path file, ZipFile zip, int count, int imageSize, int mapSize) {
        this.file = file;
        this.zip = zip;
        this.count = count;
        this.imageSize = imageSize;
        this.mapSize = mapSize;
    }

    /**
     * What {@link #write} stores: {@code count} test images (positions as in predictions.csv) of {@code size} x
     * {@code size} pixels with their masks, and T_s of {@code mapSize} x {@code mapSize} each (0: no attention).
     */
    public interface Source {
        int count();

        int size();

        int mapSize();

        /** Pixel {@code p} (row-major) of image {@code i}, in [0, 1]. */
        double pixel(int i, int p);

        /** Whether pixel {@code p} of image {@code i} is tumour in its mask. */
        boolean tumour(int i, int p);

        /** Value {@code p} (row-major) of image {@code i}'s T_s, in [0, 1]. */
        double map(int i, int p);
    }

    /** Writes the test images atomically. */
    public static void write(Path target, Source source) throws IOException {
        int n = source.count();
        int size = n == 0 ? 0 : source.size();
        int fs = source.mapSize();
        AtomicFiles.write(target, out -> {
            ZipOutputStream z = new ZipOutputStream(out);
            z.setLevel(6);
            entry(z, "FORMAT", FORMAT.getBytes(StandardCharsets.US_ASCII));
            entry(z, "shape", (n + " " + size + " " + fs).getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = new byte[2 * size * size + fs * fs];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < size * size; p++) {
                    bytes[p] = u8(source.pixel(i, p));
                    bytes[size * size + p] = (byte) (source.tumour(i, p) ? 255 : 0);
                }
                for (int p = 0; p < fs * fs; p++) {
                    bytes[2 * size * size + p] = u8(source.map(i, p));
                }
                entry(z, i + ".u8", bytes);
            }
            z.finish();
        });
    }

    static void entry(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    static byte u8(double v) {
        return (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** Whether the run folder holds the file (runs made before it existed do not). */
    public static boolean exist(Path runDir) {
        return Files.isRegularFile(runDir.resolve(FILE));
    }

    /** Opens the file of a run folder; a file that is not one gives a BadInputException naming it. */
    public static TestImages open(Path runDir) {
        Path file = new RunFolder(runDir).file(FILE); // not through a link: a run folder's files are its own
        ZipFile zip = null;
        try {
            zip = new ZipFile(file.toFile());
            String format = new String(read(zip, file, "FORMAT", FORMAT.length()), StandardCharsets.US_ASCII);
            if (!format.equals(FORMAT)) {
                throw new BadInputException(file + ": format '" + format + "', expected '" + FORMAT + "'");
            }
            String shape = new String(read(zip, file, "shape", 64), StandardCharsets.US_ASCII).strip();
            String[] f = shape.split(" ");
            int[] v = new int[3];
            try {
                for (int i = 0; i < 3; i++) {
                    v[i] = Integer.parseInt(f[i]);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new BadInputException(file + ": shape '" + shape + "', expected 'count imageSize mapSize'");
            }
            if (f.length != 3 || v[0] < 0 || v[1] < 0 || v[1] > MAX_SIZE || v[2] < 0 || v[2] > MAX_SIZE) {
                throw new BadInputException(file + ": shape '" + shape + "', expected 'count imageSize mapSize' with "
                        + "sizes in [0, " + MAX_SIZE + "]");
            }
            TestImages images = new TestImages(file, zip, v[0], v[1], v[2]);
            zip = null;
            return images;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the test images (" + e.getMessage() + ")", e);
        } finally {
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException e) {
                    // the open failed already; that is what is reported
                }
            }
        }
    }

    /** Number of test images. */
    public int count() {
        return count;
    }

    public int imageSize() {
        return imageSize;
    }

    /** Side of T_s; 0 without attention. */
    public int mapSize() {
        return mapSize;
    }

    /** The image at test position {@code position} (as in predictions.csv). */
    public Image image(int position) {
        if (position < 0 || position >= count) {
            throw new BadInputException(file + ": no test image " + position + ", the run has " + count);
        }
        int s = imageSize;
        int m = mapSize;
        byte[] b;
        try {
            b = read(zip, file, position + ".u8", 2 * s * s + m * m);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read test image " + position + " (" + e.getMessage() + ")", e);
        }
        if (b.length != 2 * s * s + m * m) {
            throw new BadInputException(file + ": test image " + position + " has " + b.length + " bytes, expected "
                    + (2 * s * s + m * m));
        }
        return new Image(position, grid(b, 0, s), grid(b, s * s, s), m == 0 ? null : grid(b, 2 * s * s, m));
    }

    static float[][] grid(byte[] b, int offset, int n) {
        float[][] g = new float[n][n];
        for (int p = 0; p < n * n; p++) {
            g[p / n][p % n] = (b[offset + p] & 0xFF) / 255f;
        }
        return g;
    }

    /** The entry's bytes, at most {@code max}: a longer entry is refused without inflating more than that. */
    static byte[] read(ZipFile zip, Path file, String name, int max) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new BadInputException(file + ": no entry '" + name + "', expected a file of test images");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(max);
            if (in.read() >= 0) {
                throw new BadInputException(file + ": entry '" + name + "' is larger than the " + max
                        + " bytes its shape declares");
            }
            return bytes;
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }
}
