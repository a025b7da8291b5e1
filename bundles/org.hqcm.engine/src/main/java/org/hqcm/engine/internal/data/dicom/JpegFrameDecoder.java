package org.hqcm.engine.internal.data.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

/**
 * Decodes one JPEG frame of grey levels (baseline, extended, lossless process 14 and its selection value 1) with
 * TwelveMonkeys' JPEG reader (BSD-3-Clause), which decodes lossless streams (2 to 16 bits) itself and hands DCT
 * streams to the JDK's reader, which decodes 8-bit ones only: 12-bit DCT frames (JPEG Extended, process 4) are
 * refused with a message naming a tool that decompresses them. The stream's own header ({@link JpegHeader}) must
 * declare the Rows x Columns of the DICOM file and one component before a pixel is decoded.
 *
 * <p>The reader is taken from a registry of this class's own, not from ImageIO's global one, so that the same
 * decoder runs on a plain class path and inside OSGi (where ImageIO's service scan does not see embedded jars).
 */
final class JpegFrameDecoder {
    private static final String JDK_JPEG = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";
    private static final ImageReaderSpi SPI = spi();

    private JpegFrameDecoder() {
    }

    private static ImageReaderSpi spi() {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        // TwelveMonkeys finds the JDK's reader, its delegate for DCT frames, in the registry it is added to
        Iterator<ImageReaderSpi> all = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, false);
        while (all.hasNext()) {
            ImageReaderSpi s = all.next();
            if (s.getClass().getName().equals(JDK_JPEG)) {
                registry.registerServiceProvider(s, ImageReaderSpi.class);
            }
        }
        JPEGImageReaderSpi tm = new JPEGImageReaderSpi();
        registry.registerServiceProvider(tm, ImageReaderSpi.class);
        return tm;
    }

    /** The raw samples of a frame of {@code rows x columns}, row-major. */
    static int[] decode(byte[] frame, int rows, int columns, int bitsStored) throws IOException {
        JpegHeader h = JpegHeader.of(frame);
        if (h.columns() != columns || h.rows() != rows) {
            throw new IOException("the JPEG frame is " + h.columns() + " x " + h.rows() + ", but Columns x Rows"
                    + " (0028,0011/0010) declare " + columns + " x " + rows + "; not decoded");
        }
        if (h.components() != 1) {
            throw new IOException("the JPEG frame has " + h.components() + " components, expected 1 (grey levels)");
        }
        if (!h.lossless() && h.precision() != 8) {
            // the JDK's DCT decoder, TwelveMonkeys' delegate, is built for 8 bits ("Unsupported JPEG data precision 12")
            throw new IOException(String.format("the JPEG frame is %d-bit DCT (SOF marker FF%02X, JPEG Extended"
                    + " process 4), which is not supported: only 8-bit DCT and lossless JPEG are decoded (decompress it"
                    + " first: dcmdjpeg IN OUT or gdcmconv --raw IN OUT)", h.precision(), h.marker()));
        }
        if (h.precision() < bitsStored && !h.lossless()) {
            throw new IOException("the JPEG frame has " + h.precision() + "-bit samples, but Bits Stored (0028,0101) is "
                    + bitsStored);
        }
        ImageReader reader = SPI.createReaderInstance(null);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            Raster r;
            try {
                r = reader.read(0).getRaster();
            } catch (IOException | RuntimeException e) {
                throw new IOException("the JPEG frame cannot be decoded: " + message(e), e);
            }
            if (r.getNumBands() != 1) {
                throw new IOException("the JPEG frame has " + r.getNumBands() + " components, expected 1 (grey levels)");
            }
            if (r.getWidth() != columns || r.getHeight() != rows) {
                throw new IOException("the JPEG frame decoded to " + r.getWidth() + " x " + r.getHeight()
                        + ", expected " + columns + " x " + rows);
            }
            return r.getSamples(r.getMinX(), r.getMinY(), columns, rows, 0, new int[rows * columns]);
        } finally {
            reader.dispose();
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
