package org.hqcm.engine.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hqcm.engine.BadInputException;

/**
 * Train/validation/test split by fractions and seed: stratified by class (each class split on its own, so every
 * split gets each class when the class has at least as many patients as there are non-empty splits), and grouped
 * by patient where a patient id is known, so that no patient is in two splits. A patient's images go with the
 * class most of them have.
 */
public final class Splitter {
    private static final double FRACTION_TOLERANCE = 1e-6;

    private Splitter() {
    }

    public static Split split(List<Sample> samples, double train, double validation, double test, long seed,
            boolean stratified, boolean groupByPatient) {
        return split(samples, train, validation, test, seed, stratified, groupByPatient, List.of());
    }

    /**
     * As {@link #split(List, double, double, double, long, boolean, boolean)}, with groups of sample indexes that
     * must share a split whatever their patients (copies of one image, {@link LeakageGuard}): the units holding a
     * group's members become one unit. Without groups the split is exactly the one without this argument.
     */
    public static Split split(List<Sample> samples, double train, double validation, double test, long seed,
            boolean stratified, boolean groupByPatient, List<int[]> linked) {
        double[] fractions = {train, validation, test};
        check(fractions);
        // units: a patient's images together, or one image alone
        Map<String, List<Integer>> byPatient = new LinkedHashMap<>();
        List<int[]> units = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            String pid = groupByPatient ? samples.get(i).patientId() : null;
            if (pid == null) {
                units.add(new int[] {i});
            } else {
                byPatient.computeIfAbsent(pid, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> idx : byPatient.values()) {
            units.add(idx.stream().mapToInt(Integer::intValue).toArray());
        }
        if (!linked.isEmpty()) {
            units = merged(units, linked, samples.size());
        }
        // strata
        List<List<int[]>> strata = new ArrayList<>();
        for (int c = 0; c < (stratified ? TumourClass.COUNT : 1); c++) {
            strata.add(new ArrayList<>());
        }
        for (int[] u : units) {
            strata.get(stratified ? majorityLabel(samples, u) : 0).add(u);
        }
        List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        SplittableRandom rng = new SplittableRandom(seed);
        for (List<int[]> stratum : strata) {
            assign(stratum, fractions, rng.split(), parts);
        }
        return new Split(sorted(parts.get(0)), sorted(parts.get(1)), sorted(parts.get(2)));
    }

    /**
     * Keeps the split a dataset's folders give: {@link GivenSplit#TESTING} images are the test split; the
     * {@link GivenSplit#TRAINING} ones (and those without a given split) are split into train and validation by
     * {@code validation} share of them, stratified and grouped as {@link #split} does. A patient found in both given
     * splits is bad input when grouping by patient, since the given split would leak it.
     */
    public static Split keepGiven(List<Sample> samples, double validation, long seed, boolean stratified,
            boolean groupByPatient) {
        return keepGiven(samples, validation, seed, stratified, groupByPatient, List.of());
    }

    /**
     * As {@link #keepGiven(List, double, long, boolean, boolean)}, with linked groups kept together in train or
     * validation; a group's members in Testing/ stay there (the given split decides; data info warns of them).
     */
    public static Split keepGiven(List<Sample> samples, double validation, long seed, boolean stratified,
            boolean groupByPatient, List<int[]> linked) {
        if (!(validation >= 0 && validation < 1)) {
            throw new BadInputException("validation fraction is " + validation + ", expected a value in [0, 1)");
        }
        List<Sample> rest = new ArrayList<>();
        List<Integer> restIndex = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        Map<String, GivenSplit> patientSplit = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            boolean isTest = s.givenSplit() == GivenSplit.TESTING;
            if (groupByPatient && s.patientId() != null) {
                GivenSplit g = isTest ? GivenSplit.TESTING : GivenSplit.TRAINING;
                GivenSplit before = patientSplit.putIfAbsent(s.patientId(), g);
                if (before != null && before != g) {
                    throw new BadInputException("patient " + s.patientId() + " has images in both Training/ and"
                            + " Testing/ (" + s.source() + "): the given split would put one patient in two splits");
                }
            }
            if (isTest) {
                test.add(i);
            } else {
                rest.add(s);
                restIndex.add(i);
            }
        }
        if (rest.isEmpty()) {
            throw new BadInputException("no image outside Testing/: expected Training/ images to train on");
        }
        int[] restPos = new int[samples.size()];
        Arrays.fill(restPos, -1);
        for (int k = 0; k < restIndex.size(); k++) {
            restPos[restIndex.get(k)] = k;
        }
        List<int[]> restLinked = new ArrayList<>();
        for (int[] g : linked) {
            int[] r = Arrays.stream(g).map(i -> restPos[i]).filter(k -> k >= 0).toArray();
            if (r.length > 1) {
                restLinked.add(r);
            }
        }
        Split inner = split(rest, 1 - validation, validation, 0, seed, stratified, groupByPatient, restLinked);
        return new Split(mapped(inner.train(), restIndex), mapped(inner.validation(), restIndex),
                sorted(test));
    }

