package org.hqcm.engine.internal.data.mat;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.Filter;
import io.jhdf.filter.FilterManager;

/**
 * HDF5's deflate filter (id 1, the one MATLAB uses) with a bound on what one chunk may inflate to. Hand-written in
 * place of jhdf 0.10's own, which inflates a chunk into a growing buffer without limit, so a small .mat file whose
 * chunk is a deflate bomb (1,000 : 1) would take gigabytes before any size could be checked. The bound is set per
 * thread by the reader ({@link #limit}) from the pixel limit: no chunk of an image within it is larger.
 */
final class BoundedDeflate implements Filter {

    private static final ThreadLocal<Long> LIMIT = ThreadLocal.withInitial(() -> (long) Integer.MAX_VALUE - 8);
    private static volatile boolean installed;

    /** Closes the bound of the current thread. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Replaces jhdf's deflate filter by this one (once per JVM). */
    static synchronized void install() {
        if (!installed) {
            FilterManager.addFilter(new BoundedDeflate());
            installed = true;
        }
    }

    /** Until the scope is closed, a chunk on this thread may inflate to at most {@code bytes}. */
    static Scope limit(long bytes) {
        Long previous = LIMIT.get();
        LIMIT.set(Math.min(bytes, (long) Integer.MAX_VALUE - 8));
        return () -> LIMIT.set(previous);
    }

    @Override
    public int getId() {
        return 1;
    }

    @Override
    public String getName() {
        return "deflate";
    }

    @Override
    public byte[] decode(byte[] encodedData, int[] filterData) {
        long limit = LIMIT.get();
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(encodedData);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(encodedData.length * 4, 1 << 20));
            byte[] buf = new byte[1 << 16];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new HdfFilterException("a deflate-compressed chunk ends before its data does");
                }
                total += n;
                if (total > limit) {
                    throw new HdfFilterException("a compressed chunk of " + encodedData.length + " bytes inflates to"
                            + " more than " + limit + " bytes, more than an image within dataset.maxImagePixels takes;"
                            + " not read");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new HdfFilterException("corrupt deflate data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
