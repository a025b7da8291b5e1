package org.hqcm.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The seed-grouped statistics against values worked out by hand (the derivations are in the comments). */
class SeedGroupsTest {

    static final List<String> CLASSES = List.of("x", "y");
    /** 20 test images, the first 10 of class x. */
    static final int[] LABELS = new int[20];

    static {
        for (int i = 10; i < 20; i++) {
            LABELS[i] = 1;
        }
    }

    /** The labels with the first {@code wrong} images (all of class x) predicted as y. */
    static int[] predictions(int wrong) {
        int[] p = LABELS.clone();
        for (int i = 0; i < wrong; i++) {
            p[i] = 1;
        }
        return p;
    }

    static SeedGroups.SeedRun run(long seed, int wrong, String fingerprint) {
        int[] p = predictions(wrong);
        return new SeedGroups.SeedRun(seed, ClassificationReport.of(LABELS, p, CLASSES), new double[] {0.5},
                new double[] {0.1 * seed}, fingerprint, LABELS, p,
                new SeedGroups.Curves(new double[] {1, 0.5}, new double[] {1.2, 0.7}, new double[] {0.5, 0.8},
                        new double[] {0.4, 0.7 + 0.01 * seed}));
    }

    static SeedGroups.Group group(String head, String lr, int... wrongPerSeed) {
        List<SeedGroups.SeedRun> runs = new ArrayList<>();
        for (int s = 0; s < wrongPerSeed.length; s++) {
            runs.add(run(s + 1, wrongPerSeed[s], "fp"));
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("architecture.head", head);
        values.put("training.learningRate", lr);
        return new SeedGroups.Group(head + lr, "head=" + head + ", lr=" + lr, values, runs);
    }

    @Test
    void holmAsStatsmodels() {
        // sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(0.01, 0.04, 0.03, 0.005), 1e-15);
        // NaN is no test: m = 2
        double[] withNan = Holm.adjust(0.2, Double.NaN, 0.6);
        assertEquals(0.4, withNan[0], 1e-15);
        assertTrue(Double.isNaN(withNan[1]));
        assertEquals(0.6, withNan[2], 1e-15);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(0.5, 0.6), 0);
        assertArrayEquals(new double[] {0.7}, Holm.adjust(0.7), 0);
    }

    @Test
    void meanSdAndStudentInterval() {
        // mean 0.92, sd sqrt((0.02^2 + 0 + 0.02^2) / 2) = 0.02; for 2 degrees of freedom the t CDF is
        // 1/2 + t / (2 sqrt(2 + t^2)), so t(0.975) solves t^2 = 0.95^2 (2 + t^2): t = sqrt(1.805 / 0.0975)
        SeedInterval i = SeedInterval.of(0.90, 0.92, 0.94);
        double t = Math.sqrt(1.805 / 0.0975);
        assertEquals(0.92, i.mean(), 1e-15);
        assertEquals(0.02, i.sd(), 1e-15);
        assertEquals(0.92 - t * 0.02 / Math.sqrt(3), i.low(), 1e-12);
        assertEquals(0.92 + t * 0.02 / Math.sqrt(3), i.high(), 1e-12);
        assertEquals("0.9200 ± 0.0200 [0.8703, 0.9697]", i.format(4));
        SeedInterval one = SeedInterval.of(0.5);
        assertTrue(Double.isNaN(one.low()));
        assertEquals("0.5000 ± 0.0000", one.format(4));
    }

