package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.hqcm.engine.eval.CalibrationMetrics;
import org.hqcm.engine.eval.ExplanationScores;
import org.hqcm.engine.eval.OodScores;
import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.run.ExplanationMaps;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.engine.run.TestPredictions;
import org.hqcm.model.Calibration;
import org.hqcm.model.ExplanationMethod;
import org.hqcm.model.ExplanationScore;
import org.hqcm.model.OodSource;
import org.hqcm.model.OutOfDistribution;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real tiny run writes for issue 17, read back: explanations of its tumour test images (record, per-image
 * scores, scored maps), calibration before and after its fitted temperature, out-of-distribution thresholds and flags,
 * and another source scored against them.
 */
class ConfidenceAndExplanationsTest {

    @TempDir
    static Path dir;

    static RunFolder run;
    static RunRecord record;

    @BeforeAll
    static void runTinyExperiment() {
        var e = TinyExperiments.tiny(2);
        e.getEvaluation().setTemperatureScaling(true);
        run = new ExperimentRunner(RunObserver.NONE, () -> false).start(TinyExperiments.write(e, dir), 5L, dir.resolve("runs"));
        record = HqcmResources.loadRunRecord(run.dir());
    }

    @Test
    void everyMethodExplainsTheSameTumourImagesAndTheRecordHoldsTheirMeans() throws Exception {
        List<ExplanationMethod> methods = record.getExplanations().stream().map(ExplanationScore::getMethod).toList();
        assertEquals(List.of(ExplanationMethod.values()), methods);
        int images = record.getExplanations().get(0).getImages();
        assertTrue(images > 0);
        RunResults results = RunResults.read(run.dir());
        ExplanationScores scores = results.explanations();
        assertNotNull(scores);
        for (int m = 0; m < methods.size(); m++) {
            ExplanationScore e = record.getExplanations().get(m);
            ExplanationScores.Method read = scores.methods().get(m);
            assertEquals(ExplanationEvaluation.label(e.getMethod()), read.name());
            assertEquals(images, e.getImages());
            assertEquals(3, e.getJaccard().size());
            double[] means = read.means();
            assertEquals(e.getPointingGame(), means[3], 1e-6, e.getMethod() + " pointing game read back");
            assertEquals(e.getEnergyInside(), means[4], 1e-6);
            assertTrue(e.getPointingGame() >= 0 && e.getPointingGame() <= 1);
            assertTrue(e.getSecondsPerImage() > 0, e.getMethod() + " cost measured");
        }
        assertEquals("block3", record.getExplanations().get(1).getLayer());
        assertEquals("attention", record.getExplanations().get(2).getLayer());
        assertEquals(4 * images + 1, Files.readAllLines(run.dir().resolve(ExplanationEvaluation.CSV)).size());
        assertTrue(Files.size(run.artefacts().resolve(ExplanationEvaluation.GALLERY)) > 0);

        TestPredictions p = TestPredictions.read(run.dir());
        try (ExplanationMaps maps = ExplanationMaps.open(run.dir())) {
            assertEquals(methods, maps.methods());
            assertEquals(images, maps.count());
            int explained = 0;
            for (int pos = 0; pos < p.size(); pos++) {
                Map<ExplanationMethod, float[][]> m = maps.maps(pos);
                if (m.isEmpty()) {
                    continue;
                }
                explained++;
                for (float[][] g : m.values()) {
                    assertEquals(16, g.length);
                    float max = 0;
                    for (float[] row : g) {
                        for (float v : row) {
                            assertTrue(v >= 0 && v <= 1);
                            max = Math.max(max, v);
                        }
                    }
                    assertTrue(max == 1f || max == 0f, "normalised as scored: the maximum is 1 (0 for a constant map)");
                }
            }
            assertEquals(images, explained);
        }
    }

    @Test
    void calibrationIsThatOfTheWrittenLogitsAndTheFittedTemperature() throws Exception {
        Calibration c = record.getCalibration();
        assertTrue(c.isFitted());
        assertTrue(c.getTemperature() >= CalibrationMetrics.MIN_TEMPERATURE && c.getTemperature() <= CalibrationMetrics.MAX_TEMPERATURE);
        assertTrue(c.getValidationImages() > 0);
        List<String> lines = Files.readAllLines(run.dir().resolve(ConfidenceEvaluation.CSV));
        List<double[]> logits = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (f[0].equals("test")) {
                labels.add(Integer.parseInt(f[2]));
                logits.add(new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7])});
            }
        }
        double[] z = logits.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        assertEquals(c.getImages(), y.length);
        assertEquals(c.getEce(), CalibrationMetrics.of(z, 4, y, 1, 15).ece(), 1e-4);
        assertEquals(c.getScaledBrier(), CalibrationMetrics.of(z, 4, y, c.getTemperature(), 15).brier(), 1e-4);
        assertTrue(Files.size(run.artefacts().resolve(ConfidenceEvaluation.RELIABILITY)) > 0);
        assertEquals(c.getTemperature(), TrainedModel.load(run).temperature(), 0);
    }

    @Test
    void theThresholdKeepsTheValidationShareAndFlagsAreWrittenPerImage() throws Exception {
        OutOfDistribution o = record.getOutOfDistribution();
        assertNotNull(o);
        assertTrue(o.getValidationFlagged() <= 0.05 + 1e-12, "at most 5% of the validation images flagged");
        OodScores.Scores test = ConfidenceEvaluation.read(run.dir().resolve(ConfidenceEvaluation.CSV), "test");
        assertEquals(o.getTestImages(), test.size());
        long flagged = Files.readAllLines(run.dir().resolve(ConfidenceEvaluation.CSV)).stream()
                .filter(l -> l.startsWith("test,") && l.endsWith(",true")).count();
        assertEquals(o.getTestFlagged(), flagged / (double) test.size(), 1e-12);
    }

    /** Uniform noise (unlike any phantom slice) scored against the run's thresholds, twice: one source, one entry. */
    @Test
    void anotherSourceIsScoredRecordedAndShownInTheReport() throws Exception {
        Random r = new Random(1);
        List<Sample> noise = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            float[] px = new float[16 * 16];
            for (int k = 0; k < px.length; k++) {
                px[k] = r.nextFloat();
            }
            Path f = dir.resolve("noise-" + i + ".png");
            noise.add(Sample.of(16, px, null, TumourClass.HEALTHY, null, f, GivenSplit.NONE, 16, 16));
            files.add(f);
        }
        OodSource first = OodSources.add(run.dir(), "noise", noise, files, 1);
        OodSource again = OodSources.add(run.dir(), "noise", noise, files, 1);
        RunRecord after = HqcmResources.loadRunRecord(run.dir());
        assertEquals(1, after.getOutOfDistribution().getSources().size(), "scored again: replaced, not added");
        assertEquals(6, again.getImages());
        assertEquals(1, again.getSkipped());
        assertEquals(first.getFlagged(), again.getFlagged());
        assertEquals(7, Files.readAllLines(run.dir().resolve(OodSources.CSV)).size());
        String html = Files.readString(run.dir().resolve(RunReport.FILE));
        assertTrue(html.contains("noise (1 files unreadable)"), "the report lists the source");
        assertFalse(OodSources.read(run).isEmpty());
    }
}
