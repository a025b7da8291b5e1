package org.hqcm.engine.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.hqcm.engine.plot.LineChart;
import org.hqcm.engine.plot.ParallelCoordinates;
import org.hqcm.model.resource.AtomicFiles;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Writes a {@link SeedGroups} comparison as {@code report.md}, {@code report.html} (self-contained) and
 * {@code report.json} (Gson), with figures in {@code figures/}: validation accuracy and loss per configuration as the
 * mean with a +-sd band, and a parallel-coordinates chart from the axes to mean test accuracy. Nothing in the output
 * depends on where the runs lie or when the report was made, so the report of a resumed sweep equals that of an
 * uninterrupted one.
 */
public final class GroupReport {

    /** Files written into the report folder. */
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    public static final String JSON = "report.json";
    public static final String FIGURES = "figures";

    static final String WILCOXON_NOTE = "Paired tests pair the runs of two configurations by training seed. Wilcoxon "
            + "signed-rank on the per-seed differences with SciPy's defaults (zero differences dropped; exact "
            + "distribution, or exact permutation with ties, up to 13 seeds); with n seeds the smallest two-sided p is "
            + "2/2^n (0.0625 for 5 seeds). McNemar: exact binomial test on the discordant test images summed over the "
            + "paired seeds (only when they share their test images). Holm's correction within each family of tests.";

    private GroupReport() {
    }

    /** Writes the report into {@code dir}; returns the Markdown. */
    public static String write(String title, SeedGroups groups, Path dir) throws IOException {
        Files.createDirectories(dir.resolve(FIGURES));
        Table table1 = table1(groups);
        Table metrics = allMetrics(groups);
        Table paired = paired(groups);
        List<String> captions = new ArrayList<>();
        List<Path> pngs = new ArrayList<>();
        figures(groups, dir.resolve(FIGURES), captions, pngs);

        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append(groups.groups().size()).append(" configuration(s), ")
                .append(groups.groups().stream().mapToInt(g -> g.group().runs().size()).sum())
                .append(" completed run(s); axes: ").append(groups.axes().isEmpty() ? "none" : String.join(", ", groups.axes()))
                .append(".\n\n");
        md.append("## Table 1: test metrics, mean ± sd across seeds\n\n").append(table1.toMarkdown());
        md.append("\n## Every metric: mean ± sd [95% t-interval] across seeds\n\n").append(metrics.toMarkdown());
        if (!groups.comparisons().isEmpty()) {
            md.append("\n## Configurations that differ in one axis: paired across seeds\n\n").append(paired.toMarkdown())
                    .append('\n').append(WILCOXON_NOTE).append('\n');
            for (SeedGroups.Comparison c : groups.comparisons()) {
                if (!c.note().isEmpty()) {
                    md.append("\n- ").append(c.a().label()).append(" vs ").append(c.b().label()).append(": ").append(c.note());
                }
            }
            md.append("\n### Per-seed differences (A - B)\n\n").append(perSeed(groups).toMarkdown());
        }
        md.append("\n## Figures\n\n");
        for (int i = 0; i < pngs.size(); i++) {
            md.append("- ").append(captions.get(i)).append(": ").append(FIGURES).append('/').append(pngs.get(i).getFileName())
                    .append('\n');
        }
        HtmlReport html = HtmlReport.titled(title).paragraph(md.substring(md.indexOf("\n\n") + 2, md.indexOf("\n\n## ")))
                .heading("Table 1: test metrics, mean ± sd across seeds").table(table1)
                .heading("Every metric: mean ± sd [95% t-interval] across seeds").table(metrics);
        if (!groups.comparisons().isEmpty()) {
            html = html.heading("Configurations that differ in one axis: paired across seeds").table(paired)
                    .note(WILCOXON_NOTE).heading("Per-seed differences (A - B)").table(perSeed(groups));
        }
        for (int i = 0; i < pngs.size(); i++) {
            html = html.figure(captions.get(i), pngs.get(i));
        }
        AtomicFiles.writeString(dir.resolve(MARKDOWN), md.toString());
        html.write(dir.resolve(HTML));
        AtomicFiles.writeString(dir.resolve(JSON), new GsonBuilder().setPrettyPrinting().create().toJson(json(title, groups)) + "\n");
        return md.toString();
    }

