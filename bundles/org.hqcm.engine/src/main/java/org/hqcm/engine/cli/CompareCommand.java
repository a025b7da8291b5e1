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
import org.hqcm.engine.eval.ComparedRun;
import org.hqcm.engine.eval.HtmlReport;
import org.hqcm.engine.eval.PairedBootstrap;
import org.hqcm.engine.eval.RunComparison;
import org.hqcm.engine.eval.WilcoxonSignedRank;
import org.hqcm.engine.run.Json;
import org.hqcm.engine.run.OutputFolder;
import org.hqcm.engine.run.RunResults;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hqcm compare RUN_A RUN_B [RUN...]}: the paired comparison of completed runs on the same test set. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare completed runs evaluated on the same test set (from their folders' files; no training).",
            "Prints Table 1 side by side with the differences from the first run, and for each other run against the",
            "first: Table 2 (mean attention Jaccard per threshold, paired Wilcoxon signed-rank test with SciPy's",
            "conventions), McNemar's test on paired correctness, bootstrap 95%% intervals of the accuracy and macro-F1",
            "differences. Writes comparison.md, comparison.json and comparison.html into --out.",
            "Runs on different test sets, and runs that did not complete, are refused (exit 2)."})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "Run folders; the first is the reference.")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the comparison files (default: ./comparison-<yyyyMMdd-HHmmss>/).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<RunResults> results = runs.stream().map(RunResults::read).toList();
        List<String> classes = results.get(0).classNames();
        List<ComparedRun> compared = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            RunResults r = results.get(i);
            if (!r.classNames().equals(classes)) {
                throw new BadInputException(runs.get(i) + ": classes " + r.classNames() + ", but " + runs.get(0)
                        + " has " + classes + ": runs with different classes cannot be compared");
            }
            String name = r.name();
            // two folders of the same name (from different parents) still need distinct column titles
            for (int k = 2; !names.add(name); k++) {
                name = r.name() + "#" + k;
            }
            compared.add(r.compared(name));
        }
        String fp = compared.get(0).fingerprint();
        for (int i = 1; i < compared.size(); i++) {
            if (!compared.get(i).fingerprint().equals(fp)) {
                throw new BadInputException("runs " + runs.get(0) + " and " + runs.get(i)
                        + " were evaluated on different test sets (test-set fingerprint " + fp + " vs "
                        + compared.get(i).fingerprint() + ", " + compared.get(0).labels().length + " vs "
                        + compared.get(i).labels().length + " images): paired statistics need the same test images; "
                        + "runs of one experiment (same data and seed, any --seed) share their test set");
            }
        }
        RunComparison c = RunComparison.of(compared, classes, WilcoxonSignedRank.SCIPY_DEFAULT, PairedBootstrap.DEFAULT);
        String markdown = c.toMarkdown();
        Path dir = out != null ? out : OutputFolder.stamped(Path.of("."), "comparison");
        try {
            HtmlReport html = c.toHtml(HtmlReport.titled("Run comparison"));
            for (RunResults r : results) {
                Path png = r.folder().artefacts().resolve("confusion.png");
                if (png.toFile().isFile()) {
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
}
