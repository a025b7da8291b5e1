package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.hqcm.engine.eval.ExplanationScores;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.explain.Explainer;
import org.hqcm.engine.internal.explain.Occlusion;
import org.hqcm.engine.internal.io.CsvFormats;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.train.Predictions;
import org.hqcm.engine.plot.AttentionGallery;
import org.hqcm.engine.run.AttentionExamples;
import org.hqcm.engine.run.ExplanationMaps;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.Evaluation;
import org.hqcm.model.ExplanationMethod;
import org.hqcm.model.ExplanationScore;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.AtomicFiles;

/**
 * The explanations of a run's tumour test images beside T_s (issue 17): the images the evaluation section fixes
 * ({@code explanationImages}, chosen as the attention examples are), each explained by T_s, Grad-CAM on the last
 * backbone block and on F * (1 + T_s), and occlusion sensitivity for the class the model predicts, every map scored
 * against the tumour mask ({@link ExplanationScores}). Writes the per-image scores ({@value #CSV}), the scored maps
 * ({@link ExplanationMaps}), the means and measured costs into the run record, and a gallery.
 */
final class ExplanationEvaluation {

    static final String CSV = RunFolder.EXPLANATIONS;
    static final String GALLERY = "explanations.png";

    private ExplanationEvaluation() {
    }

    /** The costs of the methods, for the run log. */
    record Costs(int images, Map<ExplanationMethod, Double> secondsPerImage, Map<ExplanationMethod, Double> seconds) {
    }

    /** The model's literal of an engine method (the same four, one switch each way). */
    static ExplanationMethod literal(Explainer.Method m) {
        return m.literal();
    }

    /** How reports name a method ({@link ExplanationMaps#label}). */
    static String label(ExplanationMethod m) {
        return ExplanationMaps.label(m);
    }

    /**
     * Explains the chosen tumour images of {@code test}; returns null (and writes nothing) when the test split has
     * no tumour image.
     */
    static Costs write(RunFolder folder, RunRecord record, Evaluation settings, List<String> classNames,
            List<Sample> samples, Predictions test, HybridNetwork net, int batchSize, RunObserver observer)
            throws IOException {
        boolean[] tumour = new boolean[test.size()];
        int tumours = 0;
        for (int i = 0; i < test.size(); i++) {
            tumour[i] = samples.get(test.indices()[i]).maskPixelCount() > 0;
            tumours += tumour[i] ? 1 : 0;
        }
        int wanted = settings.getExplanationImages() == 0 ? tumours : Math.min(settings.getExplanationImages(), tumours);
        List<Integer> chosen = AttentionExamples.choose(test.labels(), tumour, wanted);
        if (chosen.isEmpty()) {
            return null;
        }
        int size = net.config().imageSize();
        Occlusion occlusion = new Occlusion(settings.getOcclusionPatch(), settings.getOcclusionStride());
        Explainer explainer = new Explainer(net, occlusion, batchSize);
        List<Explainer.Method> methods = explainer.methods();
        List<ExplanationMethod> literals = methods.stream().map(ExplanationEvaluation::literal).toList();
        double[] thresholds = settings.getJaccardThresholds().stream().mapToDouble(Double::doubleValue).toArray();
        observer.phase("explaining", String.format(Locale.ROOT, "explaining %d tumour test images (T_s, Grad-CAM, "
                + "occlusion at %d positions each)", chosen.size(), occlusion.windows(size)));

        Map<ExplanationMethod, List<ExplanationScores.Image>> scores = new LinkedHashMap<>();
        literals.forEach(m -> scores.put(m, new ArrayList<>()));
        int galleryRows = Math.min(chosen.size(), Math.max(1, settings.getAttentionExamples()));
        AttentionGallery gallery = AttentionGallery.of("Explanations of tumour test images (each map normalised as "
                + "scored)", literals.stream().map(ExplanationEvaluation::label).toList()).withoutOverlays();
        AttentionGallery[] built = {gallery};
        ExplanationMaps.write(folder.dir().resolve(ExplanationMaps.FILE), literals, size, w -> {
            for (int from = 0; from < chosen.size(); from += batchSize) {
                List<Integer> part = chosen.subList(from, Math.min(chosen.size(), from + batchSize));
                float[] pixels = new float[part.size() * size * size];
                for (int i = 0; i < part.size(); i++) {
                    samples.get(test.indices()[part.get(i)]).copyImageInto(pixels, i * size * size);
                }
                List<Explainer.Maps> explained = explainer.explain(pixels, part.size());
                for (int i = 0; i < part.size(); i++) {
                    int position = part.get(i);
                    Sample s = samples.get(test.indices()[position]);
                    float[][] mask = grid(s);
                    List<float[][]> normalised = new ArrayList<>();
                    List<String> captions = new ArrayList<>();
                    for (int m = 0; m < methods.size(); m++) {
                        float[][] map = ExplanationScores.normalised(explained.get(i).get(methods.get(m)), size, size);
                        ExplanationScores.Image score = ExplanationScores.score(test.indices()[position], map, mask,
                                thresholds);
                        scores.get(literals.get(m)).add(score);
                        normalised.add(map);
                        captions.add(caption(score, thresholds));
                    }
                    w.add(position, normalised);
                    if (from + i < galleryRows) {
                        built[0] = built[0].row("#" + test.indices()[position] + " "
                                + classNames.get(test.labels()[position]), image(s), mask, normalised, captions);
                    }
                }
            }
        });
        TestEvaluation.artefact(record, "explanation maps", ExplanationMaps.FILE);
        writeCsv(folder, thresholds, scores, test, samples);
        TestEvaluation.artefact(record, "explanation scores", CSV);
        Files.createDirectories(folder.artefacts());
        built[0].writePng(folder.artefacts().resolve(GALLERY), 112);
        TestEvaluation.artefact(record, "explanation gallery", "artefacts/" + GALLERY);

        record.getExplanations().clear();
        Map<ExplanationMethod, Double> perImage = new LinkedHashMap<>();
        Map<ExplanationMethod, Double> total = new LinkedHashMap<>();
        for (int m = 0; m < methods.size(); m++) {
            ExplanationMethod literal = literals.get(m);
            ExplanationScores.Method method = new ExplanationScores.Method(label(literal), scores.get(literal));
            double[] means = method.means();
            ExplanationScore e = HqcmFactory.eINSTANCE.createExplanationScore();
            e.setMethod(literal);
            String layer = explainer.layer(methods.get(m));
            e.setLayer(layer == null ? "" : layer);
            e.setImages(method.images().size());
            for (int t = 0; t < thresholds.length; t++) {
                var j = HqcmFactory.eINSTANCE.createJaccardScore();
                j.setThreshold(thresholds[t]);
                j.setMean(means[t]);
                j.setImages(method.images().size());
                e.getJaccard().add(j);
            }
            e.setPointingGame(means[thresholds.length]);
            e.setEnergyInside(means[thresholds.length + 1]);
            e.setSecondsPerImage(explainer.secondsPerImage(methods.get(m)));
            record.getExplanations().add(e);
            perImage.put(literal, explainer.secondsPerImage(methods.get(m)));
            total.put(literal, explainer.seconds(methods.get(m)));
        }
        return new Costs(chosen.size(), perImage, total);
    }

