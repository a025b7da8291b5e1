package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.BadFile;
import org.hqcm.engine.internal.data.DatasetLoader;
import org.hqcm.engine.internal.data.DuplicateGroup;
import org.hqcm.engine.internal.data.DuplicateHandling;
import org.hqcm.engine.internal.data.GivenSplit;
import org.hqcm.engine.internal.data.LeakageGuard;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.SourceFormat;
import org.hqcm.engine.internal.data.SourceFormats;
import org.hqcm.engine.internal.data.SourceSpec;
import org.hqcm.engine.internal.data.SourceSummary;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.data.Splitter;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.data.VolumeOptions;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.engine.plot.BarChart;
import org.hqcm.model.validation.HqcmConstraints;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hqcm data info}: loads sources as an experiment would and reports what they hold. */
@Command(name = "info", defaultValueProvider = ModelDefaults.class, mixinStandardHelpOptions = true,
        description = {"Describe dataset sources: counts per class and split, sizes, masks, bad files, chart.",
            "Loads the sources as an experiment would and prints counts per class and split, original image sizes, "
                + "masks, patients and bad files; writes a class-distribution chart (PNG).",
            "SOURCE is a folder (kind inferred: .mat files -> FIGSHARE_MAT, class folders of PNG/JPEG -> "
                + "IMAGE_FOLDER, of DICOM -> DICOM, NIfTI case folders -> BRATS, imagesTr/ + labelsTr/ -> MSD_TASK01; "
                + "or say --kind) or synthetic:N[:DIFFICULTY] (N images per class).",
            "Volume sources also print cases and slices per class and write a preview of slices with their masks."})
public final class DataInfoCommand implements Callable<Integer> {
    private static final String[] CLASS_TITLES = {"Healthy (0)", "Meningioma (1)", "Glioma (2)", "Pituitary (3)"};
    private static final int BAD_FILES_SHOWN = 20;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Folders, or synthetic:N[:D].")
    List<String> sources;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Kind of every folder SOURCE: ${COMPLETION-CANDIDATES} (default: inferred).")
    SourceFormat kind;

    @ModelDefault("Dataset.imageSize")
    @Option(names = "--size", description = "Image size after resizing (default: ${DEFAULT-VALUE}).")
    int size;

    @ModelDefault("Experiment.seed")
    @Option(names = "--seed", description = "Seed of the split and phantom (default: ${DEFAULT-VALUE}).")
    long seed;

    @ModelDefault({"Dataset.trainFraction", "Dataset.validationFraction", "Dataset.testFraction"})
    @Option(names = "--fractions", paramLabel = "TRAIN,VAL,TEST",
            description = "Split fractions (default: ${DEFAULT-VALUE}).")
    String fractionsText;

    private double[] fractions;

    @Option(names = "--no-stratify", description = "Split without stratifying by class.")
    boolean noStratify;

    @Option(names = "--no-group-by-patient", description = "Let one patient's images go to different splits.")
    boolean noGroup;

    @Option(names = "--keep-given-split",
            description = "Keep the Training/ Testing/ split of image folders; Training/ is split into train and"
                    + " validation in the ratio of --fractions.")
    boolean keepGiven;

    @Option(names = "--max-bad-share", defaultValue = "0.1", paramLabel = "SHARE",
            description = "Exit with an error when more than this share of a source's files is unreadable, after describing"
                    + " the sources and listing the bad files (default: ${DEFAULT-VALUE}).")
    double maxBadShare;

    @Option(names = "--require-all-classes", description = "Exit with an error, after the description, when a class has no image (a run does).")
    boolean requireAll;

    @Option(names = "--chart", defaultValue = "class-distribution.png", paramLabel = "FILE",
            description = "Class-distribution chart to write (default: ${DEFAULT-VALUE} in the current folder).")
    Path chart;

    @Option(names = "--no-chart", description = "Do not write the chart.")
    boolean noChart;

    @Option(names = "--force", description = "Replace the chart file when it exists (without it, an existing file is "
            + "left alone and nothing is loaded).")
    boolean force;

    @Option(names = "--max-image-pixels", paramLabel = "N", description = "Largest image a file may declare, as an "
            + "experiment's dataset.maxImagePixels (default: that field's default, 16777216); larger files are bad files.")
    Long maxImagePixels;

    @Option(names = "--threads", paramLabel = "N", description = "Threads reading files (default: one per core).")
    Integer threads;

