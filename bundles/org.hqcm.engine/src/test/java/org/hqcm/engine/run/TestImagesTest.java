package org.hqcm.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.run.ExperimentRunner;
import org.hqcm.engine.internal.run.RunObserver;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real tiny run keeps every test image with its mask and T_s (test-images.zip) and its predictions with
 * probabilities; both agree with the float64 attention examples and the record's confusion matrix.
 */
class TestImagesTest {

    @TempDir
    static Path dir;
    private static Path run;

    @BeforeAll
    static void tinyRun() {
        Path file = TinyExperiments.write(TinyExperiments.tiny(1), dir);
        run = new ExperimentRunner(RunObserver.NONE, () -> false).start(file, null, dir.resolve("runs")).dir();
    }

    @Test
    void everyTestImageIsKeptAndMatchesTheAttentionExamples() {
        TestPredictions p = TestPredictions.read(run);
        AttentionExamples examples = AttentionExamples.read(run.resolve(AttentionExamples.FILE));
        assertTrue(!examples.isEmpty(), "the tiny run keeps attention examples");
        Map<Integer, Integer> position = p.positions();
        try (TestImages images = TestImages.open(run)) {
            assertEquals(p.size(), images.count(), "one image per line of predictions.csv");
            assertEquals(16, images.imageSize());
            assertEquals(2, images.mapSize(), "16 px through three 2x2 pools");
            for (AttentionExamples.Example e : examples.examples()) {
                TestImages.Image i = images.image(position.get(e.sampleId()));
                assertClose(e.image(), i.pixels());
                assertClose(e.mask(), i.mask());
                assertClose(e.map(), i.map());
            }
            assertThrows(BadInputException.class, () -> images.image(images.count()));
        }
    }

    @Test
    void predictionsHoldProbabilitiesAndTheCellsOfTheConfusionMatrix() {
        TestPredictions p = TestPredictions.read(run);
        RunRecord r = HqcmResources.loadRunRecord(run);
        int k = p.classNames().size();
        for (double[] row : p.probabilities()) {
            assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-5);
        }
        for (int t = 0; t < k; t++) {
            for (int c = 0; c < k; c++) {
                List<Integer> cell = p.cell(t, c);
                assertEquals((int) r.getConfusionMatrix().getCounts().get(t * k + c), cell.size(), "cell " + t + "," + c);
                for (int i : cell) {
                    double[] prob = p.probabilities()[i];
                    int argmax = 0;
                    for (int j = 1; j < k; j++) {
                        argmax = prob[j] > prob[argmax] ? j : argmax;
                    }
                    assertEquals(c, argmax, "the predicted class has the largest probability");
                }
            }
        }
    }

    @Test
    void aFileWhoseEntryIsLargerThanItsShapeIsRefused() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        try (OutputStream out = Files.newOutputStream(bad.resolve(TestImages.FILE));
                ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "FORMAT", TestImages.FORMAT.getBytes(StandardCharsets.US_ASCII));
            put(z, "shape", "1 2 0".getBytes(StandardCharsets.US_ASCII));
            put(z, "0.u8", new byte[1 << 20]);
        }
        try (TestImages images = TestImages.open(bad)) {
            BadInputException e = assertThrows(BadInputException.class, () -> images.image(0));
            assertTrue(e.getMessage().contains(TestImages.FILE) && e.getMessage().contains("larger than the 8 bytes"),
                    e.getMessage());
        }
        Files.writeString(bad.resolve(TestImages.FILE), "not a zip");
        BadInputException e = assertThrows(BadInputException.class, () -> TestImages.open(bad));
        assertTrue(e.getMessage().startsWith(bad.resolve(TestImages.FILE).toString()), e.getMessage());
    }

    private static void put(ZipOutputStream z, String name, byte[] b) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(b);
        z.closeEntry();
    }

    private static void assertClose(float[][] expected, float[][] actual) {
        assertNotNull(actual);
        assertEquals(expected.length, actual.length);
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected.length; x++) {
                assertEquals(expected[y][x], actual[y][x], 0.5 / 255 + 1e-6, "pixel " + y + "," + x);
            }
        }
        assertArrayEquals(new int[] {expected.length}, new int[] {actual[0].length});
    }
}
