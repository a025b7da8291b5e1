package org.hqcm.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.ExplanationMethod;

/**
 * The explanation maps of a run's explained test images, in {@value #FILE}: for each image every method's map as it
 * was scored (on the mask grid, min-max normalised to [0, 1]), 8 bits per value, so galleries and the IDE's
 * drill-down show exactly what the scores measured, without the network. The images and masks themselves are in
 * {@link TestImages}.
 *
 * <p>Format: a zip with {@code FORMAT} ({@value #FORMAT}), {@code methods} (the methods' literal names in the order
 * of the maps, space-separated, ASCII), {@code shape} ("count imageSize") and one entry {@code <position>.u8} per
 * explained image (its test position, as in predictions.csv) holding imageSize^2 bytes per method. 64 images of 64 px
 * with four methods are 1 MB before compression. Entries are read one at a time, each checked to have exactly its
 * declared size.
 */
public final class ExplanationMaps implements AutoCloseable {

    public static final String FILE = "explanation-maps.zip";
    static final String FORMAT = "hqcm-explanation-maps 1";
    private static final int MAX_SIZE = 4096;

    private final Path file;
    private final ZipFile zip;
    private final List<ExplanationMethod> methods;
    private final int count;
    private final int imageSize;

    private ExplanationMaps(Path file, ZipFile zip, List<ExplanationMethod> methods, int count, int imageSize) {
        this.file = file;
        this.zip = zip;
        this.methods = methods;
        this.count = count;
        this.imageSize = imageSize;
    }

    /** Writes what a {@link Writer} is given, atomically; {@code body} adds the images. */
    public static void write(Path target, List<ExplanationMethod> methods, int imageSize, WriterBody body) throws IOException {
        org.hqcm.model.resource.AtomicFiles.write(target, out -> {
            ZipOutputStream z = new ZipOutputStream(out);
            z.setLevel(6);
            TestImages.entry(z, "FORMAT", FORMAT.getBytes(StandardCharsets.US_ASCII));
            TestImages.entry(z, "methods", String.join(" ", methods.stream().map(Enum::name).toList())
                    .getBytes(StandardCharsets.US_ASCII));
            Writer w = new Writer(z, methods.size(), imageSize);
            body.write(w);
            TestImages.entry(z, "shape", (w.count + " " + imageSize).getBytes(StandardCharsets.US_ASCII));
            z.finish();
        });
    }

    /** What {@link #write} hands its body: one call of {@link #add} per explained image. */
    public interface WriterBody {
        void write(Writer w) throws IOException;
    }

    /** Adds images to the file being written. */
    public static final class Writer {
        private final ZipOutputStream zip;
        private final int methods;
        private final int size;
        private int count;

        private Writer(ZipOutputStream zip, int methods, int size) {
            this.zip = zip;
            this.methods = methods;
            this.size = size;
        }

        /** The maps of the image at test position {@code position}, one per method in order, each size x size in [0, 1]. */
        public void add(int position, List<float[][]> maps) throws IOException {
            if (maps.size() != methods) {
                throw new IllegalArgumentException(maps.size() + " maps for " + methods + " methods");
            }
            byte[] bytes = new byte[methods * size * size];
            for (int m = 0; m < methods; m++) {
                float[][] g = maps.get(m);
                for (int p = 0; p < size * size; p++) {
                    bytes[m * size * size + p] = TestImages.u8(g[p / size][p % size]);
                }
            }
            TestImages.entry(zip, position + ".u8", bytes);
            count++;
        }
    }

    /**
     * How reports, comparisons and the IDE name a method : the same in every run,
     * so that runs pair by it.
     */
    public static String label(ExplanationMethod m) {
        return switch (m) {
            case ATTENTION -> "T_s";
            case GRAD_CAM -> "Grad-CAM";
            case GRAD_CAM_ATTENDED -> "Grad-CAM on F*(1+T_s)";
            case OCCLUSION -> "occlusion";
        };
    }

    /** Whether the run folder holds the file (runs made before issue 17, or without tumour test images, do not). */
    public static boolean exist(Path runDir) {
        return Files.isRegularFile(runDir.resolve(FILE));
    }

    /** Opens the file of a run folder; a file that is not one gives a BadInputException naming it. */
    public static ExplanationMaps open(Path runDir) {
        Path file = runDir.resolve(FILE);
        ZipFile zip = null;
        try {
            zip = new ZipFile(file.toFile());
            String format = new String(TestImages.read(zip, file, "FORMAT", FORMAT.length()), StandardCharsets.US_ASCII);
            if (!format.equals(FORMAT)) {
                throw new BadInputException(file + ": format '" + format + "', expected '" + FORMAT + "'");
            }
            String names = new String(TestImages.read(zip, file, "methods", 256), StandardCharsets.US_ASCII).strip();
            List<ExplanationMethod> methods = new ArrayList<>();
            for (String n : names.split(" ")) {
                ExplanationMethod m = ExplanationMethod.get(n);
                if (m == null || methods.contains(m)) {
                    throw new BadInputException(file + ": methods '" + names + "', expected distinct names of "
                            + ExplanationMethod.VALUES);
                }
                methods.add(m);
            }
            String shape = new String(TestImages.read(zip, file, "shape", 64), StandardCharsets.US_ASCII).strip();
            String[] f = shape.split(" ");
            int count;
            int size;
            try {
                count = Integer.parseInt(f[0]);
                size = Integer.parseInt(f[1]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new BadInputException(file + ": shape '" + shape + "', expected 'count imageSize'");
            }
            if (f.length != 2 || count < 0 || size < 1 || size > MAX_SIZE) {
                throw new BadInputException(file + ": shape '" + shape + "', expected 'count imageSize' with a size in [1, "
                        + MAX_SIZE + "]");
            }
            ExplanationMaps maps = new ExplanationMaps(file, zip, List.copyOf(methods), count, size);
            zip = null;
            return maps;
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the explanation maps (" + e.getMessage() + ")", e);
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

    public List<ExplanationMethod> methods() {
        return methods;
    }

    /** Number of explained images. */
    public int count() {
        return count;
    }

    public int imageSize() {
        return imageSize;
    }

    /** Whether the image at test position {@code position} was explained. */
    public boolean has(int position) {
        return zip.getEntry(position + ".u8") != null;
    }

    /** The maps of the image at test position {@code position} by method, in [0, 1]; empty when it was not explained. */
    public Map<ExplanationMethod, float[][]> maps(int position) {
        Map<ExplanationMethod, float[][]> out = new LinkedHashMap<>();
        if (!has(position)) {
            return out;
        }
        int s = imageSize;
        int expected = methods.size() * s * s;
        byte[] b;
        try {
            b = TestImages.read(zip, file, position + ".u8", expected);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the maps of test image " + position + " (" + e.getMessage()
                    + ")", e);
        }
        if (b.length != expected) {
            throw new BadInputException(file + ": test image " + position + " has " + b.length + " bytes, expected "
                    + expected);
        }
        for (int m = 0; m < methods.size(); m++) {
            out.put(methods.get(m), TestImages.grid(b, m * s * s, s));
        }
        return out;
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
