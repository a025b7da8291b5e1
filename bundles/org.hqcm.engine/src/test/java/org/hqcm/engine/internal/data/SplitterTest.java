package org.hqcm.engine.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hqcm.engine.BadInputException;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** {@code perClass[c]} images of class c; with patients, {@code imagesPerPatient} images each. */
    private static List<Sample> samples(int[] perClass, int imagesPerPatient) {
        List<Sample> out = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                String pid = imagesPerPatient > 0 ? "c" + c + "p" + (i / imagesPerPatient) : null;
                out.add(Sample.of(2, new float[4], null, TumourClass.ofLabel(c), pid, null, GivenSplit.NONE, 2, 2));
            }
        }
        return out;
    }

    @Test
    void everyImageLandsInExactlyOneSplitNearTheFractionsWithEveryClassInEverySplit() {
        List<Sample> s = samples(new int[] {100, 40, 200, 9}, 0);
        Split split = Splitter.split(s, 0.7, 0.15, 0.15, 42, true, true);
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < 3; k++) {
            for (int i : split.part(k)) {
                assertTrue(seen.add(i), "index " + i + " in two splits");
            }
        }
        assertEquals(s.size(), seen.size());
        assertEquals(0.7 * s.size(), split.train().length, 4);
        assertEquals(0.15 * s.size(), split.test().length, 4);
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < 3; k++) {
                int label = c;
                long n = java.util.Arrays.stream(split.part(k)).filter(i -> s.get(i).label() == label).count();
                assertTrue(n > 0, "class " + c + " missing from split " + k);
            }
        }
    }

    @Test
    void noPatientIsInTwoSplits() {
        List<Sample> s = samples(new int[] {60, 60, 90, 30}, 7);
        Split split = Splitter.split(s, 0.7, 0.15, 0.15, 3, true, true);
        Map<String, Integer> splitOfPatient = new HashMap<>();
        for (int k = 0; k < 3; k++) {
            for (int i : split.part(k)) {
                Integer before = splitOfPatient.put(s.get(i).patientId(), k);
                assertTrue(before == null || before == k, "patient " + s.get(i).patientId() + " in splits " + before
                        + " and " + k);
            }
        }
        assertEquals(0.7 * s.size(), split.train().length, 0.1 * s.size());
        // without grouping the same data set splits patients across
        Split loose = Splitter.split(s, 0.7, 0.15, 0.15, 3, true, false);
        Map<String, Set<Integer>> where = new HashMap<>();
        for (int k = 0; k < 3; k++) {
            for (int i : loose.part(k)) {
                where.computeIfAbsent(s.get(i).patientId(), x -> new HashSet<>()).add(k);
            }
        }
        assertTrue(where.values().stream().anyMatch(v -> v.size() > 1));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        List<Sample> s = samples(new int[] {30, 30, 30, 30}, 0);
        assertEquals(Splitter.split(s, 0.6, 0.2, 0.2, 5, true, true), Splitter.split(s, 0.6, 0.2, 0.2, 5, true, true));
        assertNotEquals(Splitter.split(s, 0.6, 0.2, 0.2, 5, true, true), Splitter.split(s, 0.6, 0.2, 0.2, 6, true, true));
    }

    @Test
    void theSplitGivenByTrainingAndTestingFoldersCanBeKept() {
        List<Sample> s = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GivenSplit g = i % 4 == 0 ? GivenSplit.TESTING : GivenSplit.TRAINING;
            s.add(Sample.of(2, new float[4], null, TumourClass.ofLabel(i % 4 == 0 ? (i / 4) % 4 : i % 4), null, null,
                    g, 2, 2));
        }
        Split split = Splitter.keepGiven(s, 0.2, 1, true, true);
        assertEquals(10, split.test().length);
        for (int i : split.test()) {
            assertEquals(GivenSplit.TESTING, s.get(i).givenSplit());
        }
        assertEquals(30, split.train().length + split.validation().length);
        assertEquals(6, split.validation().length, 1);

        List<Sample> leaky = List.of(
                Sample.of(2, new float[4], null, TumourClass.GLIOMA, "p1", null, GivenSplit.TRAINING, 2, 2),
                Sample.of(2, new float[4], null, TumourClass.GLIOMA, "p1", null, GivenSplit.TESTING, 2, 2));
        BadInputException e = assertThrows(BadInputException.class, () -> Splitter.keepGiven(leaky, 0.2, 1, true, true));
        assertTrue(e.getMessage().contains("p1"), e.getMessage());
    }

    @Test
    void fractionsThatDoNotAddUpAreBadInput() {
        List<Sample> s = samples(new int[] {3, 3, 3, 3}, 0);
        BadInputException e = assertThrows(BadInputException.class, () -> Splitter.split(s, 0.7, 0.2, 0.2, 1, true, true));
        assertTrue(e.getMessage().contains("add up to 1"), e.getMessage());
        assertThrows(BadInputException.class, () -> Splitter.split(s, 1.2, -0.1, -0.1, 1, true, true));
    }
}
