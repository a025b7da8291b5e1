package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.Preprocessing;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.run.OodSources;
import org.hqcm.engine.internal.run.RunReport;
import org.hqcm.engine.internal.run.TrainedModel;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.OodSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hqcm report RUN_DIR [--ood-source DIR]...}: (re)writes a completed run's HTML report from its folder's files;
 * each {@code --ood-source} is first scored by the run's model against its out-of-distribution threshold.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"(Re)write report.html of a completed run from its folder alone (run.hqcmrun, predictions.csv,",
            "jaccard.csv, explanations.csv, confidence.csv and the figures in artefacts/); nothing is retrained. The",
            "page is self-contained and reads offline. --ood-source DIR (repeatable): a folder of images (PNG, JPEG,",
            "DICOM; another scanner's, a shifted set) scored by the run's model against its out-of-distribution",
            "threshold; the share flagged goes into the record and the report, the scores into ood-sources.csv.",
            "Exit codes: 0 written, 2 not a completed run folder or no images in a source."})
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
    Path run;

    @Option(names = "--ood-source", paramLabel = "DIR", description = "A folder of other images to score (repeatable).")
    List<Path> sources = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainedModel trained = sources.isEmpty() ? null : TrainedModel.load(RunFolder.open(run));
        int size = trained == null ? 0 : trained.imageSize();
        long maxPixels = trained == null ? 0 : trained.experiment().getDataset().getMaxImagePixels();
        for (Path dir : sources) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new BadInputException(dir + ": --ood-source expects a folder of images");
            }
            ImageInputs.Found found = ImageInputs.expand(List.of(dir));
            List<Sample> samples = new ArrayList<>();
            List<Path> read = new ArrayList<>();
            int skipped = found.refused().size();
            for (BadFile b : found.refused()) {
                stdout.println(b.file() + ": skipped (" + b.reason() + ")");
            }
            for (Path f : found.files()) {
                try {
                    samples.add(Preprocessing.toSample(PredictCommand.read(f, maxPixels), size));
                    read.add(f);
                } catch (BadInputException | IllegalArgumentException e) {
                    skipped++;
                    stdout.println(f + ": skipped (" + e.getMessage() + ")");
                }
            }
            if (samples.isEmpty()) {
                throw new BadInputException(dir + ": none of its " + found.files().size() + " image files could be read");
            }
            OodSource s = OodSources.add(run, dir.toString(), samples, read, skipped);
            stdout.println(String.format(Locale.ROOT, "%s: %d images, %.1f%% flagged unlike the training data%s", dir,
                    s.getImages(), 100 * s.getFlagged(), skipped > 0 ? " (" + skipped + " files skipped)" : ""));
        }
        List<String> skippedArtefacts = new ArrayList<>();
        Path written = RunReport.write(run, skippedArtefacts);
        for (String s : skippedArtefacts) {
            spec.commandLine().getErr().println("warning: skipped " + s);
        }
        spec.commandLine().getErr().flush();
        stdout.println("written: " + written);
        stdout.flush();
        return ExitCodes.OK;
    }
}
