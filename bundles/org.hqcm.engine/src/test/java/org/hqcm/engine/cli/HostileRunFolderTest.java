package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hqcm.engine.internal.data.folder.GreyImages;
import org.hqcm.engine.internal.run.ExperimentRunner;
import org.hqcm.engine.internal.run.RunObserver;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.engine.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A completed run folder that someone else prepared: links to other files, zip bombs, non-finite or repeated
 * predictions, bytes that are not text. Each is refused or skipped with a message that names the file; nothing
 * outside the folder is read and nothing is inflated beyond what the network needs.
 */
class HostileRunFolderTest {

    private static final String SECRET = "TOP-SECRET-TOKEN-1234567890";

    @TempDir
    static Path shared;

    static RunFolder completed;

    @TempDir
    Path dir;

    Path run;

    @BeforeAll
    static void completeATinyRun() {
        Path file = TinyExperiments.write(TinyExperiments.tiny(1), shared);
        completed = new ExperimentRunner(RunObserver.NONE, () -> false).start(file, 3L, shared.resolve("runs"));
    }

    /** A fresh copy of the completed run for each test to spoil. */
    @BeforeEach
    void copyTheRun() throws IOException {
        run = dir.resolve("run");
        try (Stream<Path> s = Files.walk(completed.dir())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = run.resolve(completed.dir().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private Path secret() throws IOException {
        return Files.writeString(dir.resolve("secret.txt"), SECRET);
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII)).substring(0, 20);
    }

    @Test
    void reportSkipsAFigureThatIsALinkAndSaysWhich() throws IOException {
        Path loss = run.resolve("artefacts/loss.png");
        Files.delete(loss);
        Files.createSymbolicLink(loss, secret());
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: skipped " + loss + " is a symbolic link (to " + dir.resolve("secret.txt")
                + "): not read"), r.err());
        String html = Files.readString(run.resolve("report.html"));
        assertFalse(html.contains(base64(SECRET)) || html.contains(SECRET), "the secret is not embedded");
        assertTrue(html.contains("Not shown: " + loss + " is a symbolic link"), "the report says why");
        assertTrue(html.contains("Fig 9"), "the run's own figures are still there");
    }

    @Test
    void aLinkedArtefactsFolderIsNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(secret(), elsewhere.resolve("confusion.png"));
        try (Stream<Path> s = Files.list(run.resolve("artefacts"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(run.resolve("artefacts"));
        Files.createSymbolicLink(run.resolve("artefacts"), elsewhere);
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: skipped " + run.resolve("artefacts") + " is a symbolic link"), r.err());
        assertFalse(Files.readString(run.resolve("report.html")).contains(base64(SECRET)));
    }

    @Test
    void linkedPredictionsAreRefusedNamingTheLink() throws IOException {
        Path predictions = run.resolve("predictions.csv");
        Path moved = Files.move(predictions, dir.resolve("predictions-elsewhere.csv"));
        Files.createSymbolicLink(predictions, moved);
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: " + predictions + " is a symbolic link (to " + moved + "): not read, as files of a run "
                + "folder are read only when they are its own\n", r.err());
    }

    /** predictions.csv with line {@code line} (1-based, header = 1) replaced by what {@code edit} makes of it. */
    private void editPredictions(int line, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path p = run.resolve("predictions.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(p));
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        Files.write(p, lines);
    }

    @Test
    void aNaNProbabilityIsRefusedWithItsLine() throws IOException {
        editPredictions(3, l -> l.substring(0, l.lastIndexOf(',') + 1) + "NaN");
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: " + run.resolve("predictions.csv") + ": line 3: NaN is not allowed; expected a number in"
                + " [0, 1]\n", r.err());
    }

    @Test
    void aRepeatedTestImageIsRefused() throws IOException {
        Path p = run.resolve("predictions.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(p));
        lines.add(lines.get(1));
        Files.write(p, lines);
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(2, r.exit(), r.err());
        String sample = lines.get(1).substring(0, lines.get(1).indexOf(','));
        assertEquals("error: " + p + ": line " + lines.size() + ": sample " + sample + " appears again (first on line 2);"
                + " expected each test image once\n", r.err());
    }

    @Test
    void bytesThatAreNotTextInJaccardAreNamedWithTheirLine() throws IOException {
        Path p = run.resolve("jaccard.csv");
        byte[] bytes = Files.readAllBytes(p);
        int second = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
        bytes[second + 2] = (byte) 0xFF;
        Files.write(p, bytes);
        CliRun r = CliRun.of("report", run.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: " + p + ": cannot read (line 2, column 3: bytes 0xFF are not UTF-8 text)\n",
                r.err().replaceAll("0xFF( 0x[0-9A-F]{2})*", "0xFF"));
    }

    /** A zip of one array entry with {@code values} zeros: 8 bytes each, a few kilobytes deflated. */
    private static void bomb(Path zip, String entry, long values) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("FORMAT"));
            z.write("hqcm-arrays 1".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(entry + ".f64"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < values * 8; written += zeros.length) {
                z.write(zeros, 0, (int) Math.min(zeros.length, values * 8 - written));
            }
            z.closeEntry();
        }
    }

