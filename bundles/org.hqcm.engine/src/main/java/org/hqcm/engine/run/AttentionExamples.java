package org.hqcm.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.io.ArrayArchive;
import org.hqcm.engine.plot.AttentionGallery;
import org.hqcm.model.Experiment;
import org.hqcm.model.resource.HqcmResources;

/**
 * The attention examples of a run (Fig 10): a few tumour test images with their mask, the run's map T_s and its
 * Jaccard per threshold, kept in {@value #FILE} so that galleries (and the comparison of two models on the same
 * images) can be drawn later without the data or the network.
 *
 * <p>Which images: tumour test images taken in test order, one class after the other (meningioma, glioma,
 * pituitary, then again), so runs on the same test set pick the same images whatever their model.
 */
public record AttentionExamples(double[] thresholds, List<Example> examples) {

    /** The examples file of a run folder. */
    public static final String FILE = RunFolder.ATTENTION_EXAMPLES;

    /** One example: {@code image} and {@code mask} at input size, {@code map} at feature-map size. */
    public record Example(int sampleId, int label, float[][] image, float[][] mask, float[][] map, double[] jaccard) {
    }

    /**
     * Test positions to show: up to {@code count} tumour images, alternating over the tumour classes in test order.
     *
     * @param tumour whether the image at each test position has a tumour mask
     */
    public static List<Integer> choose(int[] labels, boolean[] tumour, int count) {
        Map<Integer, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (tumour[i]) {
                byClass.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
            }
        }
        List<Integer> classes = new ArrayList<>(byClass.keySet());
        classes.sort(Integer::compare);
        List<Integer> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < count; round++) {
            boolean any = false;
            for (int c : classes) {
                List<Integer> l = byClass.get(c);
                if (round < l.size() && chosen.size() < count) {
                    chosen.add(l.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        chosen.sort(Integer::compare);
        return chosen;
    }

    public boolean isEmpty() {
        return examples.isEmpty();
    }

    public void write(Path file) throws IOException {
        Map<String, double[]> a = new LinkedHashMap<>();
        a.put("thresholds", thresholds.clone());
        a.put("count", new double[] {examples.size()});
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            a.put(i + ".sample", new double[] {e.sampleId(), e.label()});
            a.put(i + ".image", flat(e.image()));
            a.put(i + ".mask", flat(e.mask()));
            a.put(i + ".map", flat(e.map()));
            a.put(i + ".jaccard", e.jaccard().clone());
        }
        ArrayArchive.write(file, a);
    }

    /**
     * Reads the examples file of a run folder, within the shape its run record gives ({@link #read(Path, Experiment)});
     * a file outside a run folder is read within {@link ArrayArchive.Limits#any()}.
     */
    public static AttentionExamples read(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && Files.isRegularFile(dir.resolve(HqcmResources.RUN_RECORD_FILE))) {
            RunFolder folder = RunFolder.open(dir);
            return read(folder.file(file.getFileName().toString()),
                    HqcmResources.loadRunRecord(folder.record()).getExperiment());
        }
        return fromArrays(ArrayArchive.read(file), file);
    }

    /**
     * Reads the examples of a run of {@code experiment}: at most its {@code attentionExamples} images of its image
     * size, so that a zip bomb is refused before it is inflated.
     */
    public static AttentionExamples read(Path file, Experiment experiment) {
        int size = experiment.getDataset().getImageSize();
        int blocks = experiment.getArchitecture().getBackboneWidths().size();
        long feature = (long) (size >> blocks) * (size >> blocks);
        long taus = experiment.getEvaluation().getJaccardThresholds().size();
        int most = experiment.getEvaluation().getAttentionExamples();
        Map<String, double[]> a = ArrayArchive.read(file, new ArrayArchive.Limits(name -> {
            if (name.equals("thresholds")) {
                return taus;
            }
            if (name.equals("count")) {
                return 1;
            }
            return switch (name.substring(name.indexOf('.') + 1)) {
                case "sample" -> 2;
                case "image", "mask" -> (long) size * size;
                case "map" -> feature;
                case "jaccard" -> taus;
                default -> -1;
            };
        }, taus + 1 + most * (2 + 2L * size * size + feature + taus), 2 + 5 * most));
        return fromArrays(a, file);
    }

    private static AttentionExamples fromArrays(Map<String, double[]> a, Path file) {
        double[] thresholds = get(a, "thresholds", file);
        int count = (int) ArrayArchive.scalar(a, "count", file);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double[] id = get(a, i + ".sample", file);
            examples.add(new Example((int) id[0], (int) id[1], square(get(a, i + ".image", file), file),
                    square(get(a, i + ".mask", file), file), square(get(a, i + ".map", file), file),
                    get(a, i + ".jaccard", file)));
        }
        return new AttentionExamples(thresholds, List.copyOf(examples));
    }

    /** The run's own gallery: input, mask, map, overlay, with the Jaccard of each threshold in the caption. */
    public void writeGallery(String title, List<String> classNames, Path png) throws IOException {
        AttentionGallery g = AttentionGallery.of(title);
        for (Example e : examples) {
            g = g.row(rowLabel(e, classNames), e.image(), e.mask(), e.map(), caption(e.jaccard()));
        }
        g.writePng(png, CELL);
    }

    /** Fig 10 of several models on the same images (the example lists must name the same samples). */
    public static void writeComparisonGallery(String title, List<String> models, List<AttentionExamples> runs,
            List<String> classNames, Path png) throws IOException {
        AttentionExamples first = runs.get(0);
        AttentionGallery g = AttentionGallery.of(title, models);
        for (int i = 0; i < first.examples().size(); i++) {
            Example e = first.examples().get(i);
            List<float[][]> maps = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (int m = 0; m < runs.size(); m++) {
                List<Example> l = runs.get(m).examples();
                if (l.size() != first.examples().size() || l.get(i).sampleId() != e.sampleId()) {
                    throw new BadInputException("the runs of " + models.get(0) + " and " + models.get(m)
                            + " show different attention examples: they were not evaluated on the same test set");
                }
                maps.add(l.get(i).map());
                captions.add(runs.get(m).caption(l.get(i).jaccard()));
            }
            g = g.row(rowLabel(e, classNames), e.image(), e.mask(), maps, captions);
        }
        g.writePng(png, CELL);
    }

    private static final int CELL = 128;

    private String caption(double[] jaccard) {
        // the most lenient threshold (the last of the paper's 0.99, 0.90, 0.75) says most at a glance
        int t = thresholds.length - 1;
        return String.format(Locale.ROOT, "J@%.2f = %.3f", thresholds[t], jaccard[t]);
    }

    private static String rowLabel(Example e, List<String> classNames) {
        String c = e.label() >= 0 && e.label() < classNames.size() ? classNames.get(e.label()) : "class " + e.label();
        return "#" + e.sampleId() + " " + c;
    }

    private static double[] get(Map<String, double[]> a, String key, Path file) {
        double[] v = a.get(key);
        if (v == null) {
            throw new BadInputException(file + ": no array '" + key + "', expected a file of attention examples");
        }
        return v;
    }

    private static double[] flat(float[][] grid) {
        double[] out = new double[grid.length * grid[0].length];
        for (int y = 0; y < grid.length; y++) {
            for (int x = 0; x < grid[0].length; x++) {
                out[y * grid[0].length + x] = grid[y][x];
            }
        }
        return out;
    }

    private static float[][] square(double[] v, Path file) {
        int n = (int) Math.round(Math.sqrt(v.length));
        if (n * n != v.length || n == 0) {
            throw new BadInputException(file + ": an array of " + v.length + " values, expected a square image");
        }
        float[][] out = new float[n][n];
        for (int i = 0; i < v.length; i++) {
            out[i / n][i % n] = (float) v[i];
        }
        return out;
    }

    /** True when the run folder holds attention examples. */
    public static boolean exist(RunFolder folder) {
        return folder.hasFile(FILE);
    }
}
