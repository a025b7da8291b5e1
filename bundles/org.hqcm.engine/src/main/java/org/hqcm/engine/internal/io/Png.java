package org.hqcm.engine.internal.io;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.hqcm.model.resource.AtomicFiles;

/**
 * PNG files, written atomically and with ImageIO's memory cache. {@code ImageIO.write(image, "png", stream)} caches
 * in a temporary file whose closer registers a JVM shutdown hook; a run cancelled with SIGTERM (the IDE's Cancel,
 * Ctrl-C) keeps writing its figures inside the JVM's shutdown, where that registration throws "Shutdown in
 * progress" and the cancelled run ended as FAILED. The memory cache registers nothing and keeps no temporary files.
 */
public final class Png {

    private Png() {
    }

    /** Writes an image as a PNG file atomically. */
    public static void write(RenderedImage image, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(image, out));
    }

    /** Writes an image as PNG to a stream (left open). */
    public static void write(RenderedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer available");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }
}
