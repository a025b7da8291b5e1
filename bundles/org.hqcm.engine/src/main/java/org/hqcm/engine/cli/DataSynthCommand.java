package org.hqcm.engine.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.data.synth.PhantomExport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hqcm data synth}: writes the synthetic phantom as an image folder (or figshare-style .mat files). */
@Command(name = "synth", defaultValueProvider = ModelDefaults.class, mixinStandardHelpOptions = true,
        description = {"Write the synthetic brain-MRI phantom as an image folder (or .mat files).",
            "Layout: DIR/<class>/<class>_00001.png with its tumour mask <name>_mask.png (all black for healthy). "
                + "With --format mat: figshare-style MATLAB v7.3 files DIR/<n>.mat of the three tumour classes."})
public final class DataSynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--per-class", defaultValue = "100", paramLabel = "N",
            description = "Images per class (default: ${DEFAULT-VALUE}).")
    int perClass;

    @ModelDefault("Dataset.imageSize")
    @Option(names = "--size", paramLabel = "S",
            description = "Side length in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @ModelDefault("Experiment.seed")
    @Option(names = "--seed", paramLabel = "K", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--difficulty", defaultValue = "0.3", paramLabel = "D",
            description = "0 (easy) .. 1 (hard): lower tumour contrast, smaller tumours, more noise "
                    + "(default: ${DEFAULT-VALUE}).")
    double difficulty;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|mat",
            description = "png (image folder, default) or mat (figshare-style, tumour classes only).")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (perClass < 1) {
            throw new BadInputException("--per-class is " + perClass + ", expected at least 1");
        }
        if (size < 8 || size > 1024) {
            throw new BadInputException("--size is " + size + ", expected 8..1024 pixels");
        }
        if (!(difficulty >= 0 && difficulty <= 1)) {
            throw new BadInputException("--difficulty is " + difficulty + ", expected a value in [0, 1]");
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new BadInputException("--threads is " + n + ", expected at least 1");
        }
        var err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        int written;
        switch (format.toLowerCase(Locale.ROOT)) {
            case "png" -> written = PhantomExport.writeImageFolder(out, perClass, size, seed, difficulty, n,
                    new ConsoleProgress(err, "writing"));
            case "mat" -> written = PhantomExport.writeFigshare(out, new int[] {perClass, perClass, perClass}, size,
                    seed, difficulty, n, new ConsoleProgress(err, "writing"));
            default -> throw new BadInputException("--format is '" + format + "', expected png or mat");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %d images (%d per class, %dx%d, seed %d, difficulty %.2f) to %s in %.1f s%n",
                written, perClass, size, size, seed, difficulty, out, s);
        if (format.equalsIgnoreCase("png")) {
            StringBuilder classes = new StringBuilder();
            for (TumourClass c : TumourClass.values()) {
                classes.append(classes.length() == 0 ? "" : ", ").append(c.folderName());
            }
            o.println("layout: " + out + "/<class>/<name>.png + <name>_mask.png; classes: " + classes);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
