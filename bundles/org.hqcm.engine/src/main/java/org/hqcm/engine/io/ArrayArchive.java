package org.hqcm.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
    /** No array of ours comes near this; a larger length marks a corrupt or hostile file. */
    private static final long MAX_ARRAY_BYTES = 1L << 31;

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

    /** Reads every array of {@code file}; a file that is not such an archive gives a BadInputException naming it. */
    public static Map<String, double[]> read(Path file) {
        Map<String, double[]> arrays = new LinkedHashMap<>();
        boolean marked = false;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = readBounded(zip, file, e.getName());
                if (e.getName().equals(MARKER)) {
                    marked = FORMAT.equals(new String(bytes, StandardCharsets.US_ASCII));
                    continue;
                }
                if (!e.getName().endsWith(SUFFIX) || bytes.length % 8 != 0) {
                    throw new BadInputException(file + ": entry " + e.getName()
                            + " is not an array of float64 values (expected NAME" + SUFFIX + ", a multiple of 8 bytes)");
                }
                double[] values = new double[bytes.length / 8];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
                arrays.put(e.getName().substring(0, e.getName().length() - SUFFIX.length()), values);
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

    private static byte[] readBounded(ZipInputStream zip, Path file, String entry) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int r = zip.read(buf); r > 0; r = zip.read(buf)) {
            total += r;
            if (total > MAX_ARRAY_BYTES) {
                throw new BadInputException(file + ": entry " + entry + " is larger than " + MAX_ARRAY_BYTES + " bytes");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
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
