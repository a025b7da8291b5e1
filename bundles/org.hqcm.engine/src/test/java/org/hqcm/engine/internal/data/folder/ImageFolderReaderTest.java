package org.hqcm.engine.internal.data.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.TumourClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

    @TempDir
    Path root;

    @Test
    void readsAliasedClassFoldersUnderTrainingAndTestingWithBothMaskConventions() throws IOException {
        Path glioma = root.resolve("Training/glioma_tumor");
        Path healthy = root.resolve("Testing/No_Tumor");
        float[] ramp = new float[12];
        for (int i = 0; i < 12; i++) {
            ramp[i] = i / 11f;
        }
        GreyImages.writePng(glioma.resolve("a.png"), ramp, 4, 3);
        GreyImages.writeMaskPng(glioma.resolve("a_mask.png"), new byte[] {0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 4, 3);
        GreyImages.writePng(glioma.resolve("b.png"), ramp, 4, 3);
        GreyImages.writeMaskPng(glioma.resolve("masks/b.png"), new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 4, 3);
        writeColourJpeg(healthy.resolve("c.JPG"));
        Files.writeString(healthy.resolve("notes.txt"), "not an image");

        ImageFolderReader reader = new ImageFolderReader(root);
        List<BadFile> refused = new ArrayList<>();
        List<Path> files = reader.files(refused);
        assertEquals(3, files.size(), files.toString());
        assertTrue(refused.isEmpty());

        RawImage a = reader.read(files.stream().filter(p -> p.endsWith("a.png")).findFirst().orElseThrow());
        assertEquals(TumourClass.GLIOMA, a.tumourClass());
        assertEquals(GivenSplit.TRAINING, a.givenSplit());
        assertEquals(4, a.width());
        assertEquals(3, a.height());
        assertEquals(255f, a.pixels()[11], 0.5f);
        assertEquals(1, a.mask()[1]);
        assertEquals(0, a.mask()[0]);

        RawImage b = reader.read(files.stream().filter(p -> p.endsWith("b.png")).findFirst().orElseThrow());
        assertEquals(1, b.mask()[0]);
        assertEquals(1, b.mask()[11]);

        RawImage c = reader.read(files.stream().filter(p -> p.toString().endsWith("c.JPG")).findFirst().orElseThrow());
        assertEquals(TumourClass.HEALTHY, c.tumourClass());
        assertEquals(GivenSplit.TESTING, c.givenSplit());
        assertNull(c.mask());
        // pure red (255,0,0) becomes its luminance 0.299 * 255 (JPEG is lossy: a loose tolerance)
        assertEquals(0.299f * 255, c.pixels()[0], 12f);
    }

    @Test
    void aCorruptImageOrAMismatchedMaskIsAReadErrorNamingIt() throws IOException {
        Path dir = root.resolve("meningioma");
        Files.createDirectories(dir);
        Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        GreyImages.writePng(dir.resolve("ok.png"), new float[4], 2, 2);
        GreyImages.writeMaskPng(dir.resolve("ok_mask.png"), new byte[9], 3, 3);
        ImageFolderReader reader = new ImageFolderReader(root);
        IOException broken = assertThrows(IOException.class, () -> reader.read(dir.resolve("broken.png")));
        assertTrue(broken.getMessage().contains("image"), broken.getMessage());
        IOException mask = assertThrows(IOException.class, () -> reader.read(dir.resolve("ok.png")));
        assertTrue(mask.getMessage().contains("3x3") && mask.getMessage().contains("2x2"), mask.getMessage());
    }

    @Test
    void linksLeadingOutOfTheRootAreRefused() throws IOException {
        Path outside = Files.createTempDirectory("hqcm-outside");
        try {
            GreyImages.writePng(outside.resolve("secret.png"), new float[4], 2, 2);
            Path dir = root.resolve("pituitary");
            GreyImages.writePng(dir.resolve("inside.png"), new float[4], 2, 2);
            Files.createSymbolicLink(dir.resolve("escape.png"), outside.resolve("secret.png"));
            Files.createSymbolicLink(dir.resolve("escapedir"), outside);
            List<BadFile> refused = new ArrayList<>();
            List<Path> files = new ImageFolderReader(root).files(refused);
            assertEquals(1, files.size(), files.toString());
            assertTrue(files.get(0).endsWith("inside.png"));
            assertEquals(2, refused.size(), refused.toString());
            assertTrue(refused.get(0).reason().contains("outside the dataset root"), refused.get(0).reason());
            IOException direct = assertThrows(IOException.class,
                    () -> new ImageFolderReader(root).read(dir.resolve("escape.png")));
            assertNotNull(direct.getMessage());
        } finally {
            Files.walk(outside).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aFolderWithoutClassFoldersIsBadInput() throws IOException {
        Files.createDirectories(root.resolve("cats"));
        BadInputException e = assertThrows(BadInputException.class, () -> new ImageFolderReader(root).files(new ArrayList<>()));
        assertTrue(e.getMessage().contains("no class folders"), e.getMessage());
    }

    private static void writeColourJpeg(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, 0xFF0000);
            }
        }
        assertTrue(ImageIO.write(img, "jpg", file.toFile()));
    }
}
