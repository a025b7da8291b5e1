package org.hqcm.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVPrinter;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.EvaluationFigures;
import org.hqcm.engine.eval.ExplanationScores;
import org.hqcm.engine.eval.OodScores;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.Preprocessing;
import org.hqcm.engine.internal.data.RawImage;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.data.dicom.DicomImage;
import org.hqcm.engine.internal.data.dicom.DicomParser;
import org.hqcm.engine.internal.data.folder.GreyImages;
import org.hqcm.engine.internal.explain.Explainer;
import org.hqcm.engine.internal.explain.Occlusion;
import org.hqcm.engine.internal.io.CsvFormats;
import org.hqcm.engine.internal.nn.loss.Softmax;
import org.hqcm.engine.internal.run.TrainedModel;
import org.hqcm.engine.internal.train.Predictions;
import org.hqcm.engine.plot.AttentionGallery;
import org.hqcm.engine.plot.AttentionOverlay;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.resource.AtomicFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hqcm predict --model RUN_DIR IMAGE...}: class, probabilities (temperature-scaled when the run fitted a
 * temperature), an out-of-distribution flag and an attention overlay per image, a CSV of it all, the score's
 * distribution against the run's test split, and with {@code --explain} the explanations side by side.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images with the trained model of a completed run: prints the class and the",
            "probabilities per image (divided by the temperature the run fitted on its validation split, if any) and",
            "flags images unlike the training data (the run's out-of-distribution score and threshold); writes an",
            "attention-overlay PNG per image, predictions.csv and ood.png (the score of these images against the",
            "run's test split) into --out. IMAGE: PNG, JPEG or DICOM files, or folders of them.",
            "With --explain also NAME-explained.png per image: T_s, Grad-CAM on the last backbone block and on",
            "F*(1+T_s), and occlusion sensitivity (the run's patch and stride), each for the predicted class."})
public final class PredictCommand implements Callable<Integer> {

