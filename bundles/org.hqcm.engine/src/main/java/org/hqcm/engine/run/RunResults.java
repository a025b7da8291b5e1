package org.hqcm.engine.run;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.IoMessages;
import org.hqcm.engine.eval.AttentionJaccard;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ComparedRun;
import org.hqcm.engine.eval.ConfidenceSummary;
import org.hqcm.engine.eval.ExplanationScores;
import org.hqcm.engine.eval.PairedBootstrap;
import org.hqcm.engine.eval.PairedComparison;
import org.hqcm.engine.eval.TestSetFingerprint;
import org.hqcm.engine.eval.WilcoxonSignedRank;
import org.hqcm.engine.internal.io.CsvFormats;
import org.hqcm.engine.internal.io.Utf8Lines;
import org.hqcm.model.Calibration;
import org.hqcm.model.ExplanationMethod;
import org.hqcm.model.OutOfDistribution;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.resource.HqcmResources;

/**
 * The test results of a completed run, read back from its folder alone (no network, no data): the run record,
 * {@code predictions.csv}, {@code jaccard.csv} and {@code explanations.csv}. What {@code report}, {@code compare} and {@code reproduce} build on.
 *
 * @param sampleIds test images in evaluation order (indices into the run's dataset)
 * @param jaccard      per-image attention Jaccard, images numbered by their position in the test set; null without
 *                     attention
 * @param explanations per-image scores of the explanation methods ({@code explanations.csv}); null for a run without
 */
