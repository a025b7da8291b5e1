package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.GroupReport;
import org.hqcm.engine.eval.HtmlReport;
import org.hqcm.engine.eval.PairedComparison;
import org.hqcm.engine.eval.SeedGroups;
import org.hqcm.engine.internal.run.Json;
import org.hqcm.engine.run.OutputFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.engine.sweep.SweepReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hqcm compare RUN_A RUN_B [RUN...]}: the paired comparison of completed runs on the same test set;
 * {@code hqcm compare --group NAME=RUN,RUN... --group ...}: the seed-grouped comparison of groups of runs.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare completed runs evaluated on the same test set (from their folders' files; no training).",
            "Prints Table 1 side by side with the differences from the first run, and for each other run against the",
            "first: Table 2 (mean attention Jaccard per threshold, paired Wilcoxon signed-rank test with SciPy's",
            "conventions), McNemar's test on paired correctness, bootstrap 95%% intervals of the accuracy and macro-F1",
            "differences. Writes comparison.md, comparison.json and comparison.html into --out.",
            "Runs on different test sets, and runs that did not complete, are refused (exit 2).",
            "With --group (twice or more): groups of runs, one per training seed, compared as a sweep's configurations:",
            "mean ± sd and 95%% intervals across seeds, Wilcoxon signed-rank across seeds paired by seed, McNemar pooled",
            "over the seeds, Holm; report.md, report.json, report.html and figures/ in --out."})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "RUN", description = "Run folders; the first is the reference.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME=RUN[,RUN...]",
            description = "A group of runs (one per seed) named NAME; the first group is A in the paired tests.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the comparison files (default: ./comparison-<yyyyMMdd-HHmmss>/).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!groups.isEmpty()) {
            return compareGroups();
        }
        if (runs.size() < 2) {
            throw new BadInputException("compare: expected at least two RUN folders, or two or more --group NAME=RUN,...");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        List<RunResults> results = runs.stream().map(RunResults::read).toList();
        PairedComparison c = RunResults.compare(results);
        String markdown = c.toMarkdown();
        Path dir = out != null ? out : OutputFolder.stamped(Path.of("."), "comparison");
        try {
            HtmlReport html = c.toHtml(HtmlReport.titled("Run comparison"));
            for (RunResults r : results) {
                Path png = r.folder().artefacts().resolve("confusion.png");
                if (r.folder().hasFile("artefacts/confusion.png")) { // a link is not the run's own figure
                    html = html.figure("Confusion matrix of " + r.name(), png);
                }
            }
            String page = html.toHtml();
            Map<String, String> files = new LinkedHashMap<>();
            files.put("comparison.md", markdown);
            files.put("comparison.json", Json.object(c.summary()) + "\n");
            files.put("comparison.html", page);
            OutputFolder.write(dir, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + dir + ": " + e.getMessage(), e);
        }
        stdout.print(markdown);
        stdout.println();
        stdout.println("written: " + dir.resolve("comparison.md") + ", comparison.json, comparison.html");
        stdout.flush();
        return ExitCodes.OK;
    }

    /** The groups as configurations of one axis, "group". */
    private int compareGroups() {
        if (groups.size() < 2 || !runs.isEmpty()) {
            throw new BadInputException("compare: expected two or more --group NAME=RUN,RUN... and no other RUN folders");
        }
        List<SeedGroups.Group> parsed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        RunResults first = null;
        for (String g : groups) {
            int eq = g.indexOf('=');
            String name = eq < 0 ? "" : g.substring(0, eq).strip();
            if (eq <= 0 || eq == g.length() - 1 || !names.add(name)) {
                throw new BadInputException("--group " + g + ": expected NAME=RUN[,RUN...] with a name used once");
            }
            List<SeedGroups.SeedRun> members = new ArrayList<>();
            Set<Long> seeds = new HashSet<>();
            for (String run : g.substring(eq + 1).split(",")) {
                RunResults r = RunResults.read(Path.of(run.strip()));
                if (first == null) {
                    first = r;
                } else if (!r.classNames().equals(first.classNames())) {
                    throw new BadInputException(run + ": classes " + r.classNames() + ", but " + first.folder().dir()
                            + " has " + first.classNames() + ": runs with different classes cannot be compared");
                }
                long seed = r.record().getProvenance().getSeed();
                if (!seeds.add(seed)) {
                    throw new BadInputException("--group " + name + ": two runs with training seed " + seed
                            + "; expected one run per seed in a group");
                }
                members.add(SweepReport.seedRun(r, seed));
            }
            parsed.add(new SeedGroups.Group(name, name, Map.of(GROUP_AXIS, name), members));
        }
        SeedGroups comparison = SeedGroups.of(List.of(GROUP_AXIS), parsed, GROUP_AXIS);
        Path dir = out != null ? out : OutputFolder.stamped(Path.of("."), "comparison");
        try {
            String md = GroupReport.write("Group comparison: " + String.join(" vs ", names(parsed)), comparison, dir);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(md);
            stdout.println();
            stdout.println("written: " + dir.resolve(GroupReport.MARKDOWN) + ", " + GroupReport.JSON + ", " + GroupReport.HTML
                    + ", " + GroupReport.FIGURES + "/");
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + dir + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private static List<String> names(List<SeedGroups.Group> groups) {
        return groups.stream().map(SeedGroups.Group::label).toList();
    }

    /** The one axis of groups given on the command line. */
    static final String GROUP_AXIS = "group";
}
