package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.data.GivenSplit;
import org.hqcm.engine.data.Preprocessing;
import org.hqcm.engine.data.RawImage;
import org.hqcm.engine.data.Sample;
import org.hqcm.engine.data.TumourClass;
import org.hqcm.engine.data.dicom.DicomImage;
import org.hqcm.engine.data.dicom.DicomParser;
import org.hqcm.engine.data.folder.GreyImages;
import org.hqcm.engine.plot.AttentionOverlay;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.TrainedModel;
import org.hqcm.engine.train.Predictions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hqcm predict --model RUN_DIR IMAGE...}: class, probabilities and an attention overlay per image. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images with the trained model of a completed run: prints the class and the",
            "probabilities per image and writes an attention-overlay PNG per image (PNG, JPEG or DICOM input)."})
public final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "A completed run folder.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "predictions",
            description = "Folder for the overlay PNGs (default: ${DEFAULT-VALUE}).")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to classify.")
    List<Path> images;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainedModel trained = TrainedModel.load(RunFolder.open(model));
        int size = trained.imageSize();
        long maxPixels = trained.experiment().getDataset().getMaxImagePixels();
        List<Sample> samples = new ArrayList<>();
        for (Path image : images) {
            samples.add(Preprocessing.toSample(read(image, maxPixels), size));
        }
        List<String> overlayNames = overlayNames(images);
        int[] all = new int[samples.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Predictions p = trained.inference().run(samples, all);
        Files.createDirectories(out);
        List<String> classes = trained.classNames();
        for (int i = 0; i < samples.size(); i++) {
            int best = p.predicted()[i];
            StringBuilder line = new StringBuilder(images.get(i) + ": " + classes.get(best));
            for (int k = 0; k < classes.size(); k++) {
                line.append(String.format(Locale.ROOT, "  %s %.4f", classes.get(k), p.probabilities()[i * classes.size() + k]));
            }
            if (p.spatialMaps() != null) {
                Path png = out.resolve(overlayNames.get(i));
                AttentionOverlay.writePng(png, grid(samples.get(i).image(), size),
                        grid(p.spatialMaps(), i, p.mapSize()), String.format(Locale.ROOT, "%s (%.2f)",
                                classes.get(best), p.probabilities()[i * classes.size() + best]), 256);
                line.append("  overlay ").append(png);
            } else {
                line.append("  (no attention map: the model has attention off)");
            }
            stdout.println(line);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * {@code NAME-attention.png} per input; inputs of the same file name from different folders get
     * {@code NAME-2-attention.png}, {@code NAME-3-...} in input order, so no overlay overwrites another.
     */
    static List<String> overlayNames(List<Path> inputs) {
        List<String> names = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Path p : inputs) {
            String base = baseName(p);
            String name = base + "-attention.png";
            for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "-" + k + "-attention.png";
            }
            names.add(name);
        }
        return names;
    }

    /** The image as the loaders read it (within the run's pixel limit); the class is unknown and unused by inference. */
    static RawImage read(Path file, long maxPixels) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + (Files.exists(file) ? ": not a regular file" : ": no such image file"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".dcm") || name.endsWith(".dicom") || isDicom(file)) {
                DicomImage d = DicomParser.read(file, maxPixels);
                return new RawImage(d.columns(), d.rows(), d.pixels(), null, TumourClass.HEALTHY, d.patientId(), file,
                        GivenSplit.NONE);
            }
            GreyImages.Grey g = GreyImages.read(file, maxPixels);
            return new RawImage(g.width(), g.height(), g.pixels(), null, TumourClass.HEALTHY, null, file, GivenSplit.NONE);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": cannot read the image (" + e.getMessage()
                    + "); expected a PNG, JPEG or uncompressed DICOM file", e);
        }
    }

    /** A Part-10 file: "DICM" after the 128-byte preamble, whatever the name. */
    private static boolean isDicom(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
    }

    private static String baseName(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static float[][] grid(float[] flat, int side) {
        float[][] g = new float[side][side];
        for (int y = 0; y < side; y++) {
            System.arraycopy(flat, y * side, g[y], 0, side);
        }
        return g;
    }

    private static float[][] grid(double[] maps, int image, int side) {
        float[][] g = new float[side][side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                g[y][x] = (float) maps[(image * side + y) * side + x];
            }
        }
        return g;
    }
}
