package org.hqcm.engine.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;

/**
 * A run's {@code predictions.csv} whole, probabilities included, read back from its folder (any status that got as
 * far as the test evaluation): what the error drill-down lists for a confusion cell.
 *
 * @param sampleIds     test images in evaluation order (indices into the run's dataset; equal ids in two runs of one
 *                      test set are the same image)
 * @param probabilities per test image, one probability per class
 */
public record TestPredictions(List<String> classNames, int[] sampleIds, int[] labels, int[] predicted,
        double[][] probabilities) {

    public static TestPredictions read(Path dir) {
        RunFolder folder = RunFolder.open(dir);
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        List<String> classes = List.copyOf(record.getExperiment().getDataset().getClassNames());
        Path file = folder.dir().resolve(RunFolder.PREDICTIONS);
        List<List<String>> rows = RunResults.rows(file, "sample,source,label,predicted");
        int n = rows.size();
        int[] ids = new int[n];
        int[] labels = new int[n];
        int[] predicted = new int[n];
        double[][] p = new double[n][classes.size()];
        for (int i = 0; i < n; i++) {
            List<String> r = rows.get(i);
            if (r.size() != 4 + classes.size()) {
                throw new BadInputException(file + ": line " + (i + 2) + " has " + r.size() + " fields, expected "
                        + (4 + classes.size()) + " (sample, source, label, predicted and p_ of each class)");
            }
            ids[i] = RunResults.integer(file, i, r, 0, Integer.MAX_VALUE);
            labels[i] = RunResults.integer(file, i, r, 2, classes.size() - 1);
            predicted[i] = RunResults.integer(file, i, r, 3, classes.size() - 1);
            for (int k = 0; k < classes.size(); k++) {
                p[i][k] = RunResults.probability(file, i + 1, r.get(4 + k));
            }
        }
        return new TestPredictions(classes, ids, labels, predicted, p);
    }

    public int size() {
        return sampleIds.length;
    }

    /** Test positions of the images with this true and predicted class, in evaluation order. */
    public List<Integer> cell(int trueClass, int predictedClass) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == trueClass && predicted[i] == predictedClass) {
                out.add(i);
            }
        }
        return out;
    }

    /** Test position of each sample id. */
    public Map<Integer, Integer> positions() {
        Map<Integer, Integer> m = new HashMap<>();
        for (int i = 0; i < sampleIds.length; i++) {
            m.put(sampleIds[i], i);
        }
        return m;
    }
}
