package org.hqcm.engine.internal.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.hqcm.engine.eval.OodScores;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.io.CsvFormats;
import org.hqcm.engine.internal.train.Predictions;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.engine.run.RunResults;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.OodSource;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.AtomicFiles;
import org.hqcm.model.resource.HqcmResources;

/**
 * Other image sources scored against a run's out-of-distribution thresholds ({@code hqcm report --ood-source DIR}):
 * a shifted set such as another scanner's images. Each source's per-image scores go into {@value #CSV} (a source
 * scored again replaces its rows), its share flagged into the record's {@link OodSource}, and the report's score
 * distribution shows it beside the validation and test splits.
 */
public final class OodSources {

    static final String CSV = "ood-sources.csv";
    private static final String HEADER = "source,file,max_softmax,energy,unlike_training_data";

    /** One source as written: its name (the folder as given) and its images' scores. */
    record Source(String name, List<String> files, OodScores.Scores scores) {
    }

    private OodSources() {
    }

    /** The sources a run folder holds, in the order they were first added (none without the file). */
    static List<Source> read(RunFolder folder) {
        Path file = folder.dir().resolve(CSV);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, List<String[]>> bySource = new LinkedHashMap<>();
        List<List<String>> rows = RunResults.rows(file, HEADER);
        for (List<String> r : rows) {
            bySource.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r.toArray(String[]::new));
        }
        List<Source> out = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : bySource.entrySet()) {
            List<String[]> l = e.getValue();
            double[] msp = new double[l.size()];
            double[] energy = new double[l.size()];
            for (int i = 0; i < l.size(); i++) {
                msp[i] = RunResults.number(file, i + 1, l.get(i)[2]);
                energy[i] = RunResults.number(file, i + 1, l.get(i)[3]);
            }
            out.add(new Source(e.getKey(), l.stream().map(r -> r[1]).toList(), new OodScores.Scores(msp, energy)));
        }
        return out;
    }

    /**
     * Scores {@code samples} (read from {@code files} of the source {@code name}; {@code skipped} files were not
     * images) with the run's model, records the source in the run record and its rows in {@value #CSV}, redraws the
     * distribution figure and rewrites the report. Returns the recorded source.
     */
    public static OodSource add(Path runDir, String name, List<Sample> samples, List<Path> files, int skipped) {
        RunResults.read(runDir); // refuses runs that did not complete
        RunFolder folder = RunFolder.open(runDir);
        TrainedModel model = TrainedModel.load(folder);
        RunRecord record = model.record();
        OodScores.Thresholds th = model.oodThresholds();
        if (th == null) {
            ConfidenceEvaluation.thresholds(record); // throws the message saying why
        }
        int[] all = new int[samples.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Predictions p = model.inference().run(samples, all);
        OodScores.Scores s = OodScores.of(p.logits(), p.classes(),
                record.getExperiment().getEvaluation().getEnergyTemperature());
        OodScores.Kind kind = model.oodKind();
        try {
            List<Source> kept = new ArrayList<>(read(folder).stream().filter(x -> !x.name().equals(name)).toList());
            kept.add(new Source(name, files.stream().map(Path::toString).toList(), s));
            StringBuilder text = new StringBuilder();
            try (CSVPrinter csv = new CSVPrinter(text, CsvFormats.RUN_FILE)) {
                csv.printRecord((Object[]) HEADER.split(","));
                for (Source src : kept) {
                    for (int i = 0; i < src.scores().size(); i++) {
                        double m = src.scores().maxSoftmax()[i];
                        double e = src.scores().energy()[i];
                        csv.printRecord(src.name(), src.files().get(i), String.format(Locale.ROOT, "%.6f", m),
                                String.format(Locale.ROOT, "%.6f", e), String.valueOf(th.flagged(kind, m, e)));
                    }
                }
            }
            AtomicFiles.writeString(folder.dir().resolve(CSV), text.toString());
            var ood = record.getOutOfDistribution();
            ood.getSources().removeIf(x -> name.equals(x.getPath()));
            OodSource recorded = HqcmFactory.eINSTANCE.createOodSource();
            recorded.setPath(name);
            recorded.setImages(s.size());
            recorded.setFlagged(th.flaggedShare(kind, s));
            recorded.setSkipped(skipped);
            ood.getSources().add(recorded);
            if (record.getArtefacts().stream().noneMatch(a -> CSV.equals(a.getPath()))) {
                TestEvaluation.artefact(record, "out-of-distribution sources", CSV);
            }
            HqcmResources.save(record, folder.record());
            ConfidenceEvaluation.distribution(folder, record);
            RunReport.write(runDir);
            return recorded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the source " + name + " in " + runDir + ": " + e.getMessage(), e);
        }
    }
}
