package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.data.SourceSpec;
import org.hqcm.engine.run.ExperimentRunner;
import org.hqcm.engine.run.OutputFolder;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.engine.run.SeedComparison;
import org.hqcm.model.DataSource;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.SourceKind;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm reproduce}: the paper's comparison regenerated: the {@code hqcm-ebtc} and {@code classical} presets,
 * N seeds each, on one dataset, then Tables 1 and 2 and Figures 7 to 10 with mean ± sd across seeds.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the paper's comparison: train the hqcm-ebtc and classical presets, N seeds each, on",
            "the same data and test split, then write Table 1 (mean ± sd across seeds), Table 2 (mean Jaccard per",
            "threshold; Wilcoxon signed-rank on the per-image Jaccard averaged over each model's seeds, SciPy's",
            "conventions), Figures 7-10, and McNemar and bootstrap intervals on the first seeds, into --out.",
            "At the paper's size this takes hours per run on a CPU.",
            "Exit codes: 0 written, 1 a run failed, 2 bad input."})
public final class ReproduceCommand implements Callable<Integer> {

    static final List<String> MODELS = List.of(Presets.HQCM_EBTC, Presets.CLASSICAL);

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
            description = "Seeds per model (default: ${DEFAULT-VALUE}); seed i trains with the preset's seed + i.")
    int seeds;

    @Option(names = "--data", paramLabel = "SOURCE",
            description = "Dataset replacing the presets' synthetic source: a folder (kind inferred as by "
                    + "'hqcm data info': .mat files -> FIGSHARE_MAT, class folders of PNG/JPEG -> IMAGE_FOLDER, "
                    + "of DICOM -> DICOM) or synthetic:N[:D] (N images per class).")
    String data;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder: experiments/, runs/, figures/ and the comparison (default: "
                    + "./reproduce-<yyyyMMdd-HHmmss>/).")
    Path out;

    @Option(names = "--epochs", paramLabel = "E", description = "Maximum epochs (default: the presets' 40).")
    Integer epochs;

    // shrink the paper's network for quick checks and tests; not part of the paper's protocol, so hidden
    @Option(names = "--image-size", hidden = true, paramLabel = "PX")
    Integer imageSize;

    @Option(names = "--widths", hidden = true, split = ",", paramLabel = "W1,W2,W3")
    List<Integer> widths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (seeds < 1) {
            throw new BadInputException("--seeds " + seeds + ": expected at least 1 seed per model");
        }
        if (epochs != null && epochs < 1) {
            throw new BadInputException("--epochs " + epochs + ": expected at least 1");
        }
        SourceSpec source = data == null ? null : DataInfoCommand.parseSource(data, null);
        Path dir = out != null ? out : OutputFolder.stamped(Path.of("."), "reproduce");
        Path experiments = dir.resolve("experiments");
        Path runsRoot = dir.resolve("runs");
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(experiments);
            for (String name : MODELS) {
                Experiment e = Presets.create(name);
                adapt(e, source);
                Path file = experiments.resolve(name + "." + HqcmResources.EXPERIMENT_EXTENSION);
                HqcmResources.save(e, file);
                // validate both before training either: a bad option should not cost an hour
                ExperimentRunner.loadValid(file);
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + experiments + ": " + e.getMessage(), e);
        }
        List<List<RunResults>> results = new ArrayList<>();
        for (int m = 0; m < MODELS.size(); m++) {
            Experiment e = HqcmResources.loadExperiment(files.get(m));
            List<RunResults> runs = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                long seed = e.getSeed() + s;
                stdout.println(String.format(Locale.ROOT, "%s, seed %d (%d of %d)", MODELS.get(m), seed,
                        m * seeds + s + 1, MODELS.size() * seeds));
                stdout.flush();
                RunFolder folder = new ExperimentRunner(new TrainingProgress(spec.commandLine().getOut(), stderr, e.getTraining().getMaxEpochs()),
                        () -> false).start(files.get(m), seed, runsRoot);
                RunResults r = RunResults.read(folder.dir());
                stdout.println(String.format(Locale.ROOT, "  test accuracy %.4f, macro-F1 %.4f: %s",
                        r.report().accuracy(), r.report().macro().f1(), folder.dir()));
                stdout.flush();
                runs.add(r);
            }
            results.add(runs);
        }
        try {
            String md = SeedComparison.write(MODELS, results, dir);
            stdout.println();
            stdout.print(md);
            stdout.println();
            stdout.println("written: " + dir.resolve("comparison.md") + ", comparison.json, comparison.html, "
                    + "table1.csv, table2.csv, figures/");
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + dir + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private void adapt(Experiment e, SourceSpec source) {
        if (source != null) {
            DataSource s = HqcmFactory.eINSTANCE.createDataSource();
            s.setKind(SourceKind.get(source.kind().name()));
            if (source.kind() == org.hqcm.engine.data.SourceKind.SYNTHETIC) {
                s.setImagesPerClass(source.perClass());
                s.setDifficulty(source.difficulty());
            } else {
                s.setPath(source.path().toAbsolutePath().normalize().toString());
            }
            e.getDataset().getSources().clear();
            e.getDataset().getSources().add(s);
        }
        if (epochs != null) {
            e.getTraining().setMaxEpochs(epochs);
        }
        if (imageSize != null) {
            e.getDataset().setImageSize(imageSize);
        }
        if (widths != null && !widths.isEmpty()) {
            e.getArchitecture().getBackboneWidths().clear();
            e.getArchitecture().getBackboneWidths().addAll(widths);
            int narrowest = widths.stream().mapToInt(Integer::intValue).min().orElse(1);
            var attention = e.getArchitecture().getAttention();
            attention.setReductionRatio(Math.max(1, Math.min(attention.getReductionRatio(), narrowest)));
        }
    }
}
