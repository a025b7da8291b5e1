package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.run.AttentionExamples;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.Artefact;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report, gallery and read-back of one real tiny run. */
class RunReportTest {

    @TempDir
    static Path dir;

    static RunFolder run;

    @BeforeAll
    static void runTinyExperiment() {
        Path file = TinyExperiments.write(TinyExperiments.tiny(2), dir);
        run = new ExperimentRunner(RunObserver.NONE, () -> false).start(file, 3L, dir.resolve("runs"));
    }

    @Test
    void runWritesASelfContainedReportWithEveryTableAndFigure() throws Exception {
        String html = Files.readString(run.dir().resolve(RunReport.FILE));
        for (String s : List.of("Table 1", "Overall Accuracy", "Macro Avg", "Confusion matrix", "share of row",
                "Attention Jaccard", "Fig 7", "Fig 8", "Fig 9", "Fig 10", "Explanations beside T_s", "Grad-CAM",
                "occlusion", "pointing game", "Explanation methods compared", "Calibration of the test split", "ECE",
                "Brier", "Reliability diagram", "Out-of-distribution warnings", "energy score",
                "Quantum circuits: resources on a device", "state preparation: RY / CNOT", "Gradient norm of the circuits")) {
            assertTrue(html.contains(s), "report mentions " + s);
        }
        // the settings with what they mean, from the model's documentation
        assertTrue(html.contains("<td>loss.zeta</td><td>" + org.hqcm.model.resource.HqcmResources.loadRunRecord(run.dir()).getExperiment().getLoss().getZeta() + "</td><td>zeta, the weight"),
                "the settings table has loss.zeta with its meaning");
        assertTrue(html.contains("<td>training.learningRate</td>"), "and every other field");
        // offline: nine embedded PNGs (loss, accuracy, quantum gradient norm, confusion, t-SNE, attention and
        // explanation galleries, reliability, score distribution) and nothing fetched from elsewhere
        assertEquals(9, count(html, "src=\"data:image/png;base64,"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resource");

        RunRecord record = HqcmResources.loadRunRecord(run.dir());
        List<String> paths = record.getArtefacts().stream().map(Artefact::getPath).toList();
        for (String p : List.of("report.html", "predictions.csv", "jaccard.csv", "attention-examples.zip",
                "artefacts/attention.png", "artefacts/tsne.png", "artefacts/quantum-gradient.png")) {
            assertTrue(paths.contains(p), p + " registered in " + paths);
            assertTrue(Files.size(run.dir().resolve(p)) > 0, p + " written");
        }
    }

    @Test
    void reportRegeneratedFromTheFolderAloneEqualsTheRunsOwn() throws Exception {
        Path report = run.dir().resolve(RunReport.FILE);
        byte[] original = Files.readAllBytes(report);
        Files.delete(report);
        assertEquals(report, RunReport.write(run.dir()));
        assertArrayEquals(original, Files.readAllBytes(report));
    }

    @Test
    void resultsReadBackAgreeWithTheRunRecord() {
        RunResults r = RunResults.read(run.dir());
        RunRecord record = r.record();
        ClassificationReport report = r.report();
        assertEquals(record.getTestMetrics().getAccuracy(), report.accuracy(), 1e-9);
        assertEquals(record.getTestMetrics().getMacroF1(), report.macro().f1(), 1e-9);
        assertEquals(record.getTestMetrics().getSupport(), r.labels().length);
        long[][] counts = report.confusion().counts();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(record.getConfusionMatrix().getCounts().get(i * 4 + j).longValue(), counts[i][j]);
            }
        }
        assertNotNull(r.jaccard());
        for (int t = 0; t < record.getJaccard().size(); t++) {
            assertEquals(record.getJaccard().get(t).getThreshold(), r.jaccard().thresholds()[t], 1e-12);
            // jaccard.csv keeps 6 decimals
            assertEquals(record.getJaccard().get(t).getMean(), r.jaccard().means()[t], 1e-6);
            assertEquals(record.getJaccard().get(t).getImages(), r.jaccard().images().size());
        }
        // every scored image is a tumour image of the test set, no healthy one
        for (var s : r.jaccard().images()) {
            assertTrue(r.labels()[s.image()] != 0, "image " + s.image() + " has a tumour class");
        }
    }

    @Test
    void attentionExamplesAlternateTumourClassesAndReadBack() {
        RunResults r = RunResults.read(run.dir());
        AttentionExamples ex = AttentionExamples.read(run.dir().resolve(AttentionExamples.FILE), r.record().getExperiment());
        assertEquals(Math.min(r.record().getExperiment().getEvaluation().getAttentionExamples(),
                r.jaccard().images().size()), ex.examples().size());
        assertFalse(ex.isEmpty());
        for (AttentionExamples.Example e : ex.examples()) {
            assertEquals(16, e.image().length);
            assertEquals(2, e.map().length, "T_s is H/8");
            assertTrue(e.label() > 0);
            // its Jaccard is the one in jaccard.csv
            int pos = indexOf(r.sampleIds(), e.sampleId());
            var score = r.jaccard().images().stream().filter(s -> s.image() == pos).findFirst().orElseThrow();
            assertArrayEquals(score.values(), e.jaccard(), 1e-6);
        }
        // round robin over the tumour classes (first of class 1, 2, 3, then the second of class 1), in test order
        assertEquals(List.of(0, 1, 2, 4), AttentionExamples.choose(new int[] {1, 1, 2, 0, 3, 1, 2, 2},
                new boolean[] {true, true, true, false, true, true, true, true}, 4));
        assertEquals(List.of(), AttentionExamples.choose(new int[] {0, 0}, new boolean[] {false, false}, 4));
    }

    @Test
    void reportOfAFolderThatIsNotARunIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-run"));
        BadInputException e = assertThrows(BadInputException.class, () -> RunReport.write(empty));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " not in the test set");
    }

    private static int count(String s, String sub) {
        Matcher m = Pattern.compile(Pattern.quote(sub)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
