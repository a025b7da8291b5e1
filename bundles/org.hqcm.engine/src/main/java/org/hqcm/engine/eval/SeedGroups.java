package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The seed-grouped comparison of a sweep (or of groups given to {@code hqcm compare}): runs grouped by configuration,
 * one run per seed.
 * <ul>
 * <li>Per configuration, every metric across its seeds: mean, sd and the 95% t-interval ({@link SeedInterval}):
 * accuracy, macro precision/recall/F1, weighted F1, per-class F1, and the mean attention Jaccard at each threshold.</li>
 * <li>Configurations that differ in exactly one axis are compared pairwise (the head axis first, quantum as A):
 * per-seed paired differences A - B over the seeds both have; a Wilcoxon signed-rank test across those seeds
 * ({@link WilcoxonSignedRank#SCIPY_DEFAULT}: exact distribution without ties or zero differences, exact permutation
 * with them, for up to 13 seeds); McNemar's exact test on the discordant test images pooled over all those seeds
 * (b and c summed), only when every paired seed was evaluated on the same test images; Holm's correction within each
 * family (Wilcoxon on accuracy, on macro-F1, McNemar) over all comparisons made.</li>
 * </ul>
 * With n seeds the smallest two-sided exact Wilcoxon p is 2 / 2^n (0.0625 for 5 seeds): a sweep needs 6 seeds or
 * more before that test can reach 0.05, which the report says.
 */
public final class SeedGroups {

    /** One training seed's results of a configuration. */
    public record SeedRun(long seed, ClassificationReport report, double[] thresholds, double[] jaccardMeans,
            String testFingerprint, int[] labels, int[] predicted, Curves curves) {
        public SeedRun {
            Objects.requireNonNull(report);
            thresholds = thresholds == null ? new double[0] : thresholds.clone();
            jaccardMeans = jaccardMeans == null ? new double[0] : jaccardMeans.clone();
        }
    }

    /** Per-epoch curves of one run (lengths may differ between seeds: early stopping). */
    public record Curves(double[] trainLoss, double[] validationLoss, double[] trainAccuracy, double[] validationAccuracy) {
    }

    /** One configuration: its axis values (axis path to value, in axis order) and its seeds. */
    public record Group(String id, String label, Map<String, String> axisValues, List<SeedRun> runs) {
        public Group {
            axisValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axisValues));
            runs = List.copyOf(runs);
        }
    }

    /** A metric of a group across its seeds. */
    public record GroupMetric(String metric, SeedInterval value) {
    }

    /** A group with its metrics, in a fixed order (accuracy, macro-F1, ..., f1.CLASS, jaccard@T). */
    public record GroupSummary(Group group, List<GroupMetric> metrics) {
        public SeedInterval metric(String name) {
            return metrics.stream().filter(m -> m.metric().equals(name)).findFirst().map(GroupMetric::value)
                    .orElseThrow(() -> new IllegalArgumentException("no metric " + name));
        }
    }

    /** A paired test and its Holm-adjusted p-value within its family. */
    public record Test(String name, double statistic, double p, double pHolm, String method) {
    }

    /**
     * Two configurations that differ in one axis.
     *
     * @param seeds              seeds both have, ascending
     * @param accuracyDiffs      per seed, accuracy of A - B
     * @param macroF1Diffs       per seed, macro-F1 of A - B
     * @param mcnemar            pooled over the seeds; null when some seed's test sets differ
     */
    public record Comparison(String axis, Group a, Group b, long[] seeds, double[] accuracyDiffs, double[] macroF1Diffs,
            Test wilcoxonAccuracy, Test wilcoxonMacroF1, McNemar.Result mcnemar, Test mcnemarTest, String note) {
    }

    /** Metric names besides per-class F1 and Jaccard. */
    public static final List<String> HEADLINE = List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "weightedF1");

    private final List<String> axes;
    private final List<String> classes;
    private final List<GroupSummary> groups;
    private final List<Comparison> comparisons;

    private SeedGroups(List<String> axes, List<String> classes, List<GroupSummary> groups, List<Comparison> comparisons) {
        this.axes = axes;
        this.classes = classes;
        this.groups = groups;
        this.comparisons = comparisons;
    }

    public List<String> axes() {
        return axes;
    }

    public List<String> classes() {
        return classes;
    }

    public List<GroupSummary> groups() {
        return groups;
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    /**
     * The comparison of {@code groups} (each with at least one seed), whose axis values are keyed by {@code axes}.
     * {@code headAxis}: the axis compared first, its first value taken as A (null: none).
     */
    public static SeedGroups of(List<String> axes, List<Group> groups, String headAxis) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no configuration has a completed run");
        }
        List<String> classes = groups.get(0).runs().get(0).report().classNames();
        List<GroupSummary> summaries = new ArrayList<>();
        for (Group g : groups) {
            if (g.runs().isEmpty()) {
                throw new IllegalArgumentException("configuration " + g.label() + " has no completed run");
            }
            summaries.add(new GroupSummary(g, metrics(g, classes)));
        }
        List<Comparison> pairs = new ArrayList<>();
        List<String> order = new ArrayList<>(axes);
        if (headAxis != null && order.remove(headAxis)) {
            order.add(0, headAxis);
        }
        for (String axis : order) {
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    Group a = groups.get(i);
                    Group b = groups.get(j);
                    if (differOnlyIn(a, b, axes, axis)) {
                        Comparison c = compare(axis, a, b);
                        if (c != null) {
                            pairs.add(c);
                        }
                    }
                }
            }
        }
        return new SeedGroups(List.copyOf(axes), classes, List.copyOf(summaries), holm(pairs));
    }

    private static boolean differOnlyIn(Group a, Group b, List<String> axes, String axis) {
        for (String x : axes) {
            boolean same = Objects.equals(a.axisValues().get(x), b.axisValues().get(x));
            if (x.equals(axis) == same) {
                return false;
            }
        }
        return true;
    }

    private static List<GroupMetric> metrics(Group g, List<String> classes) {
        List<GroupMetric> out = new ArrayList<>();
        add(out, g, "accuracy", r -> r.report().accuracy());
        add(out, g, "macroPrecision", r -> r.report().macro().precision());
        add(out, g, "macroRecall", r -> r.report().macro().recall());
        add(out, g, "macroF1", r -> r.report().macro().f1());
        add(out, g, "weightedF1", r -> r.report().weighted().f1());
        for (int k = 0; k < classes.size(); k++) {
            final int kk = k;
            add(out, g, "f1." + classes.get(k), r -> r.report().perClass(kk).f1());
        }
        double[] thresholds = g.runs().get(0).thresholds();
        for (int t = 0; t < thresholds.length; t++) {
            final int tt = t;
            if (g.runs().stream().allMatch(r -> r.jaccardMeans().length > tt && Double.isFinite(r.jaccardMeans()[tt]))) {
                add(out, g, jaccardName(thresholds[t]), r -> r.jaccardMeans()[tt]);
            }
        }
        return List.copyOf(out);
    }

    /** {@code jaccard@0.90}. */
    public static String jaccardName(double threshold) {
        return String.format(java.util.Locale.ROOT, "jaccard@%.2f", threshold);
    }

    private static void add(List<GroupMetric> out, Group g, String name, ToDoubleFunction<SeedRun> f) {
        out.add(new GroupMetric(name, SeedInterval.of(g.runs().stream().mapToDouble(f).toArray())));
    }

    private static Comparison compare(String axis, Group a, Group b) {
        Map<Long, SeedRun> bySeed = new LinkedHashMap<>();
        for (SeedRun r : b.runs()) {
            bySeed.put(r.seed(), r);
        }
        List<SeedRun[]> paired = new ArrayList<>();
        for (SeedRun r : a.runs().stream().sorted((x, y) -> Long.compare(x.seed(), y.seed())).toList()) {
            SeedRun other = bySeed.get(r.seed());
            if (other != null) {
                paired.add(new SeedRun[] {r, other});
            }
        }
        if (paired.isEmpty()) {
            return null;
        }
        int n = paired.size();
        long[] seeds = new long[n];
        double[] acc = new double[n];
        double[] f1 = new double[n];
        long both = 0, bOnly = 0, cOnly = 0, neither = 0;
        boolean sameTests = true;
        for (int i = 0; i < n; i++) {
            SeedRun x = paired.get(i)[0];
            SeedRun y = paired.get(i)[1];
            seeds[i] = x.seed();
            acc[i] = x.report().accuracy() - y.report().accuracy();
            f1[i] = x.report().macro().f1() - y.report().macro().f1();
            if (x.testFingerprint() == null || !x.testFingerprint().equals(y.testFingerprint()) || x.labels() == null
                    || y.labels() == null || !Arrays.equals(x.labels(), y.labels())) {
                sameTests = false;
                continue;
            }
            McNemar.Result m = McNemar.test(x.labels(), x.predicted(), y.predicted());
            both += m.bothRight();
            bOnly += m.aRightBWrong();
            cOnly += m.aWrongBRight();
            neither += m.bothWrong();
        }
        WilcoxonSignedRank.Result wa = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(acc);
        WilcoxonSignedRank.Result wf = WilcoxonSignedRank.SCIPY_DEFAULT.testDifferences(f1);
        McNemar.Result pooled = sameTests ? McNemar.fromCounts(both, bOnly, cOnly, neither) : null;
        String note = sameTests ? "" : "McNemar not pooled: some paired seeds were evaluated on different test images";
        return new Comparison(axis, a, b, seeds, acc, f1, test("Wilcoxon accuracy", wa), test("Wilcoxon macro-F1", wf),
                pooled, pooled == null ? null : new Test("McNemar pooled", pooled.exactStatistic(), pooled.exactPValue(),
                        Double.NaN, pooled.describe() + " over " + n + " seeds"), note);
    }

    private static Test test(String name, WilcoxonSignedRank.Result w) {
        return new Test(name, w.statistic(), w.pValue(), Double.NaN, w.describe() + ", n=" + w.n());
    }

    /** Holm within each family over all comparisons. */
    private static List<Comparison> holm(List<Comparison> cs) {
        double[] wa = cs.stream().mapToDouble(c -> c.wilcoxonAccuracy().p()).toArray();
        double[] wf = cs.stream().mapToDouble(c -> c.wilcoxonMacroF1().p()).toArray();
        double[] mc = cs.stream().mapToDouble(c -> c.mcnemarTest() == null ? Double.NaN : c.mcnemarTest().p()).toArray();
        double[] waH = Holm.adjust(wa);
        double[] wfH = Holm.adjust(wf);
        double[] mcH = Holm.adjust(mc);
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            Comparison c = cs.get(i);
            out.add(new Comparison(c.axis(), c.a(), c.b(), c.seeds(), c.accuracyDiffs(), c.macroF1Diffs(),
                    withHolm(c.wilcoxonAccuracy(), waH[i]), withHolm(c.wilcoxonMacroF1(), wfH[i]), c.mcnemar(),
                    c.mcnemarTest() == null ? null : withHolm(c.mcnemarTest(), mcH[i]), c.note()));
        }
        return List.copyOf(out);
    }

    private static Test withHolm(Test t, double adjusted) {
        return new Test(t.name(), t.statistic(), t.p(), adjusted, t.method());
    }

    /** Mean and sd per epoch over the seeds that reached it (early stopping ends seeds at different epochs). */
    public static double[][] band(List<SeedRun> runs, java.util.function.Function<Curves, double[]> curve) {
        int epochs = runs.stream().filter(r -> r.curves() != null).mapToInt(r -> curve.apply(r.curves()).length).max().orElse(0);
        double[] mean = new double[epochs];
        double[] sd = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            final int ee = e;
            double[] v = runs.stream().filter(r -> r.curves() != null && curve.apply(r.curves()).length > ee)
                    .mapToDouble(r -> curve.apply(r.curves())[ee]).toArray();
            MeanSd s = MeanSd.of(v);
            mean[e] = s.mean();
            sd[e] = s.sd();
        }
        return new double[][] {mean, sd};
    }
}
