package org.hqcm.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.hqcm.model.DataSource;
import org.hqcm.model.Experiment;
import org.hqcm.model.SourceKind;
import org.hqcm.model.presets.ExperimentDefaults;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule is hit by a real file under src/test/resources/.../bad. Each file states what it must produce in
 * comments {@code <!-- error: PATH: MESSAGE -->} or {@code <!-- warning: ... -->} (a trailing "..." matches a
 * machine-dependent rest); the file must produce exactly those problems.
 */
class ExperimentValidatorTest {

    private static final Pattern EXPECT = Pattern.compile("<!-- (error|warning): (.*?) -->");

    static Path badFolder() throws URISyntaxException {
        return Path.of(ExperimentValidatorTest.class.getResource("bad").toURI());
    }

    static Stream<Path> badFiles() throws IOException, URISyntaxException {
        List<Path> files;
        try (Stream<Path> s = Files.list(badFolder())) {
            files = s.filter(p -> p.toString().endsWith(".hqcm")).sorted().toList();
        }
        return files.stream();
    }

    record Expected(Problem.Severity severity, String text) {
        boolean matches(Problem p) {
            String actual = p.featurePath() + ": " + p.message();
            return p.severity() == severity
                    && (text.endsWith("...") ? actual.startsWith(text.substring(0, text.length() - 3)) : actual.equals(text));
        }
    }

    static List<Expected> expectations(Path file) throws IOException {
        List<Expected> out = new ArrayList<>();
        Matcher m = EXPECT.matcher(Files.readString(file));
        while (m.find()) {
            out.add(new Expected(Problem.Severity.valueOf(m.group(1).toUpperCase()), m.group(2)));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFileReportsExactlyItsProblems(Path file) throws IOException {
        List<Expected> expected = expectations(file);
        assertFalse(expected.isEmpty(), file + " states no expected problem");
        List<Problem> problems = ExperimentValidator.validate(HqcmResources.loadExperiment(file), file.getParent());
        for (Expected e : expected) {
            assertTrue(problems.stream().anyMatch(e::matches), () -> file.getFileName() + ": expected " + e + " among " + problems);
        }
        assertEquals(expected.size(), problems.size(), () -> file.getFileName() + ": unexpected problems " + problems);
    }

    @Test
    void manyMistakesAreAllReportedInOneRun() throws Exception {
        Path file = badFolder().resolve("many-mistakes.hqcm");
        List<Problem> problems = ExperimentValidator.validate(HqcmResources.loadExperiment(file), null);
        assertTrue(problems.size() >= 12, problems::toString);
        assertTrue(ExperimentValidator.hasErrors(problems));
    }

    @Test
    void relativePathsResolveAgainstTheResourceFolderWhenNoBaseIsGiven() throws Exception {
        Path file = badFolder().resolve("source-path-not-a-folder.hqcm");
        List<Problem> problems = ExperimentValidator.validate(HqcmResources.loadExperiment(file), null);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().endsWith(file.toAbsolutePath().normalize() + " is not a folder"), problems::toString);
    }

    @Test
    void existingFoldersAreAccepted(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("data.mat"), "x");
        Experiment e = ExperimentDefaults.newExperiment("real-data");
        e.getDataset().getSources().add(source(SourceKind.IMAGE_FOLDER, "images"));
        e.getDataset().getSources().add(source(SourceKind.DICOM, dir.resolve("images").toString()));
        e.getDataset().getSources().add(source(SourceKind.FIGSHARE_MAT, "data.mat"));
        assertEquals(List.of(), ExperimentValidator.validate(e, dir));
        // without a base folder and without a file, relative paths cannot be checked and are not reported
        assertEquals(List.of(), ExperimentValidator.validate(e, null));
        Files.delete(dir.resolve("data.mat"));
        List<Problem> problems = ExperimentValidator.validate(e, dir);
        assertEquals(1, problems.size());
        assertEquals("dataset.sources[3].path", problems.get(0).featurePath());
    }

    private static DataSource source(SourceKind kind, String path) {
        DataSource s = ExperimentDefaults.newSource(kind);
        s.setPath(path);
        return s;
    }

    @Test
    void theGloballyRegisteredValidatorAppliesTheSameRules() {
        HqcmResources.registerGlobally();
        Experiment e = Presets.create(Presets.QUICKSTART);
        e.getTraining().setLearningRate(-0.1);
        Diagnostic d = Diagnostician.INSTANCE.validate(e);
        assertEquals(Diagnostic.ERROR, d.getSeverity());
        assertEquals("training.learningRate: -0.1 is not allowed; expected > 0", d.getChildren().get(0).getMessage());
        assertEquals(e.getTraining(), d.getChildren().get(0).getData().get(0));
    }

    @Test
    void problemsPrintAsPathAndMessage() {
        assertEquals("training.batchSize: 0 is not allowed; expected >= 1",
                new Problem(Problem.Severity.ERROR, "training.batchSize", "0 is not allowed; expected >= 1").toString());
        assertEquals("warning: a: b", new Problem(Problem.Severity.WARNING, "a", "b").toString());
    }
}
