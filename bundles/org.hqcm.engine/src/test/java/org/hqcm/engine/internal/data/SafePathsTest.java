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

class SafePathsTest {

    @TempDir
    Path tmp;

    @Test
    void dotDotAndLinksOutOfTheRootAreRefusedAndInsidePathsResolve() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/glioma"));
        Files.writeString(tmp.resolve("outside.txt"), "x");
        Files.writeString(root.resolve("in.png"), "x");
        Files.createSymbolicLink(root.resolve("link.png"), tmp.resolve("outside.txt"));
        Path real = SafePaths.realRoot(tmp.resolve("root"), "test root");

        assertEquals(real.resolve("glioma/in.png"), SafePaths.resolveInside(real, real.resolve("glioma"), "in.png"));
        IOException dots = assertThrows(IOException.class,
                () -> SafePaths.resolveInside(real, real.resolve("glioma"), "../../outside.txt"));
        assertTrue(dots.getMessage().contains("escapes"), dots.getMessage());
        IOException link = assertThrows(IOException.class,
                () -> SafePaths.resolveInside(real, real.resolve("glioma"), "link.png"));
        assertTrue(link.getMessage().contains("outside the dataset root"), link.getMessage());
        assertThrows(BadInputException.class, () -> SafePaths.realRoot(tmp.resolve("missing"), "test root"));
    }
}
