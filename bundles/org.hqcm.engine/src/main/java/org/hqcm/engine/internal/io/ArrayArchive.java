package org.hqcm.engine.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.resource.AtomicFiles;

/**
 * Named arrays of doubles in a zip file: one entry per array, little-endian float64, plus a format marker.
 * Checkpoints and trained models use it; nothing is deserialized as objects, so a hostile file can at worst be
 * rejected. Written atomically.
 */
public final class ArrayArchive {

    private static final String MARKER = "FORMAT";
    private static final String FORMAT = "hqcm-arrays 1";
    private static final String SUFFIX = ".f64";

    private ArrayArchive() {
    }

    /** Writes the arrays (in map order) to {@code file} atomically. */
    public static void write(Path file, Map<String, double[]> arrays) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(1);
            zip.putNextEntry(new ZipEntry(MARKER));
            zip.write(FORMAT.getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            for (Map.Entry<String, double[]> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + SUFFIX));
                ByteBuffer buf = ByteBuffer.allocate(e.getValue().length * 8).order(ByteOrder.LITTLE_ENDIAN);
                buf.asDoubleBuffer().put(e.getValue());
                zip.write(buf.array());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * What an archive may hold, checked before anything is inflated: the most values of each entry by name (a name
     * the function does not know, -1, is refused), and the most values and entries in all. Built from the shape of
     * the network the archive belongs to, so that a zip bomb (a small file declaring, or inflating to, gigabytes) is
     * refused naming the entry instead of filling the heap.
     */
    public record Limits(ToLongFunction<String> maxValues, long maxTotalValues, int maxEntries) {

        /** Exactly the arrays of {@code template}: the same names, at most their lengths. */
        public static Limits of(Map<String, double[]> template) {
            Map<String, Long> lengths = new HashMap<>();
            long total = 0;
            for (Map.Entry<String, double[]> e : template.entrySet()) {
                lengths.put(e.getKey(), (long) e.getValue().length);
                total += e.getValue().length;
            }
            return new Limits(name -> lengths.getOrDefault(name, -1L), total, lengths.size());
        }

        /** Any names, for archives of no fixed shape: {@value #ANY_VALUES} values and 100,000 entries at most. */
        public static Limits any() {
            return new Limits(name -> ANY_VALUES, ANY_VALUES, 100_000);
        }

        /** At most this many bytes of file: the values, a little per entry, and the deflate format's own overhead. */
        long maxFileBytes() {
            return maxTotalValues * 8 + maxTotalValues / 100 + (maxEntries + 1) * 1024L + (1 << 20);
        }
    }

    /** {@link Limits#any()}: 2^25 values (256 MB). */
    public static final long ANY_VALUES = 1L << 25;

    /** Reads every array of {@code file} within {@link Limits#any()}; prefer {@link #read(Path, Limits)}. */
    public static Map<String, double[]> read(Path file) {
        return read(file, Limits.any());
    }

    /**
     * Reads every array of {@code file}; a file that is not such an archive, or holds more than {@code limits}
     * allow (by its declared sizes, or by what its entries actually inflate to), gives a BadInputException naming
     * the file and the entry. At most the declared bytes of an entry (and one more) are ever inflated.
     */
    public static Map<String, double[]> read(Path file, Limits limits) {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        boolean marked = false;
        long fileBytes;
        try {
            fileBytes = Files.size(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the array archive (" + e.getMessage() + ")", e);
        }
        if (fileBytes > limits.maxFileBytes()) {
            throw new BadInputException(file + ": " + fileBytes + " bytes, more than an archive of the expected arrays ("
                    + limits.maxTotalValues() + " values) can take; not read");
        }
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries() + 1) {
                throw new BadInputException(file + ": " + zip.size() + " entries, more than the " + (limits.maxEntries() + 1)
                        + " expected; not read");
            }
            for (var it = zip.entries(); it.hasMoreElements();) {
                ZipEntry e = it.nextElement();
                String name = e.getName();
                if (name.equals(MARKER)) {
                    byte[] bytes = readEntry(zip, e, FORMAT.length(), file);
                    marked = FORMAT.equals(new String(bytes, StandardCharsets.US_ASCII));
                    continue;
                }
                if (!name.endsWith(SUFFIX)) {
                    throw new BadInputException(file + ": entry " + name
                            + " is not an array of float64 values (expected NAME" + SUFFIX + ", a multiple of 8 bytes)");
                }
                String array = name.substring(0, name.length() - SUFFIX.length());
                long max = limits.maxValues().applyAsLong(array);
                if (max < 0) {
                    throw new BadInputException(file + ": entry " + name + " is not an array this file holds; not read");
                }
                byte[] bytes = readEntry(zip, e, max * 8, file);
                if (bytes.length % 8 != 0) {
                    throw new BadInputException(file + ": entry " + name
                            + " is not an array of float64 values (expected NAME" + SUFFIX + ", a multiple of 8 bytes)");
                }
                total += bytes.length / 8;
                if (total > limits.maxTotalValues()) {
                    throw new BadInputException(file + ": its arrays hold more than the " + limits.maxTotalValues()
                            + " values expected in all (at entry " + name + ")");
                }
                double[] values = new double[bytes.length / 8];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
                arrays.put(array, values);
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the array archive (" + e.getMessage() + ")", e);
        }
        if (!marked) {
            throw new BadInputException(file + ": not an HQCM array archive (expected a zip with entry " + MARKER
                    + " = '" + FORMAT + "')");
        }
        return arrays;
    }

    /**
     * The bytes of one entry: its declared size (from the central directory) must be within {@code maxBytes}, and
     * at most that many bytes plus one are inflated, so an entry that inflates to more than it declares is caught
     * without inflating the rest.
     */
    private static byte[] readEntry(ZipFile zip, ZipEntry e, long maxBytes, Path file) throws IOException {
        long declared = e.getSize();
        if (declared < 0 || declared > maxBytes || declared > Integer.MAX_VALUE - 8) {
            throw new BadInputException(file + ": entry " + e.getName() + " declares " + declared + " bytes; at most "
                    + maxBytes + " are expected (" + maxBytes / 8 + " values for the network's shape); not read");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) declared);
            if (bytes.length != declared || in.read() >= 0) {
                throw new BadInputException(file + ": entry " + e.getName() + " holds " + (bytes.length == declared
                        ? "more" : "fewer") + " bytes than the " + declared + " it declares; not read");
            }
            return bytes;
        }
    }

    /** A scalar stored as a one-element array. */
    public static double scalar(Map<String, double[]> arrays, String name, Path file) {
        double[] v = arrays.get(name);
        if (v == null || v.length != 1) {
            throw new BadInputException(file + ": expected a scalar '" + name + "', found "
                    + (v == null ? "none" : v.length + " values"));
        }
        return v[0];
    }
}