    private Path image() throws IOException {
        Path png = dir.resolve("scan.png");
        GreyImages.writePng(png, new float[16 * 16], 16, 16);
        return png;
    }

    @Test
    void aModelZipBombIsRefusedByItsDeclaredSize() throws IOException {
        Path model = run.resolve("model.zip");
        bomb(model, "block1.conv.weight", 32L << 20); // 256 MB of zeros in a few hundred kilobytes
        assertTrue(Files.size(model) < 2 << 20, Files.size(model) + " bytes");
        CliRun r = CliRun.of("predict", "--model", run.toString(), "--out", dir.resolve("out").toString(),
                image().toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: " + model + ": entry block1.conv.weight.f64 declares 268435456 bytes; at most 288 are "
                + "expected (36 values for the network's shape); not read\n", r.err());
    }

    @Test
    void anEntryThatInflatesToMoreThanItDeclaresIsCaughtWithoutInflatingIt() throws IOException {
        Path model = run.resolve("model.zip");
        bomb(model, "block1.conv.weight", 32L << 20);
        // the central directory now declares 8 bytes for an entry that inflates to 256 MB
        byte[] zip = Files.readAllBytes(model);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && new String(zip, i + 46, 6, StandardCharsets.US_ASCII).equals("block1")) {
                b.putInt(i + 24, 8);
            }
        }
        Files.write(model, zip);
        CliRun r = CliRun.of("predict", "--model", run.toString(), "--out", dir.resolve("out").toString(),
                image().toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("error: " + model + ": entry block1.conv.weight.f64 holds more bytes than the 8 it declares; "
                + "not read\n", r.err());
    }

    @Test
    void aDicomOfTwoHundredThousandNestedSequencesGivesPredictOneLine() throws IOException {
        // Part-10 header, explicit VR little endian, then 200,000 sequences each inside an item of the one before
        java.io.ByteArrayOutputStream f = new java.io.ByteArrayOutputStream();
        f.writeBytes(new byte[128]);
        f.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] ts = "1.2.840.10008.1.2.1\0".getBytes(StandardCharsets.US_ASCII);
        f.writeBytes(new byte[] {0x02, 0x00, 0x10, 0x00, 'U', 'I', (byte) ts.length, 0});
        f.writeBytes(ts);
        byte[] open = {0x08, 0x00, 0x32, 0x10, 'S', 'Q', 0, 0, -1, -1, -1, -1, -2, -1, 0x00, -32, -1, -1, -1, -1};
        for (int i = 0; i < 200_000; i++) {
            f.writeBytes(open);
        }
        Path dicom = Files.write(dir.resolve("nested.dcm"), f.toByteArray());
        CliRun r = CliRun.of("predict", "--model", run.toString(), "--out", dir.resolve("out").toString(),
                dicom.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().matches("error: " + java.util.regex.Pattern.quote(dicom.toString()) + ": cannot read the "
                + "image \\(sequences nested more than 64 deep at byte \\d+ \\(real files nest a few levels\\); not "
                + "read\\); expected a PNG, JPEG or uncompressed DICOM file\n"), r.err());
    }

    @Test
    void overlaysOfTwoInputsOfOneFileNameGetDistinctNames() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("scan.png");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("scan.png");
        GreyImages.writePng(a, new float[16 * 16], 16, 16);
        float[] bright = new float[16 * 16];
        java.util.Arrays.fill(bright, 1f);
        GreyImages.writePng(b, bright, 16, 16);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("predict", "--model", run.toString(), "--out", out.toString(), a.toString(), b.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("overlay " + out.resolve("scan-attention.png")), r.out());
        assertTrue(r.out().contains("overlay " + out.resolve("scan-2-attention.png")), r.out());
        assertTrue(Files.exists(out.resolve("scan-attention.png")) && Files.exists(out.resolve("scan-2-attention.png")));
    }

    @Test
    void attentionExamplesBeyondTheExperimentsShapeAreRefused() throws IOException {
        Path examples = run.resolve("attention-examples.zip");
        bomb(examples, "0.image", 1 << 20);
        org.hqcm.engine.BadInputException ex = org.junit.jupiter.api.Assertions.assertThrows(
                org.hqcm.engine.BadInputException.class, () -> org.hqcm.engine.run.AttentionExamples.read(examples,
                        org.hqcm.model.resource.HqcmResources.loadRunRecord(run).getExperiment()));
        assertEquals(examples + ": entry 0.image.f64 declares 8388608 bytes; at most 2048 are expected (256 values for"
                + " the network's shape); not read", ex.getMessage());
    }
}