    static final String CSV = "predictions.csv";
    static final String DISTRIBUTION = "ood.png";

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "A completed run folder.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "predictions",
            description = "Folder for the PNGs and predictions.csv (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--explain", description = "Also explain each image (T_s, Grad-CAM, occlusion) in NAME-explained.png.")
    boolean explain;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images, or folders of images, to classify.")
    List<Path> images;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainedModel trained = TrainedModel.load(RunFolder.open(model));
        int size = trained.imageSize();
        ImageInputs.Found found = ImageInputs.expand(images);
        for (BadFile b : found.refused()) {
            stdout.println(b.file() + ": skipped (" + b.reason() + ")");
        }
        List<Path> files = found.files();
        long maxPixels = trained.experiment().getDataset().getMaxImagePixels();
        List<Sample> samples = new ArrayList<>();
        for (Path image : files) {
            samples.add(Preprocessing.toSample(read(image, maxPixels), size));
        }
        List<String> overlayNames = overlayNames(files);
        int[] all = new int[samples.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Predictions p = trained.inference().run(samples, all);
        Files.createDirectories(out);
        List<String> classes = trained.classNames();
        int k = classes.size();
        double temperature = trained.temperature();
        double[] probabilities = new double[p.logits().length];
        double[] z = new double[k];
        for (int i = 0; i < samples.size(); i++) {
            for (int c = 0; c < k; c++) {
                z[c] = p.logits()[i * k + c] / temperature;
            }
            Softmax.row(z, 0, k, probabilities, i * k);
        }
        OodScores.Thresholds thresholds = trained.oodThresholds();
        OodScores.Scores scores = OodScores.of(p.logits(), k, trained.experiment().getEvaluation().getEnergyTemperature());
        OodScores.Kind kind = trained.oodKind();
        List<Explainer.Maps> explained = explain ? explainer(trained).explain(pixels(samples, size), samples.size()) : null;
        List<List<String>> rows = new ArrayList<>();
        int flagged = 0;
        for (int i = 0; i < samples.size(); i++) {
            int best = p.predicted()[i];
            StringBuilder line = new StringBuilder(files.get(i) + ": " + classes.get(best));
            for (int c = 0; c < k; c++) {
                line.append(String.format(Locale.ROOT, "  %s %.4f", classes.get(c), probabilities[i * k + c]));
            }
            String overlay = "";
            if (p.spatialMaps() != null) {
                Path png = out.resolve(overlayNames.get(i));
                AttentionOverlay.writePng(png, grid(samples.get(i).image(), size),
                        grid(p.spatialMaps(), i, p.mapSize()), String.format(Locale.ROOT, "%s (%.2f)",
                                classes.get(best), probabilities[i * k + best]), 256);
                line.append("  overlay ").append(png);
                overlay = png.toString();
            } else {
                line.append("  (no attention map: the model has attention off)");
            }
            String explanation = "";
            if (explained != null) {
                Path png = out.resolve(overlayNames.get(i).replace("-attention.png", "-explained.png"));
                writeExplanation(png, files.get(i), samples.get(i), size, explained.get(i), classes);
                line.append("  explained ").append(png);
                explanation = png.toString();
            }
            boolean unlike = thresholds != null && thresholds.flagged(kind, scores.maxSoftmax()[i], scores.energy()[i]);
            if (unlike) {
                flagged++;
                line.append("  unlike the training data: ").append(why(trained, kind, thresholds, scores, i));
            }
            stdout.println(line);
            List<String> row = new ArrayList<>(List.of(files.get(i).toString(), classes.get(best)));
            for (int c = 0; c < k; c++) {
                row.add(String.format(Locale.ROOT, "%.6f", probabilities[i * k + c]));
            }
            row.addAll(List.of(String.format(Locale.ROOT, "%.6f", scores.maxSoftmax()[i]),
                    String.format(Locale.ROOT, "%.6f", scores.energy()[i]), thresholds == null ? "" : String.valueOf(unlike),
                    overlay, explanation));
            rows.add(row);
        }
        writeCsv(classes, rows);
        List<String> written = new ArrayList<>(List.of(out.resolve(CSV).toString()));
        if (thresholds != null) {
            OodScores.Scores test = trained.testScores();
            stdout.println(String.format(Locale.ROOT, "%d of %d images unlike the training data (%s %s %.4f, the "
                    + "threshold that keeps %.0f%% of the run's validation images in distribution; its test split: "
                    + "%.1f%% flagged)", flagged, samples.size(), trained.oodLabel(),
                    kind == OodScores.Kind.ENERGY ? "above" : "below", trained.flaggingThreshold(), 100 * thresholds.keep(),
                    100 * thresholds.flaggedShare(kind, test)));
            if (test.size() > 0) {
                EvaluationFigures.scoreDistribution(List.of(String.format(Locale.ROOT, "test split of %s (%d)",
                        trained.folder().dir().getFileName(), test.size()), String.format(Locale.ROOT,
                                "these images (%d, %d flagged)", samples.size(), flagged)),
                        List.of(trained.flaggingScores(test), trained.flaggingScores(scores)),
                        trained.flaggingThreshold(), trained.oodLabel() + " and the run's threshold",
                        trained.oodLabel(), out.resolve(DISTRIBUTION));
                written.add(out.resolve(DISTRIBUTION).toString());
            }
        } else {
            stdout.println("no out-of-distribution threshold: the run was made before they existed");
        }
        if (trained.temperatureFitted()) {
            stdout.println(String.format(Locale.ROOT, "probabilities temperature-scaled: logits / %.4f (fitted on the "
                    + "run's validation split)", temperature));
        }
        stdout.println("written: " + String.join(", ", written));
        stdout.flush();
        return ExitCodes.OK;
    }

    private static String why(TrainedModel trained, OodScores.Kind kind, OodScores.Thresholds t, OodScores.Scores s,
            int i) {
        return switch (kind) {
            case ENERGY -> String.format(Locale.ROOT, "energy %.4f above the threshold %.4f", s.energy()[i], t.energy());
            case MAX_SOFTMAX -> String.format(Locale.ROOT, "maximum softmax probability %.4f below the threshold %.4f",
                    s.maxSoftmax()[i], t.maxSoftmax());
        } + String.format(Locale.ROOT, " (fixed on the validation split of %s to keep %.0f%% of it)",
                trained.folder().dir().getFileName(), 100 * t.keep());
    }

    private static Explainer explainer(TrainedModel trained) {
        var ev = trained.experiment().getEvaluation();
        return new Explainer(trained.inference().network(), new Occlusion(ev.getOcclusionPatch(), ev.getOcclusionStride()),
                trained.experiment().getTraining().getBatchSize());
    }

    private static float[] pixels(List<Sample> samples, int size) {
        float[] px = new float[samples.size() * size * size];
        for (int i = 0; i < samples.size(); i++) {
            samples.get(i).copyImageInto(px, i * size * size);
        }
        return px;
    }

    /** One row: the input, then each method's map, each normalised as the run's scores normalise them. */
    private static void writeExplanation(Path png, Path file, Sample sample, int size, Explainer.Maps maps,
            List<String> classes) throws IOException {
        List<String> names = new ArrayList<>();
        List<float[][]> grids = new ArrayList<>();
        for (Explainer.Method m : Explainer.Method.values()) {
            float[][] map = maps.get(m);
            if (map != null) {
                names.add(m.label());
                grids.add(ExplanationScores.normalised(map, size, size));
            }
        }
        AttentionGallery.of(file.getFileName() + ": explanations of " + classes.get(maps.predicted()), names)
                .withoutOverlays().row("", grid(sample.image(), size), null, grids, names.stream().map(n -> "").toList())
                .writePng(png, 160);
    }

    private void writeCsv(List<String> classes, List<List<String>> rows) throws IOException {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(text, CsvFormats.RUN_FILE)) {
            List<String> header = new ArrayList<>(List.of("image", "predicted"));
            classes.forEach(c -> header.add("p_" + c));
            header.addAll(List.of("max_softmax", "energy", "unlike_training_data", "overlay", "explanation"));
            csv.printRecord(header);
            for (List<String> r : rows) {
                csv.printRecord(r);
            }
        }
        AtomicFiles.writeString(out.resolve(CSV), text.toString());
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
