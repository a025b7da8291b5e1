package org.hqcm.engine.internal.eval;

import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.eval.ClassMetrics;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ConfusionCounts;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * Turns a Tribuo {@link LabelEvaluation} into a {@link ClassificationReport}. Per-class precision, recall
 * and F1, accuracy and the confusion counts come from Tribuo; Tribuo has no support-weighted average, so
 * the report computes it (and the macro average) from those per-class values. Tribuo also reports 0 for a
 * 0/0 ratio, so both paths agree.
 */
public final class TribuoEvaluations {

    private TribuoEvaluations() {
    }

    /**
     * @param classNames the class order of the report; each name is the Tribuo {@link Label} name of that
     *                   class (a class Tribuo never saw gets zero counts)
     */
    public static ClassificationReport report(LabelEvaluation evaluation, List<String> classNames) {
        var tribuoMatrix = evaluation.getConfusionMatrix();
        int k = classNames.size();
        List<Label> labels = new ArrayList<>(k);
        for (String name : classNames) {
            labels.add(new Label(name));
        }
        for (Label seen : tribuoMatrix.observed()) {
            if (!labels.contains(new Label(seen.getLabel()))) {
                throw new IllegalArgumentException("Tribuo evaluation has label '" + seen.getLabel()
                        + "', which is not one of the classes " + classNames);
            }
        }
        // Tribuo indexes by its own label domain and fails on a label outside it: such a class has no counts
        boolean[] known = new boolean[k];
        for (int c = 0; c < k; c++) {
            known[c] = tribuoMatrix.getDomain().getID(labels.get(c)) >= 0;
        }
        long[][] counts = new long[k][k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                // Tribuo's argument order is (predicted, truth)
                counts[t][p] = known[t] && known[p] ? Math.round(tribuoMatrix.confusion(labels.get(p), labels.get(t))) : 0;
            }
        }
        ConfusionCounts confusion = ConfusionCounts.ofCounts(counts, classNames);
        List<ClassMetrics> per = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            Label l = labels.get(c);
            per.add(new ClassMetrics(classNames.get(c), known[c] ? finite(evaluation.precision(l)) : 0,
                    known[c] ? finite(evaluation.recall(l)) : 0, known[c] ? finite(evaluation.f1(l)) : 0,
                    confusion.support(c)));
        }
        return ClassificationReport.assemble(confusion, per, evaluation.accuracy());
    }

    private static double finite(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
