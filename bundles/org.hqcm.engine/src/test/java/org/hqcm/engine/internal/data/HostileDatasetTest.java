package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hqcm.engine.internal.data.folder.GreyImages;
import org.hqcm.engine.internal.data.folder.PngFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset with hostile files among good ones: it loads, and each hostile file is a listed bad file with its reason
 * (not an OutOfMemoryError or StackOverflowError that stops the whole dataset without naming the file).
 */
class HostileDatasetTest {

    @TempDir
    Path dir;

    private static void goodImages(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < n; i++) {
            float[] px = new float[24 * 24];
            for (int p = 0; p < px.length; p++) {
                px[p] = ((p * (i + 3)) % 97) / 97f;
            }
            GreyImages.writePng(folder.resolve(folder.getFileName() + "_" + i + ".png"), px, 24, 24);
        }
    }

    @Test
    void hostileImagesAndALinkedClassFolderAreListedWithTheirReasons() throws IOException {
        Path root = dir.resolve("images");
        for (String c : List.of("healthy", "meningioma", "glioma")) {
            goodImages(root.resolve(c), 10);
        }
        // six PNGs each declaring 20,000 x 20,000 pixels
        for (int i = 0; i < 6; i++) {
            Files.write(root.resolve("glioma/huge_" + i + ".png"), PngFiles.hugePng(20000, 20000));
        }
        Path crc = root.resolve("healthy/healthy_0.png");
        byte[] b = Files.readAllBytes(crc);
        b[b.length - 13] ^= 1;
        Files.write(crc, b);
        Path elsewhere = dir.resolve("elsewhere/pituitary");
        goodImages(elsewhere, 3);
        Files.createSymbolicLink(root.resolve("pituitary"), elsewhere);

        LoadedDataset ds = DatasetLoader.load(List.of(SourceSpec.files(SourceFormat.IMAGE_FOLDER, root)), 16, 1,
                LoadOptions.defaults().withRequiredClasses(Set.of()).withMaxBadShare(0.5));
        assertEquals(29, ds.size(), "every good image is kept");
        String bad = ds.badFiles().stream().map(BadFile::toString).collect(Collectors.joining("\n"));
        assertEquals(8, ds.badFiles().size(), bad);
        assertTrue(bad.contains(root.resolve("glioma/huge_3.png") + ": declares width x height = 20000 x 20000 = "
                + "400000000 pixels, more than dataset.maxImagePixels = 16777216; not decoded"), bad);
        assertTrue(bad.contains(crc + ": corrupt PNG: chunk IDAT at byte "), bad);
        assertTrue(bad.contains(root.resolve("pituitary") + ": a link to a folder (" + elsewhere + "): class folders are "
                + "not followed through links; move or copy its images into the dataset"), bad);
    }
}