    static Table table1(SeedGroups groups) {
        List<String> header = new ArrayList<>(List.of("Configuration", "Seeds"));
        for (String c : groups.classes()) {
            header.add("F1 " + c);
        }
        header.addAll(List.of("Macro-F1", "Weighted-F1", "Accuracy"));
        List<List<String>> rows = new ArrayList<>();
        for (SeedGroups.GroupSummary g : groups.groups()) {
            List<String> row = new ArrayList<>(List.of(g.group().label(), String.valueOf(g.group().runs().size())));
            for (String c : groups.classes()) {
                row.add(g.metric("f1." + c).meanSd().format(4));
            }
            row.add(g.metric("macroF1").meanSd().format(4));
            row.add(g.metric("weightedF1").meanSd().format(4));
            row.add(g.metric("accuracy").meanSd().format(4));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    static Table allMetrics(SeedGroups groups) {
        List<String> header = new ArrayList<>(List.of("Metric"));
        for (SeedGroups.GroupSummary g : groups.groups()) {
            header.add(g.group().label());
        }
        List<List<String>> rows = new ArrayList<>();
        for (SeedGroups.GroupMetric m : groups.groups().get(0).metrics()) {
            List<String> row = new ArrayList<>(List.of(m.metric()));
            for (SeedGroups.GroupSummary g : groups.groups()) {
                row.add(g.metrics().stream().filter(x -> x.metric().equals(m.metric())).findFirst()
                        .map(x -> x.value().format(4)).orElse("n/a"));
            }
            rows.add(row);
        }
        return new Table(header, rows);
    }

    static Table paired(SeedGroups groups) {
        List<String> header = List.of("Axis", "A", "B", "Other axes", "Seeds", "Accuracy A - B (mean ± sd)", "Wilcoxon p (Holm)",
                "Macro-F1 A - B (mean ± sd)", "Wilcoxon p (Holm)", "McNemar pooled b / c", "McNemar p (Holm)");
        List<List<String>> rows = new ArrayList<>();
        for (SeedGroups.Comparison c : groups.comparisons()) {
            String others = c.a().axisValues().entrySet().stream().filter(e -> !e.getKey().equals(c.axis()))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
            rows.add(List.of(c.axis(), c.a().axisValues().get(c.axis()), c.b().axisValues().get(c.axis()),
                    others.isEmpty() ? "-" : others, String.valueOf(c.seeds().length), MeanSd.of(c.accuracyDiffs()).format(4),
                    p(c.wilcoxonAccuracy()), MeanSd.of(c.macroF1Diffs()).format(4), p(c.wilcoxonMacroF1()),
                    c.mcnemar() == null ? "n/a" : c.mcnemar().aRightBWrong() + " / " + c.mcnemar().aWrongBRight(),
                    c.mcnemarTest() == null ? "n/a" : p(c.mcnemarTest())));
        }
        return new Table(header, rows);
    }

    private static String p(SeedGroups.Test t) {
        return ReportTables.pValue(t.p()) + " (" + ReportTables.pValue(t.pHolm()) + ")";
    }

    static Table perSeed(SeedGroups groups) {
        List<String> header = List.of("A", "B", "Seed", "Accuracy A - B", "Macro-F1 A - B");
        List<List<String>> rows = new ArrayList<>();
        for (SeedGroups.Comparison c : groups.comparisons()) {
            for (int i = 0; i < c.seeds().length; i++) {
                rows.add(List.of(c.a().label(), c.b().label(), String.valueOf(c.seeds()[i]),
                        String.format(Locale.ROOT, "%+.4f", c.accuracyDiffs()[i]),
                        String.format(Locale.ROOT, "%+.4f", c.macroF1Diffs()[i])));
            }
        }
        return new Table(header, rows);
    }

    private static void figures(SeedGroups groups, Path figures, List<String> captions, List<Path> pngs) throws IOException {
        band(groups, "Validation accuracy per epoch, mean ± sd across seeds", "accuracy", SeedGroups.Curves::validationAccuracy,
                figures.resolve("validation-accuracy.png"), captions, pngs, true);
        band(groups, "Validation loss per epoch, mean ± sd across seeds", "loss", SeedGroups.Curves::validationLoss,
                figures.resolve("validation-loss.png"), captions, pngs, false);
        band(groups, "Training loss per epoch, mean ± sd across seeds", "loss", SeedGroups.Curves::trainLoss,
                figures.resolve("training-loss.png"), captions, pngs, false);
        if (!groups.axes().isEmpty()) {
            ParallelCoordinates pc = ParallelCoordinates.of("Axes to mean test accuracy (one line per configuration)",
                    groups.axes(), "test accuracy");
            for (SeedGroups.GroupSummary g : groups.groups()) {
                pc = pc.line(groups.axes().stream().map(a -> g.group().axisValues().get(a)).toList(),
                        g.metric("accuracy").mean());
            }
            Path png = figures.resolve("parallel-coordinates.png");
            pc.writePng(png, 900, 520);
            captions.add("Parallel coordinates: each configuration's axis values and its mean test accuracy");
            pngs.add(png);
        }
    }

    private static void band(SeedGroups groups, String title, String yLabel, Function<SeedGroups.Curves, double[]> curve,
            Path png, List<String> captions, List<Path> pngs, boolean unit) throws IOException {
        LineChart chart = LineChart.of(title).xLabel("epoch").yLabel(yLabel);
        if (unit) {
            chart = chart.yRange(0, 1);
        }
        boolean any = false;
        for (SeedGroups.GroupSummary g : groups.groups()) {
            double[][] b = SeedGroups.band(g.group().runs(), curve);
            if (b[0].length > 0) {
                chart = chart.bandSeries(g.group().label(), b[0], b[1], false);
                any = true;
            }
        }
        if (any) {
            chart.writePng(png, 900, 560);
            captions.add(title);
            pngs.add(png);
        }
    }

    static JsonObject json(String title, SeedGroups groups) {
        JsonObject root = new JsonObject();
        root.addProperty("title", title);
        JsonArray axes = new JsonArray();
        groups.axes().forEach(axes::add);
        root.add("axes", axes);
        JsonArray classes = new JsonArray();
        groups.classes().forEach(classes::add);
        root.add("classes", classes);
        JsonArray configurations = new JsonArray();
        for (SeedGroups.GroupSummary g : groups.groups()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", g.group().id());
            o.addProperty("label", g.group().label());
            JsonObject values = new JsonObject();
            g.group().axisValues().forEach(values::addProperty);
            o.add("axisValues", values);
            JsonArray seeds = new JsonArray();
            g.group().runs().forEach(r -> seeds.add(r.seed()));
            o.add("seeds", seeds);
            JsonObject metrics = new JsonObject();
            for (SeedGroups.GroupMetric m : g.metrics()) {
                JsonObject v = new JsonObject();
                v.add("mean", number(m.value().mean()));
                v.add("sd", number(m.value().sd()));
                v.add("ci95Low", number(m.value().low()));
                v.add("ci95High", number(m.value().high()));
                v.addProperty("n", m.value().n());
                metrics.add(m.metric(), v);
            }
            o.add("metrics", metrics);
            configurations.add(o);
        }
        root.add("configurations", configurations);
        JsonArray comparisons = new JsonArray();
        for (SeedGroups.Comparison c : groups.comparisons()) {
            JsonObject o = new JsonObject();
            o.addProperty("axis", c.axis());
            o.addProperty("a", c.a().id());
            o.addProperty("b", c.b().id());
            o.addProperty("aLabel", c.a().label());
            o.addProperty("bLabel", c.b().label());
            JsonArray seeds = new JsonArray();
            for (long s : c.seeds()) {
                seeds.add(s);
            }
            o.add("seeds", seeds);
            o.add("accuracyDiffs", numbers(c.accuracyDiffs()));
            o.add("macroF1Diffs", numbers(c.macroF1Diffs()));
            o.add("wilcoxonAccuracy", test(c.wilcoxonAccuracy()));
            o.add("wilcoxonMacroF1", test(c.wilcoxonMacroF1()));
            if (c.mcnemar() != null) {
                JsonObject m = test(c.mcnemarTest());
                m.addProperty("aRightBWrong", c.mcnemar().aRightBWrong());
                m.addProperty("aWrongBRight", c.mcnemar().aWrongBRight());
                m.addProperty("bothRight", c.mcnemar().bothRight());
                m.addProperty("bothWrong", c.mcnemar().bothWrong());
                o.add("mcnemarPooled", m);
            } else {
                o.add("mcnemarPooled", JsonNull.INSTANCE);
            }
            o.addProperty("note", c.note());
            comparisons.add(o);
        }
        root.add("comparisons", comparisons);
        root.addProperty("method", WILCOXON_NOTE);
        return root;
    }

    private static JsonObject test(SeedGroups.Test t) {
        JsonObject o = new JsonObject();
        o.add("statistic", number(t.statistic()));
        o.add("p", number(t.p()));
        o.add("pHolm", number(t.pHolm()));
        o.addProperty("method", t.method());
        return o;
    }

    private static JsonElement number(double v) {
        // JSON has no NaN: a value that does not exist (one seed's interval) is null
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    private static JsonArray numbers(double[] v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(number(d));
        }
        return a;
    }
}