    @Test
    void groupsComparedPairwiseInOneAxisHeadFirst() {
        // A = quantum: 1, 0, 2, 0, 1 wrong of 20; B = classical: 2, 2, 5, 4, 6 wrong -> A - B accuracy per seed
        // = (wrongB - wrongA) / 20 = 1, 2, 3, 4, 5 / 20: all positive and distinct, exact Wilcoxon R- = 0,
        // two-sided p = 2 / 2^5 = 0.0625
        SeedGroups.Group q1 = group("quantum", "0.1", 1, 0, 2, 0, 1);
        SeedGroups.Group q2 = group("quantum", "0.2", 1, 0, 2, 0, 2);
        SeedGroups.Group c1 = group("classical", "0.1", 2, 2, 5, 4, 6);
        SeedGroups.Group c2 = group("classical", "0.2", 0, 2, 3, 4, 5);
        SeedGroups g = SeedGroups.of(List.of("training.learningRate", "architecture.head"), List.of(q1, q2, c1, c2),
                "architecture.head");
        assertEquals(4, g.comparisons().size(), "pairs that differ in exactly one axis");
        SeedGroups.Comparison first = g.comparisons().get(0);
        assertEquals("architecture.head", first.axis());
        assertEquals(q1, first.a());
        assertEquals(c1, first.b());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, first.seeds());
        assertArrayEquals(new double[] {0.05, 0.10, 0.15, 0.20, 0.25}, first.accuracyDiffs(), 1e-12);
        assertEquals(0.0, first.wilcoxonAccuracy().statistic());
        assertEquals(0.0625, first.wilcoxonAccuracy().p(), 1e-15);
        // pooled McNemar: A's wrong images are among B's, so b = 1+2+3+4+5 = 15, c = 0, p = 2 (1/2)^15
        assertEquals(15, first.mcnemar().aRightBWrong());
        assertEquals(0, first.mcnemar().aWrongBRight());
        assertEquals(2 * Math.pow(0.5, 15), first.mcnemarTest().p(), 1e-18);
        // second head comparison: q2 vs c2 differences (wrong) -1, 2, 1, 4, 3 -> |d| ranks 1.5, 3.5, 1.5, 5, 3.5? no:
        // |d| = 1, 2, 1, 4, 3 -> average ranks 1.5, 3, 1.5, 5, 4; R- = 1.5 (the -1), ties -> exact permutation over
        // 2^5 sign assignments: sums of half-ranks {3, 6, 3, 10, 8} <= 3 (R+ or R- <= 1.5): {}, {3a}, {3b} -> 3 of 32,
        // two-sided 6/32 = 0.1875
        SeedGroups.Comparison second = g.comparisons().get(1);
        assertEquals(q2, second.a());
        assertEquals(c2, second.b());
        assertEquals(1.5, second.wilcoxonAccuracy().statistic());
        assertEquals(0.1875, second.wilcoxonAccuracy().p(), 1e-15);
        assertTrue(second.wilcoxonAccuracy().method().contains("permutation"), second.wilcoxonAccuracy().method());
        // Holm over the 4 Wilcoxon accuracy p-values of the family
        double[] raw = g.comparisons().stream().mapToDouble(c -> c.wilcoxonAccuracy().p()).toArray();
        double[] holm = Holm.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(holm[i], g.comparisons().get(i).wilcoxonAccuracy().pHolm(), 0);
        }
        assertEquals("training.learningRate", g.comparisons().get(2).axis());
        // q1 vs q2 differ only in the 5th seed (1 vs 2 wrong): one non-zero difference, zeros dropped
        SeedGroups.Comparison lr = g.comparisons().get(2);
        assertEquals(q1, lr.a());
        assertEquals(1.0, lr.wilcoxonAccuracy().p(), 1e-15);
    }

    @Test
    void perConfigurationMetricsByHand() {
        // seeds with 1 and 3 wrong of 20: accuracy 0.95 and 0.85 -> mean 0.90, sd sqrt(2 * 0.05^2) = 0.0707107
        // F1 of x: 1 wrong -> precision 1, recall 0.9, F1 = 2*0.9/1.9 = 0.947368; 3 wrong -> 2*0.7/1.7 = 0.823529
        SeedGroups.Group a = group("quantum", "0.1", 1, 3);
        SeedGroups.GroupSummary s = SeedGroups.of(List.of("architecture.head"), List.of(a), null).groups().get(0);
        assertEquals(0.90, s.metric("accuracy").mean(), 1e-12);
        assertEquals(Math.sqrt(2) * 0.05, s.metric("accuracy").sd(), 1e-12);
        assertEquals((2 * 0.9 / 1.9 + 2 * 0.7 / 1.7) / 2, s.metric("f1.x").mean(), 1e-12);
        // jaccard@0.50 of seed s is 0.1 s: 0.1 and 0.2
        assertEquals(0.15, s.metric("jaccard@0.50").mean(), 1e-12);
        double[][] band = SeedGroups.band(a.runs(), SeedGroups.Curves::validationAccuracy);
        assertArrayEquals(new double[] {0.4, 0.715}, band[0], 1e-12);
        assertArrayEquals(new double[] {0, Math.sqrt(2) * 0.005}, band[1], 1e-12);
    }

    @Test
    void mcNemarIsNotPooledAcrossDifferentTestSets() {
        SeedGroups.Group a = group("quantum", "0.1", 1, 2);
        List<SeedGroups.SeedRun> other = List.of(run(1, 3, "fp"), run(2, 4, "other"));
        SeedGroups.Group b = new SeedGroups.Group("b", "b", Map.of("architecture.head", "classical",
                "training.learningRate", "0.1"), other);
        SeedGroups.Comparison c = SeedGroups.of(List.of("architecture.head", "training.learningRate"), List.of(a, b),
                "architecture.head").comparisons().get(0);
        assertNull(c.mcnemar());
        assertTrue(c.note().contains("different test images"));
    }

    @Test
    void reportInThreeFormatsWithFigures(@TempDir Path dir) throws Exception {
        SeedGroups g = SeedGroups.of(List.of("architecture.head", "training.learningRate"), List.of(
                group("quantum", "0.1", 1, 0, 2), group("classical", "0.1", 2, 2, 5)), "architecture.head");
        String md = GroupReport.write("Sweep s", g, dir);
        assertTrue(md.contains("| head=quantum, lr=0.1 | 3 |"), md);
        assertTrue(md.contains("0.9500 ± 0.0500"), md);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve(GroupReport.JSON))).getAsJsonObject();
        assertEquals(2, json.getAsJsonArray("configurations").size());
        JsonObject acc = json.getAsJsonArray("configurations").get(0).getAsJsonObject().getAsJsonObject("metrics")
                .getAsJsonObject("accuracy");
        assertEquals(0.95, acc.get("mean").getAsDouble(), 1e-12);
        assertEquals(0.25, json.getAsJsonArray("comparisons").get(0).getAsJsonObject().getAsJsonObject("wilcoxonAccuracy")
                .get("p").getAsDouble(), 1e-15); // 3 positive distinct differences: 2/8
        assertTrue(Files.readString(dir.resolve(GroupReport.HTML)).contains("data:image/png;base64,"));
        for (String png : List.of("validation-accuracy.png", "validation-loss.png", "parallel-coordinates.png")) {
            assertTrue(Files.size(dir.resolve("figures").resolve(png)) > 1000, png);
        }
        // written twice, identical: nothing depends on time or place
        Path again = dir.resolve("again");
        GroupReport.write("Sweep s", g, again);
        assertEquals(Files.readString(dir.resolve(GroupReport.JSON)), Files.readString(again.resolve(GroupReport.JSON)));
        assertEquals(md, Files.readString(again.resolve(GroupReport.MARKDOWN)));
    }
}
