package org.hqcm.engine.internal.data.folder;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.hqcm.engine.internal.data.PixelLimit;
import org.hqcm.engine.internal.io.Png;

/** Reads PNG/JPEG as grey levels (checked before they are decoded) and writes 8-bit grey PNGs atomically. */
public final class GreyImages {

    /** A decoded grey image: row-major values in the file's own range (0..255, or 0..65535 for 16-bit). */
    public record Grey(int width, int height, float[] pixels) {
    }

    private GreyImages() {
    }

    /**
     * Decodes a PNG or JPEG (or what else ImageIO reads: GIF, BMP, TIFF) of at most {@code maxPixels} pixels; colour
     * is converted to luminance (ITU-R BT.601 weights). Before anything is decoded the declared size is checked
     * (PNG's IHDR, JPEG's SOF, the others' headers through their ImageIO reader) and a PNG's chunks are verified
     * ({@link PngChunks}); a decoder's warning (a truncated JPEG decodes with a warning and grey rows) makes the file
     * bad. Every problem is an IOException saying what is wrong with the file.
     */
    public static Grey read(Path file, long maxPixels) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (PngChunks.isPng(head, n)) {
            PngChunks.Header h = PngChunks.verify(file);
            PixelLimit.check("width x height", h.width(), h.height(), 1, maxPixels);
        }
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a readable PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                PixelLimit.check("width x height", reader.getWidth(0), reader.getHeight(0), 1, maxPixels);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                img = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new IOException("corrupt " + reader.getFormatName().toUpperCase(Locale.ROOT) + " image: "
                            + String.join("; ", warnings));
                }
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            // ImageIO's decoders throw unchecked exceptions on some corrupt streams
            throw new IOException("corrupt image: " + e, e);
        }
        int w = img.getWidth();
        int h = img.getHeight();
        float[] px = new float[w * h];
        Raster raster = img.getRaster();
        int bands = raster.getNumBands();
        boolean indexed = img.getColorModel() instanceof java.awt.image.IndexColorModel;
        if ((bands == 1 || bands == 2) && !indexed) {
            // grey (+ alpha): the sample itself, keeping 16-bit precision
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = raster.getSample(x, y, 0);
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    int r = (rgb >> 16) & 0xff;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    px[y * w + x] = 0.299f * r + 0.587f * g + 0.114f * b;
                }
            }
        }
        return new Grey(w, h, px);
    }

    /** Writes values in [0, 1] (clamped) as an 8-bit grey PNG, atomically. */
    public static void writePng(Path file, float[] values, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            float v = values[i];
            v = v > 1f ? 1f : (v >= 0f ? v : 0f);
            data[i] = (byte) Math.round(v * 255f);
        }
        Png.write(img, file);
    }

    /** Writes a 0/1 mask as a black/white 8-bit PNG, atomically. */
    public static void writeMaskPng(Path file, byte[] mask, int width, int height) throws IOException {
        float[] v = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            v[i] = mask[i] != 0 ? 1f : 0f;
        }
        writePng(file, v, width, height);
    }
}
