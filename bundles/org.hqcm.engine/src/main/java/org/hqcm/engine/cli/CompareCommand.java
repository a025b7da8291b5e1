package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hqcm.engine.eval.HtmlReport;
import org.hqcm.engine.eval.PairedComparison;
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
        PairedComparison c = RunResults.compare(results);
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
