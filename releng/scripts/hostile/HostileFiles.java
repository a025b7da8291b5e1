import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Writes the hostile and broken files of the hostile-input campaign (releng/scripts/hostile-campaign.sh) with the
 * JDK alone: {@code java HostileFiles.java OUT_DIR}. Images that declare more than they hold, damaged images, DICOM
 * files made to exhaust memory or the stack, zip bombs in HQCM's array-archive format, and small valid DICOMs.
 */
public class HostileFiles {

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path img = Files.createDirectories(out.resolve("images"));
        Files.write(img.resolve("huge-40000.png"), hugePng(40000, 40000));
        for (int i = 0; i < 6; i++) {
            Files.write(img.resolve("huge-20000-" + i + ".png"), hugePng(20000, 20000));
        }
        byte[] png = realImage("png", 64);
        byte[] crc = png.clone();
        crc[crc.length - 13] ^= 1;
        Files.write(img.resolve("bad-crc.png"), crc);
        Files.write(img.resolve("truncated.png"), Arrays.copyOf(png, png.length - 20));
        byte[] jpg = realImage("jpg", 128);
        Files.write(img.resolve("half.jpg"), Arrays.copyOf(jpg, jpg.length / 2));
        byte[] sof = realImage("jpg", 16);
        for (int i = 0; i + 9 < sof.length; i++) {
            if ((sof[i] & 0xFF) == 0xFF && (sof[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(sof, i + 5, 4).putShort((short) 60000).putShort((short) 60000);
                break;
            }
        }
        Files.write(img.resolve("huge-sof.jpg"), sof);
        Files.write(img.resolve("bmp-as.png"), bmp(10000, 10000));
        Files.write(img.resolve("gif-as.jpg"), gif(65535, 65535));
        Files.write(img.resolve("empty.png"), new byte[0]);
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        Files.write(img.resolve("random.png"), random);
        Files.write(img.resolve("good.png"), png);

        Path dcm = Files.createDirectories(out.resolve("dicom"));
        Files.write(dcm.resolve("overflow.dcm"), dicom(65535, 65535, 0, 0, 8));
        Files.write(dcm.resolve("nested.dcm"), dicom(2, 2, 200_000, 0, 8));
        Files.write(dcm.resolve("frames.dcm"), dicom(512, 512, 0, 300, 8));
        byte[] whole = dicom(64, 64, 0, 0, 64 * 64 * 2);
        Files.write(dcm.resolve("truncated.dcm"), Arrays.copyOf(whole, whole.length - 100));
        Files.write(dcm.resolve("random.dcm"), random);
        Path sparse = dcm.resolve("sparse-3g.dcm");
        Files.write(sparse, dicomHeader(38730, 38730, 0, 0, 38730L * 38730 * 2));
        sparseTo(sparse, 3_000_000_000L);
        Path claim = dcm.resolve("sparse-claim.dcm");
        Files.write(claim, dicomHeader(512, 512, 0, 0, 2_999_000_000L));
        sparseTo(claim, 3_000_000_000L);
        for (String c : new String[] {"healthy", "meningioma", "glioma", "pituitary"}) {
            Path dir = Files.createDirectories(out.resolve("dicom-dataset/" + c));
            for (int i = 0; i < 10; i++) {
                Files.write(dir.resolve(c + "_" + i + ".dcm"), dicom(32, 32, 0, 0, -1 - i - c.length()));
            }
        }

        Path zips = Files.createDirectories(out.resolve("zips"));
        bomb(zips.resolve("model-bomb.zip"), "block1.conv.weight", 4L << 30);
        bomb(zips.resolve("checkpoint-bomb.zip"), "net.block1.conv.weight", 4L << 30);
        bomb(zips.resolve("examples-bomb.zip"), "0.image", 1L << 30);
    }

    static void sparseTo(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    static byte[] realImage(String format, int size) throws IOException {
        BufferedImage b = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                b.getRaster().setSample(x, y, 0, (x * 7 + y * 3) & 255);
            }
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(b, format, o);
        return o.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 4, 4 + data.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A grey PNG declaring width x height whose IDAT is deflated zeros: a small file that would inflate to GBs. */
    static byte[] hugePng(int width, int height) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        o.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        long raw = Math.min(1_500_000_000L, (width + 1L) * height);
        Deflater d = new Deflater(9);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[1 << 16];
        for (long done = 0; done < raw; done += zeros.length) {
            d.setInput(zeros, 0, (int) Math.min(zeros.length, raw - done));
            while (!d.needsInput()) {
                idat.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            idat.write(buf, 0, d.deflate(buf));
        }
        o.writeBytes(chunk("IDAT", idat.toByteArray()));
        o.writeBytes(chunk("IEND", new byte[0]));
        return o.toByteArray();
    }

    static byte[] bmp(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(54 + 1024).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(54 + 1024).putInt(0).putInt(54 + 1024);
        b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 8).putInt(0).putInt(0).putInt(0)
                .putInt(0).putInt(256).putInt(0);
        return b.array();
    }

    static byte[] gif(int w, int h) {
        ByteBuffer g = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        g.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) w).putShort((short) h).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        g.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) w).putShort((short) h)
                .put((byte) 0).put((byte) 2).put((byte) 2).put((byte) 0x44).put((byte) 0x01).put((byte) 0)
                .put((byte) 0x3B);
        return Arrays.copyOf(g.array(), g.position());
    }

    /** Explicit VR little-endian Part-10 bytes up to and including the Pixel Data header. */
    static byte[] dicomHeader(int rows, int cols, int nesting, int frames, long pixelBytes) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[128]);
        o.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] ts = "1.2.840.10008.1.2.1\0".getBytes(StandardCharsets.US_ASCII);
        element(o, 0x0002, 0x0010, "UI", ts);
        for (int i = 0; i < nesting; i++) {
            o.writeBytes(new byte[] {0x08, 0x00, 0x32, 0x10, 'S', 'Q', 0, 0, -1, -1, -1, -1, -2, -1, 0x00, -32, -1, -1,
                -1, -1});
        }
        for (int i = 0; i < nesting; i++) {
            o.writeBytes(new byte[] {-2, -1, 0x0D, -32, 0, 0, 0, 0, -2, -1, -35, -32, 0, 0, 0, 0});
        }
        element(o, 0x0028, 0x0002, "US", u16(1));
        element(o, 0x0028, 0x0004, "CS", "MONOCHROME2".getBytes(StandardCharsets.US_ASCII));
        if (frames > 0) {
            String f = Integer.toString(frames);
            element(o, 0x0028, 0x0008, "IS", (f.length() % 2 == 1 ? f + " " : f).getBytes(StandardCharsets.US_ASCII));
        }
        element(o, 0x0028, 0x0010, "US", u16(rows));
        element(o, 0x0028, 0x0011, "US", u16(cols));
        element(o, 0x0028, 0x0100, "US", u16(16));
        element(o, 0x0028, 0x0101, "US", u16(16));
        element(o, 0x0028, 0x0103, "US", u16(0));
        o.writeBytes(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0});
        o.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) pixelBytes).array());
        return o.toByteArray();
    }

    /** A DICOM with {@code pixelBytes} of pixel data written (a negative value: a real rows x cols image, seeded). */
    static byte[] dicom(int rows, int cols, int nesting, int frames, long pixelBytes) {
        long n = pixelBytes < 0 ? 2L * rows * cols : pixelBytes;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(dicomHeader(rows, cols, nesting, frames, pixelBytes < 0 ? n : Math.max(n, 2L * rows * cols)));
        byte[] px = new byte[(int) n];
        if (pixelBytes < 0) {
            Random r = new Random(-pixelBytes);
            for (int i = 0; i < px.length; i += 2) {
                int v = (i / 2 % cols + i / 2 / cols + r.nextInt(50)) * 40;
                px[i] = (byte) v;
                px[i + 1] = (byte) (v >> 8);
            }
        }
        o.writeBytes(px);
        return o.toByteArray();
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }

    static void element(ByteArrayOutputStream o, int group, int element, String vr, byte[] value) {
        o.writeBytes(new byte[] {(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8)});
        o.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(u16(value.length));
        o.writeBytes(value);
    }

    /** An HQCM array archive with one entry of {@code bytes} zeros: a few MB on disk. */
    static void bomb(Path file, String entry, long bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("FORMAT"));
            z.write("hqcm-arrays 1".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(entry + ".f64"));
            byte[] zeros = new byte[1 << 20];
            for (long done = 0; done < bytes; done += zeros.length) {
                z.write(zeros, 0, (int) Math.min(zeros.length, bytes - done));
            }
            z.closeEntry();
        }
    }
}