    private static String caption(ExplanationScores.Image s, double[] thresholds) {
        int t = thresholds.length - 1;
        return String.format(Locale.ROOT, "point %.2f  J@%.2f %.2f", s.pointing(), thresholds[t], s.jaccard()[t]);
    }

    private static float[][] grid(Sample s) {
        int size = s.size();
        float[][] mask = new float[size][size];
        byte[] raw = s.mask();
        for (int p = 0; p < raw.length; p++) {
            mask[p / size][p % size] = raw[p] != 0 ? 1f : 0f;
        }
        return mask;
    }

    private static float[][] image(Sample s) {
        int size = s.size();
        float[][] g = new float[size][size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                g[y][x] = s.pixel(y, x);
            }
        }
        return g;
    }

    private static void writeCsv(RunFolder folder, double[] thresholds,
            Map<ExplanationMethod, List<ExplanationScores.Image>> scores, Predictions test, List<Sample> samples)
            throws IOException {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(text, CsvFormats.RUN_FILE)) {
            List<String> header = new ArrayList<>(List.of("sample", "method"));
            for (double t : thresholds) {
                header.add(String.format(Locale.ROOT, "jaccard@%.2f", t));
            }
            header.addAll(List.of("pointing", "energy"));
            csv.printRecord(header);
            for (Map.Entry<ExplanationMethod, List<ExplanationScores.Image>> e : scores.entrySet()) {
                for (ExplanationScores.Image s : e.getValue()) {
                    List<String> row = new ArrayList<>(List.of(String.valueOf(s.sampleId()), e.getKey().getName()));
                    for (double v : s.jaccard()) {
                        row.add(String.format(Locale.ROOT, "%.6f", v));
                    }
                    row.add(String.format(Locale.ROOT, "%.6f", s.pointing()));
                    row.add(String.format(Locale.ROOT, "%.6f", s.energy()));
                    csv.printRecord(row);
                }
            }
        }
        AtomicFiles.writeString(folder.dir().resolve(CSV), text.toString());
    }
}