    /** Units joined where a linked group has members in several; each merged unit takes its first unit's place. */
    private static List<int[]> merged(List<int[]> units, List<int[]> linked, int n) {
        int[] unitOf = new int[n];
        for (int u = 0; u < units.size(); u++) {
            for (int i : units.get(u)) {
                unitOf[i] = u;
            }
        }
        UnionFind sets = new UnionFind(units.size());
        for (int[] g : linked) {
            for (int k = 1; k < g.length; k++) {
                sets.union(unitOf[g[0]], unitOf[g[k]]);
            }
        }
        Map<Integer, List<Integer>> joined = new LinkedHashMap<>();
        for (int u = 0; u < units.size(); u++) {
            List<Integer> into = joined.computeIfAbsent(sets.root(u), k -> new ArrayList<>());
            for (int i : units.get(u)) {
                into.add(i);
            }
        }
        List<int[]> out = new ArrayList<>(joined.size());
        for (List<Integer> idx : joined.values()) {
            int[] a = idx.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(a);
            out.add(a);
        }
        return out;
    }

    private static int[] mapped(int[] inner, List<Integer> index) {
        int[] out = new int[inner.length];
        for (int i = 0; i < inner.length; i++) {
            out[i] = index.get(inner[i]);
        }
        Arrays.sort(out);
        return out;
    }

    private static void check(double[] f) {
        String[] names = {"train", "validation", "test"};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            if (!(f[i] >= 0 && f[i] <= 1)) {
                throw new BadInputException(names[i] + " fraction is " + f[i] + ", expected a value in [0, 1]");
            }
            sum += f[i];
        }
        if (Math.abs(sum - 1) > FRACTION_TOLERANCE) {
            throw new BadInputException("split fractions " + f[0] + " + " + f[1] + " + " + f[2] + " = " + sum
                    + ", expected them to add up to 1");
        }
        if (f[0] <= 0) {
            throw new BadInputException("train fraction is " + f[0] + ", expected more than 0");
        }
    }

    private static int majorityLabel(List<Sample> samples, int[] unit) {
        int[] counts = new int[TumourClass.COUNT];
        for (int i : unit) {
            counts[samples.get(i).label()]++;
        }
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Shuffles the units, then gives one to each split with a non-zero fraction (when there are enough), and the
     * rest, largest first, each to the split furthest below its target image count.
     */
    private static void assign(List<int[]> units, double[] fractions, SplittableRandom rng, List<List<Integer>> parts) {
        if (units.isEmpty()) {
            return;
        }
        int[][] shuffled = units.toArray(new int[0][]);
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int[] t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        // stable sort by size (descending) keeps the shuffle among equals
        Arrays.sort(shuffled, (a, b) -> Integer.compare(b.length, a.length));
        int images = 0;
        for (int[] u : shuffled) {
            images += u.length;
        }
        double[] target = new double[3];
        for (int k = 0; k < 3; k++) {
            target[k] = fractions[k] * images;
        }
        int[] have = new int[3];
        int nonEmpty = 0;
        for (double f : fractions) {
            if (f > 0) {
                nonEmpty++;
            }
        }
        boolean[] used = new boolean[shuffled.length];
        if (shuffled.length >= nonEmpty) {
            // seed each split with one of the smallest units so that small classes reach every split
            int next = shuffled.length - 1;
            for (int k = 2; k >= 0; k--) {
                if (fractions[k] > 0) {
                    give(shuffled[next], k, parts, have);
                    used[next] = true;
                    next--;
                }
            }
        }
        for (int i = 0; i < shuffled.length; i++) {
            if (used[i]) {
                continue;
            }
            int best = -1;
            double bestDeficit = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                if (fractions[k] <= 0) {
                    continue;
                }
                double deficit = (target[k] - have[k]) / fractions[k];
                if (deficit > bestDeficit + 1e-9) {
                    bestDeficit = deficit;
                    best = k;
                }
            }
            give(shuffled[i], best, parts, have);
        }
    }

    private static void give(int[] unit, int k, List<List<Integer>> parts, int[] have) {
        for (int i : unit) {
            parts.get(k).add(i);
        }
        have[k] += unit.length;
    }

    private static int[] sorted(List<Integer> list) {
        int[] a = list.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