public record RunResults(RunFolder folder, RunRecord record, List<String> classNames, int[] sampleIds, int[] labels,
        int[] predicted, AttentionJaccard.Result jaccard, ExplanationScores explanations) {

    /** A completed run's results; a folder that is not a run, or a run that did not complete, is refused. */
    public static RunResults read(Path dir) {
        RunFolder folder = RunFolder.open(dir);
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        if (record.getStatus() != RunStatus.COMPLETED) {
            String why = record.getFailureMessage() == null || record.getFailureMessage().isBlank() ? ""
                    : " (" + record.getFailureMessage() + ")";
            throw new BadInputException(dir + ": the run is " + record.getStatus() + why
                    + "; only COMPLETED runs have test results (finish it with ./hqcm run --resume " + dir + ")");
        }
        return of(folder, record);
    }

    /** The results of {@code record}'s folder whatever its status (the run writes its report before it completes). */
    public static RunResults of(RunFolder folder, RunRecord record) {
        List<String> classes = List.copyOf(record.getExperiment().getDataset().getClassNames());
        Path predictionsFile = folder.file(RunFolder.PREDICTIONS);
        List<List<String>> rows = rows(predictionsFile, "sample,source,label,predicted");
        int n = rows.size();
        int[] ids = new int[n];
        int[] labels = new int[n];
        int[] predicted = new int[n];
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> r = rows.get(i);
            ids[i] = integer(predictionsFile, i, r, 0, Integer.MAX_VALUE);
            labels[i] = integer(predictionsFile, i, r, 2, classes.size() - 1);
            predicted[i] = integer(predictionsFile, i, r, 3, classes.size() - 1);
            for (int c = 4; c < r.size(); c++) {
                probability(predictionsFile, i + 1, r.get(c));
            }
            Integer first = position.put(ids[i], i);
            if (first != null) {
                throw new BadInputException(predictionsFile + ": line " + (i + 2) + ": sample " + ids[i]
                        + " appears again (first on line " + (first + 2) + "); expected each test image once");
            }
        }
        Path jaccardFile = folder.file(RunFolder.JACCARD);
        AttentionJaccard.Result jaccard = Files.isRegularFile(jaccardFile) ? jaccard(jaccardFile, position, n) : null;
        Path explanationsFile = folder.dir().resolve(RunFolder.EXPLANATIONS);
        ExplanationScores explanations = Files.isRegularFile(explanationsFile) ? explanations(explanationsFile, position)
                : null;
        return new RunResults(folder, record, classes, ids, labels, predicted, jaccard, explanations);
    }

    /** The run's name in comparisons: its folder's name. */
    public String name() {
        return folder.dir().getFileName().toString();
    }

    public ClassificationReport report() {
        return ClassificationReport.of(labels, predicted, classNames);
    }

    public ComparedRun compared(String name) {
        return new ComparedRun(name, sampleIds, labels, predicted, jaccard, explanations, confidence());
    }

    /** The record's calibration and out-of-distribution figures ({@link ConfidenceSummary#NONE} for older runs). */
    public ConfidenceSummary confidence() {
        Calibration c = record.getCalibration();
        OutOfDistribution o = record.getOutOfDistribution();
        double nan = Double.NaN;
        boolean fitted = c != null && c.isFitted();
        return new ConfidenceSummary(c == null ? nan : c.getEce(), c == null ? nan : c.getBrier(),
                c == null ? nan : c.getNll(), fitted, fitted ? c.getTemperature() : nan, fitted ? c.getScaledEce() : nan,
                fitted ? c.getScaledBrier() : nan, fitted ? c.getScaledNll() : nan, o == null ? nan : o.getTestFlagged());
    }

    /**
     * explanations.csv: sample,method,jaccard@T...,pointing,energy; methods by their model literal, in the order they
     * first appear; every sample must be a test image.
     */
    private static ExplanationScores explanations(Path file, Map<Integer, Integer> position) {
        List<List<String>> records = records(file);
        List<String> header = records.get(0);
        int n = header.size();
        if (n < 4 || !header.get(0).equals("sample") || !header.get(1).equals("method")
                || !header.get(n - 2).equals("pointing") || !header.get(n - 1).equals("energy")) {
            throw new BadInputException(file + ": header '" + String.join(",", header)
                    + "', expected sample,method,jaccard@T,...,pointing,energy");
        }
        double[] thresholds = thresholds(file, header.subList(2, n - 2));
        Map<ExplanationMethod, List<ExplanationScores.Image>> byMethod = new java.util.LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != n) {
                throw new BadInputException(file + ": line " + (i + 1) + " has " + r.size() + " fields, expected " + n);
            }
            int sample = integer(file, i - 1, r, 0, Integer.MAX_VALUE);
            if (!position.containsKey(sample)) {
                throw new BadInputException(file + ": line " + (i + 1) + ": sample " + sample
                        + " is not in predictions.csv (expected only test images)");
            }
            ExplanationMethod m = ExplanationMethod.get(r.get(1).strip());
            if (m == null) {
                throw new BadInputException(file + ": line " + (i + 1) + ": method '" + r.get(1) + "', expected one of "
                        + ExplanationMethod.VALUES);
            }
            double[] j = new double[thresholds.length];
            for (int t = 0; t < j.length; t++) {
                j[t] = number(file, i, r.get(t + 2));
            }
            byMethod.computeIfAbsent(m, k -> new ArrayList<>()).add(new ExplanationScores.Image(sample, j,
                    number(file, i, r.get(n - 2)), number(file, i, r.get(n - 1))));
        }
        List<ExplanationScores.Method> methods = new ArrayList<>();
        byMethod.forEach((m, l) -> methods.add(new ExplanationScores.Method(ExplanationMaps.label(m), l)));
        return new ExplanationScores(thresholds, methods);
    }

    /** Thresholds from column titles jaccard@T. */
    private static double[] thresholds(Path file, List<String> columns) {
        double[] thresholds = new double[columns.size()];
        for (int t = 0; t < thresholds.length; t++) {
            String h = columns.get(t);
            try {
                thresholds[t] = Double.parseDouble(h.substring(h.indexOf('@') + 1));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new BadInputException(file + ": column '" + h + "', expected jaccard@THRESHOLD");
            }
        }
        return thresholds;
    }

    /** Identity of the test images this run was evaluated on (ids in order and their labels). */
    public String fingerprint() {
        return TestSetFingerprint.of(sampleIds, labels);
    }

    /**
     * Refuses a run that cannot be compared image by image with {@code reference}: other classes, or another test
     * set. The messages name both folders and what would make them comparable.
     */
    public void checkComparableWith(RunResults reference) {
        Path a = reference.folder().dir();
        Path b = folder.dir();
        if (!classNames.equals(reference.classNames())) {
            throw new BadInputException(b + ": classes " + classNames + ", but " + a + " has " + reference.classNames()
                    + ": runs with different classes cannot be compared");
        }
        String fp = reference.fingerprint();
        if (!fingerprint().equals(fp)) {
            throw new BadInputException("runs " + a + " and " + b + " were evaluated on different test sets (test-set "
                    + "fingerprint " + fp + " vs " + fingerprint() + ", " + reference.labels().length + " vs "
                    + labels.length + " images): paired statistics need the same test images; runs of one experiment "
                    + "(same data and seed, any --seed) share their test set");
        }
    }

    /**
     * What {@code hqcm compare} reports: the first run against each other one, with SciPy's Wilcoxon conventions
     * and the default paired bootstrap; columns are named after the folders ({@code name#2} for a repeated name).
     *
     * @throws BadInputException when a run cannot be compared with the first ({@link #checkComparableWith})
     */
    public static PairedComparison compare(List<RunResults> runs) {
        List<ComparedRun> compared = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RunResults r : runs) {
            r.checkComparableWith(runs.get(0));
            String name = r.name();
            // two folders of the same name (from different parents) still need distinct column titles
            for (int k = 2; !names.add(name); k++) {
                name = r.name() + "#" + k;
            }
            compared.add(r.compared(name));
        }
        return PairedComparison.of(compared, runs.get(0).classNames(), WilcoxonSignedRank.SCIPY_DEFAULT,
                PairedBootstrap.DEFAULT);
    }

    private static AttentionJaccard.Result jaccard(Path file, Map<Integer, Integer> position, int testImages) {
        List<List<String>> records = records(file);
        List<String> header = records.get(0);
        if (header.size() < 3 || !header.get(0).equals("sample") || !header.get(1).equals("source")) {
            throw new BadInputException(file + ": header '" + String.join(",", header)
                    + "', expected sample,source,jaccard@T,...");
        }
        double[] thresholds = thresholds(file, header.subList(2, header.size()));
        List<AttentionJaccard.ImageScore> images = new ArrayList<>();
        double[] sums = new double[thresholds.length];
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != header.size()) {
                throw new BadInputException(file + ": line " + (i + 1) + " has " + r.size() + " fields, expected "
                        + header.size());
            }
            int sample = integer(file, i - 1, r, 0, Integer.MAX_VALUE);
            Integer pos = position.get(sample);
            if (pos == null) {
                throw new BadInputException(file + ": line " + (i + 1) + ": sample " + sample
                        + " is not in predictions.csv (expected only test images)");
            }
            double[] v = new double[thresholds.length];
            for (int t = 0; t < v.length; t++) {
                v[t] = probability(file, i, r.get(t + 2));
                sums[t] += v[t];
            }
            images.add(new AttentionJaccard.ImageScore(pos, v));
        }
        images.sort((a, b) -> Integer.compare(a.image(), b.image()));
        double[] means = new double[thresholds.length];
        for (int t = 0; t < means.length; t++) {
            means[t] = images.isEmpty() ? Double.NaN : sums[t] / images.size();
        }
        return new AttentionJaccard.Result(thresholds, List.copyOf(images), means, testImages - images.size());
    }

    public static List<List<String>> rows(Path file, String expectedStart) {
        List<List<String>> records = records(file);
        String header = String.join(",", records.get(0));
        if (!header.startsWith(expectedStart)) {
            throw new BadInputException(file + ": header '" + header + "', expected it to start with " + expectedStart);
        }
        int columns = records.get(0).size();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != columns) {
                throw new BadInputException(file + ": line " + (i + 1) + " has " + r.size() + " fields, expected "
                        + columns);
            }
            rows.add(r);
        }
        return rows;
    }

    /** The header of a run file. */
    public static List<String> header(Path file) {
        return records(file).get(0);
    }

    /** Larger than the CSV of any run (a million test images take about 100 MB): not read. */
    static final long MAX_CSV_BYTES = 256L << 20;

    /**
     * The records of a run file ({@link CsvFormats#RUN_FILE}), header first, blank lines left out; a file too large
     * for any run, or with bytes that are not UTF-8 (named with line and column), is refused.
     */
    private static List<List<String>> records(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": missing; a completed run writes it at the end of its test evaluation");
        }
        List<List<String>> records = new ArrayList<>();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_CSV_BYTES) {
                throw new BadInputException(file + ": " + size + " bytes, more than the " + MAX_CSV_BYTES
                        + " of any run's results; not read");
            }
            text = Utf8Lines.text(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + IoMessages.reason(e) + ")", e);
        }
        try (Reader in = new StringReader(text); CSVParser parser = CsvFormats.RUN_FILE.parse(in)) {
            for (CSVRecord r : parser) {
                if (r.size() > 1 || !r.get(0).isBlank()) {
                    records.add(r.toList());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (records.isEmpty()) {
            throw new BadInputException(file + ": empty, expected a CSV header and one line per test image");
        }
        return records;
    }

    static int integer(Path file, int row, List<String> r, int column, int max) {
        try {
            int v = Integer.parseInt(r.get(column).strip());
            if (v < 0 || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": line " + (row + 2) + ", field " + (column + 1) + " is '"
                    + r.get(column) + "', expected an integer in [0, " + max + "]");
        }
    }

    /**
     * A probability (or Jaccard index) field of data line {@code line} (the header is line 0): a number in [0, 1];
     * NaN, infinities and text are refused.
     */
    static double probability(Path file, int line, String text) {
        double v = number(file, line, text);
        if (!(v >= 0 && v <= 1)) {
            throw new BadInputException(file + ": line " + (line + 1) + ": " + text.strip() + " is not allowed; expected"
                    + " a number in [0, 1]");
        }
        return v;
    }

    public static double number(Path file, int line, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ": line " + (line + 1) + ": '" + text + "' is not a number");
        }
    }
}
