package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hqcm.engine.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFormatsTest {

    @TempDir
    Path tmp;

    @Test
    void theKindFollowsTheFilesInTheFolder() throws IOException {
        Path mats = Files.createDirectories(tmp.resolve("mats/part1"));
        Files.write(mats.resolve("1.mat"), new byte[8]);
        assertEquals(SourceFormat.FIGSHARE_MAT, SourceFormats.infer(tmp.resolve("mats")));

        Path dicom = Files.createDirectories(tmp.resolve("dicom/glioma"));
        byte[] part10 = new byte[140];
        part10[128] = 'D';
        part10[129] = 'I';
        part10[130] = 'C';
        part10[131] = 'M';
        Files.write(dicom.resolve("IM0001"), part10);
        Files.write(dicom.resolve("IM0002"), part10);
        assertEquals(SourceFormat.DICOM, SourceFormats.infer(tmp.resolve("dicom")));

        Path images = Files.createDirectories(tmp.resolve("images/notumor"));
        Files.write(images.resolve("a.jpg"), new byte[8]);
        assertEquals(SourceFormat.IMAGE_FOLDER, SourceFormats.infer(tmp.resolve("images")));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        BadInputException e = assertThrows(BadInputException.class, () -> SourceFormats.infer(empty));
        assertTrue(e.getMessage().contains("--kind"), e.getMessage());
    }
}
