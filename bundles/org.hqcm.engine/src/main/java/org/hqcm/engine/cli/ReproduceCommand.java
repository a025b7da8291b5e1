package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.SourceFormat;
import org.hqcm.engine.internal.data.SourceSpec;
import org.hqcm.engine.internal.run.SeedComparison;
import org.hqcm.engine.internal.sweep.SweepDriver;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.engine.run.OutputFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.engine.sweep.SequentialExecutor;
import org.hqcm.engine.sweep.SweepFolder;
import org.hqcm.model.DataSource;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.TrialRecord;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.sweep.FeaturePath;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hqcm reproduce}: the paper's comparison regenerated: a thin front of the {@code paper-sweep} sweep
 * ({@code hqcm-ebtc} with the quantum head and its classical counterpart, N seeds each, one dataset), run trial after
 * trial through the same sweep driver as {@code hqcm sweep} (the output folder is a sweep folder with its seed-grouped
 * report), then Tables 1 and 2 and Figures 7 to 10 with mean ± sd across seeds.
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
            description = "Output folder, a sweep folder (runs/, report/, the sweep record) with experiments/, figures/ "
                    + "and the comparison (default: "
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
        Path dir = (out != null ? out : OutputFolder.stamped(Path.of("."), "reproduce")).toAbsolutePath().normalize();
        // the paper sweep, shrunk or pointed at data as asked: one code path with hqcm sweep
        Sweep sweep = SweepPresets.create(SweepPresets.PAPER_SWEEP);
        sweep.setName("reproduce");
        sweep.setSeedCount(seeds);
        // one trial at a time with every core, as a single hqcm run
        sweep.setThreadsPerTrial(Runtime.getRuntime().availableProcessors());
        adapt(sweep.getExperiment(), source);
        SweepFolder folder = SweepDriver.create(sweep, Path.of("").toAbsolutePath(), "reproduce", dir);
        writeExperiments(folder);
        int status = new SweepDriver(folder, new SequentialExecutor(), stdout, stderr, null, null).run(() -> false);
        if (status != ExitCodes.OK) {
            return status;
        }
        SweepRecord record = HqcmResources.loadSweepRecord(folder.record());
        List<List<RunResults>> results = new ArrayList<>();
        for (String head : List.of(FeaturePath.QUANTUM, FeaturePath.CLASSICAL)) {
            results.add(record.getTrials().stream().filter(t -> t.getAxisValues().get(0).equals(head))
                    .map(t -> RunResults.read(folder.run(t.getId()))).toList());
        }
        try {
            String md = SeedComparison.write(MODELS, results, dir);
            stdout.println();
            stdout.print(md);
            stdout.println();
            stdout.println("written: " + dir.resolve("comparison.md") + ", comparison.json, comparison.html, "
                    + "table1.csv, table2.csv, figures/; the sweep's seed-grouped report: " + folder.report());
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + dir + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /** experiments/hqcm-ebtc.hqcm and classical.hqcm: the two configurations as experiments a user can rerun. */
    private static void writeExperiments(SweepFolder folder) {
        SweepRecord record = HqcmResources.loadSweepRecord(folder.record());
        for (int m = 0; m < MODELS.size(); m++) {
            String head = m == 0 ? FeaturePath.QUANTUM : FeaturePath.CLASSICAL;
            TrialRecord t = record.getTrials().stream().filter(x -> x.getAxisValues().get(0).equals(head)).findFirst()
                    .orElseThrow();
            Experiment e = HqcmResources.loadExperiment(folder.trialFile(t.getId()));
            e.setName(MODELS.get(m));
            HqcmResources.save(e, folder.dir().resolve("experiments").resolve(MODELS.get(m) + "."
                    + HqcmResources.EXPERIMENT_EXTENSION));
        }
    }

    private void adapt(Experiment e, SourceSpec source) {
        if (source != null) {
            DataSource s = HqcmFactory.eINSTANCE.createDataSource();
            s.setKind(ExperimentMapping.kind(source.kind()));
            if (source.kind() == SourceFormat.SYNTHETIC) {
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