    @ModelDefault("Dataset.duplicatePolicy")
    @Option(names = "--duplicate-policy", paramLabel = "POLICY", description = "Copies of one image, as an experiment's"
            + " dataset.duplicatePolicy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); FAIL describes the"
            + " sources, then exits with an error when copies are found.")
    DuplicateHandling duplicatePolicy;

    @ModelDefault("Dataset.nearDuplicateDistance")
    @Option(names = "--near-duplicate-distance", paramLabel = "BITS", description = "Largest Hamming distance of"
            + " perceptual hashes (64 bits) that makes two images near duplicates; -1 for exact duplicates only (default:"
            + " ${DEFAULT-VALUE}).")
    int nearDistance;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "A field of the volume SOURCEs (BRATS, "
            + "MSD_TASK01) as an experiment's DataSource has it, e.g. --set modality=FLAIR --set healthySlices=true "
            + "--set tumourLabels=1,4 (defaults: the model's; `hqcm help` lists none of them twice).")
    List<String> volumeFields = new ArrayList<>();

    @Option(names = "--preview", defaultValue = "slice-preview.png", paramLabel = "FILE", description = "For volume "
            + "sources: a few slices with their masks as the dataset holds them (default: ${DEFAULT-VALUE}; "
            + "--no-chart writes neither).")
    Path preview;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        fractions = parseFractions(fractionsText);
        if (!noChart) {
            checkChartTarget(chart, force);
        }
        long pixels = maxImagePixels != null ? maxImagePixels : ExperimentMapping.defaultMaxImagePixels();
        if (pixels < 1) {
            throw new BadInputException("--max-image-pixels is " + pixels + ", expected at least 1");
        }
        VolumeOptions volume = VolumeFields.options(volumeFields);
        List<SourceSpec> specs = new ArrayList<>();
        for (String s : sources) {
            specs.add(parseSource(s, kind, volume));
        }
        boolean volumes = specs.stream().anyMatch(sp -> sp.kind().isVolume());
        if (!noChart && volumes) {
            checkChartTarget(preview, force);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new BadInputException("--threads is " + n + ", expected at least 1");
        }
        // before reading anything: a wrong value must not cost the description of a large dataset first
        if (!HqcmConstraints.nearDuplicateDistanceAllowed(nearDistance)) {
            throw new BadInputException("--near-duplicate-distance is " + nearDistance + ", expected "
                    + HqcmConstraints.NEAR_DUPLICATE_DISTANCE_EXPECTED);
        }
        if (!(maxBadShare >= 0 && maxBadShare <= 1)) {
            throw new BadInputException("--max-bad-share is " + maxBadShare + ", expected a value in [0, 1]");
        }
        Set<TumourClass> required = requireAll ? EnumSet.allOf(TumourClass.class) : Set.of();
        LoadOptions options = new LoadOptions(maxBadShare, required, n, new ConsoleProgress(err, "loading"), pixels);
        long t0 = System.nanoTime();
        // described whole even when a run would refuse it; what a run would refuse is said after, with a non-zero exit
        LoadedDataset ds = DatasetLoader.describe(specs, size, seed, options);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // FAIL is described as GROUP, then refused after the description
        LeakageGuard.Result guarded = LeakageGuard.apply(ds, duplicatePolicy == DuplicateHandling.FAIL
                ? DuplicateHandling.GROUP : duplicatePolicy, nearDistance, !noGroup);
        LoadedDataset loaded = ds;
        ds = guarded.dataset();
        Split split = keepGiven
                ? Splitter.keepGiven(ds.samples(), fractions[1] / (fractions[0] + fractions[1]), seed, !noStratify,
                        !noGroup, guarded.linked())
                : Splitter.split(ds.samples(), fractions[0], fractions[1], fractions[2], seed, !noStratify, !noGroup,
                        guarded.linked());
        print(out, ds, split, seconds);
        printDuplicates(out, loaded, guarded);
        if (!noChart) {
            writeChart(ds);
            out.println("chart: " + chart.toAbsolutePath());
            if (volumes && VolumeInfo.writePreview(ds, preview)) {
                out.println("preview: " + preview.toAbsolutePath());
            }
        }
        out.flush();
        List<String> problems = new ArrayList<>(DatasetLoader.problems(loaded, options));
        if (duplicatePolicy == DuplicateHandling.FAIL && !guarded.groups().isEmpty()) {
            problems.add("--duplicate-policy FAIL: " + guarded.groups().size() + " groups of copies (" + guarded.copies()
                    + " copies) were found (listed above)");
        }
        for (String p : problems) {
            err.println("error: " + p);
        }
        err.flush();
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** The chart is written only where nothing is, or over a regular file with --force; the message names the file. */
    static void checkChartTarget(Path chart, boolean force) {
        if (Files.isDirectory(chart) || Files.exists(chart, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(chart,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("--chart " + chart + ": it exists and is not a regular file (a folder, link or "
                    + "device); expected a new PNG file name");
        }
        if (Files.exists(chart) && !force) {
            throw new BadInputException("--chart " + chart + ": the file exists and is not overwritten; pass --force to"
                    + " replace it, --chart FILE for another name, or --no-chart");
        }
    }

    static double[] parseFractions(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new BadInputException("--fractions is '" + text + "', expected three numbers TRAIN,VAL,TEST"
                    + " such as 0.7,0.15,0.15");
        }
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                f[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException("--fractions is '" + text + "': '" + parts[i] + "' is not a number");
            }
        }
        return f;
    }

    /** {@code synthetic:N[:D]} or a path (kind given or inferred). */
    static SourceSpec parseSource(String text, SourceFormat kind) {
        return parseSource(text, kind, VolumeFields.options(List.of()));
    }

    /** {@code synthetic:N[:D]} or a path (kind given or inferred); volume sources take {@code volume}. */
    static SourceSpec parseSource(String text, SourceFormat kind, VolumeOptions volume) {
        if (text.toLowerCase(Locale.ROOT).startsWith("synthetic")) {
            String[] parts = text.split(":");
            try {
                int per = parts.length > 1 ? Integer.parseInt(parts[1]) : 100;
                double d = parts.length > 2 ? Double.parseDouble(parts[2]) : 0.3;
                if (per < 1 || !(d >= 0 && d <= 1) || parts.length > 3) {
                    throw new NumberFormatException();
                }
                if (per > HqcmConstraints.MAX_IMAGES_PER_CLASS) {
                    throw new BadInputException("source '" + text + "': " + per + " images per class are not allowed;"
                            + " expected at most " + HqcmConstraints.MAX_IMAGES_PER_CLASS + " (the limit of an"
                            + " experiment's synthetic source: 4 x " + HqcmConstraints.MAX_IMAGES_PER_CLASS
                            + " images of 128 x 128 take about 20 GB)");
                }
                return SourceSpec.synthetic(per, d);
            } catch (NumberFormatException e) {
                throw new BadInputException("source '" + text + "': expected synthetic:N or synthetic:N:D with N >= 1"
                        + " images per class and difficulty D in [0, 1]");
            }
        }
        Path p = Path.of(text);
        SourceFormat k = kind != null ? kind : SourceFormats.infer(p);
        if (k == SourceFormat.SYNTHETIC) {
            throw new BadInputException("--kind SYNTHETIC with a path '" + text + "': write synthetic:N instead");
        }
        return k.isVolume() ? SourceSpec.volumes(k, p, volume) : SourceSpec.files(k, p);
    }

    private void print(PrintWriter out, LoadedDataset ds, Split split, double seconds) {
        out.println("sources:");
        for (SourceSummary s : ds.sources()) {
            out.printf(Locale.ROOT, "  %-60s %6d images, %4d bad files, %6d with tumour mask%n", s.spec().describe(),
                    s.images(), s.badFiles(), s.withMask());
        }
        VolumeInfo.print(out, ds);
        out.printf(Locale.ROOT, "images: %d, resized to %dx%d, loaded in %.1f s%n", ds.size(), size, size, seconds);
        StringBuilder sizes = new StringBuilder();
        for (Map.Entry<String, Integer> e : ds.originalSizes().entrySet()) {
            sizes.append(sizes.length() == 0 ? "" : ", ").append(e.getKey()).append(" (").append(e.getValue())
                    .append(')');
        }
        out.println("original sizes: " + sizes);
        int tumourImages = ds.size() - ds.classCounts()[TumourClass.HEALTHY.label()];
        out.printf(Locale.ROOT, "masks present: %d of %d tumour images (healthy images have an all-zero mask)%n",
                ds.withMask(), tumourImages);
        out.printf(Locale.ROOT, "patients known: %d%s%n", ds.patients(),
                ds.patients() > 0 && !noGroup ? " (a patient's images stay in one split)" : "");
        Map<GivenSplit, Integer> given = ds.givenSplits();
        if (given.keySet().stream().anyMatch(g -> g != GivenSplit.NONE)) {
            out.println("split given by the folders (Training/ Testing/): " + given);
        }
        out.println("fingerprint: sha256:" + ds.fingerprint());
        out.println();
        out.printf(Locale.ROOT, "split %s, seed %d%s%s:%n", keepGiven ? "as given by Testing/, the rest train/val"
                : String.format(Locale.ROOT, "%.2f/%.2f/%.2f", fractions[0], fractions[1], fractions[2]), seed,
                noStratify ? "" : ", stratified", noGroup ? "" : ", grouped by patient");
        int[][] counts = new int[TumourClass.COUNT][3];
        for (int k = 0; k < 3; k++) {
            for (int i : split.part(k)) {
                counts[ds.samples().get(i).label()][k]++;
            }
        }
        out.printf(Locale.ROOT, "  %-12s %7s %7s %7s %7s%n", "class", "train", "val", "test", "total");
        int[] totals = new int[4];
        for (TumourClass c : TumourClass.values()) {
            int[] r = counts[c.label()];
            int t = r[0] + r[1] + r[2];
            out.printf(Locale.ROOT, "  %-12s %7d %7d %7d %7d%n", c.folderName(), r[0], r[1], r[2], t);
            for (int k = 0; k < 3; k++) {
                totals[k] += r[k];
            }
            totals[3] += t;
        }
        out.printf(Locale.ROOT, "  %-12s %7d %7d %7d %7d%n", "total", totals[0], totals[1], totals[2], totals[3]);
        for (TumourClass c : TumourClass.values()) {
            if (ds.classCounts()[c.label()] == 0) {
                out.println("warning: class " + c.folderName() + " has no images; a run needs every class");
            }
        }
        List<BadFile> bad = ds.badFiles();
        out.println();
        out.println("bad files: " + bad.size());
        for (int i = 0; i < Math.min(BAD_FILES_SHOWN, bad.size()); i++) {
            out.println("  " + bad.get(i));
        }
        if (bad.size() > BAD_FILES_SHOWN) {
            out.println("  ... and " + (bad.size() - BAD_FILES_SHOWN) + " more");
        }
    }

    /** The leakage guard's findings: groups of copies (the first few), what was done, warnings. */
    private void printDuplicates(PrintWriter out, LoadedDataset loaded, LeakageGuard.Result guarded) {
        out.println();
        out.println(guarded.summary(duplicatePolicy) + (nearDistance < 0 ? " (exact duplicates only)"
                : " (exact, and near within " + nearDistance + " bits of 64)"));
        List<DuplicateGroup> groups = guarded.groups();
        for (int i = 0; i < Math.min(BAD_FILES_SHOWN, groups.size()); i++) {
            out.println("  " + LeakageGuard.describe(loaded, groups.get(i)));
        }
        if (groups.size() > BAD_FILES_SHOWN) {
            out.println("  ... and " + (groups.size() - BAD_FILES_SHOWN) + " more groups");
        }
        if (keepGiven) {
            long spanning = groups.stream().filter(g -> java.util.Arrays.stream(g.members()).mapToObj(i ->
                    loaded.samples().get(i).givenSplit() == GivenSplit.TESTING).distinct().count() > 1).count();
            if (spanning > 0) {
                out.println("warning: " + spanning + " groups of copies have images in both Testing/ and the rest of"
                        + " the given split: --keep-given-split leaks them into the test split");
            }
        }
        for (String w : guarded.warnings()) {
            out.println("warning: " + w);
        }
    }

    private void writeChart(LoadedDataset ds) throws java.io.IOException {
        int[] counts = ds.classCounts();
        List<String> labels = new ArrayList<>();
        double[] values = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            values[c] = counts[c];
            labels.add(String.format(Locale.ROOT, "%s %.1f%%", CLASS_TITLES[c],
                    ds.size() == 0 ? 0.0 : 100.0 * counts[c] / ds.size()));
        }
        BarChart.of("Class distribution (" + ds.size() + " images)", labels, values)
                .xLabel("class").yLabel("images").writePng(chart, 900, 600);
    }
}
