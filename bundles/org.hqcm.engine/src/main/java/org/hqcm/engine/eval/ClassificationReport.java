package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The paper's Table 1 for one model: per-class precision, recall, F1 and support, overall accuracy,
 * macro and weighted averages, and the confusion matrix. Immutable.
 *
 * <p>Conventions, as scikit-learn's {@code classification_report} with {@code labels=range(K)} and
 * {@code zero_division="warn"}: a ratio whose denominator is 0 (precision of a class never predicted,
 * recall of a class absent from the test set, F1 of a class neither present nor predicted) is 0, and the
 * report lists it in {@link #zeroDivisions()}. F1 is {@code 2 TP / (2 TP + FP + FN)}, which equals the
 * harmonic mean of precision and recall whenever both are defined. Macro averages are plain means over
 * all K classes (absent ones included, as 0); weighted averages weight each class by its support.
 */
public final class ClassificationReport {

    private final ConfusionCounts confusion;
    private final List<ClassMetrics> perClass;
    private final double accuracy;
    private final Averages macro;
    private final Averages weighted;
    private final List<String> zeroDivisions;

    private ClassificationReport(ConfusionCounts confusion, List<ClassMetrics> perClass, double accuracy,
            Averages macro, Averages weighted, List<String> zeroDivisions) {
        this.confusion = confusion;
        this.perClass = perClass;
        this.accuracy = accuracy;
        this.macro = macro;
        this.weighted = weighted;
        this.zeroDivisions = zeroDivisions;
    }

    /** The report of predictions {@code yPred} against the truth {@code yTrue}. */
    public static ClassificationReport of(int[] yTrue, int[] yPred, List<String> classNames) {
        return of(ConfusionCounts.of(yTrue, yPred, classNames));
    }

    /** The report computed from a confusion matrix. */
    public static ClassificationReport of(ConfusionCounts confusion) {
        List<ClassMetrics> per = new ArrayList<>();
        for (int k = 0; k < confusion.classCount(); k++) {
            long tp = confusion.truePositives(k);
            long predicted = confusion.predicted(k);
            long support = confusion.support(k);
            long fp = predicted - tp;
            long fn = support - tp;
            per.add(new ClassMetrics(confusion.classNames().get(k), ratio(tp, predicted), ratio(tp, support),
                    ratio(2 * tp, 2 * tp + fp + fn), support));
        }
        return assemble(confusion, per, ratio(confusion.correct(), confusion.total()));
    }

    /**
     * A report from per-class values computed elsewhere (e.g. by Tribuo); averages are computed here from
     * them and the supports, zero divisions from the confusion counts.
     */
    public static ClassificationReport assemble(ConfusionCounts confusion, List<ClassMetrics> perClass, double accuracy) {
        if (confusion.total() == 0) {
            throw new IllegalArgumentException("no test images: a classification report needs at least one");
        }
        if (perClass.size() != confusion.classCount()) {
            throw new IllegalArgumentException(perClass.size() + " per-class rows for " + confusion.classCount() + " classes");
        }
        double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
        long total = 0;
        for (ClassMetrics m : perClass) {
            mp += m.precision();
            mr += m.recall();
            mf += m.f1();
            wp += m.precision() * m.support();
            wr += m.recall() * m.support();
            wf += m.f1() * m.support();
            total += m.support();
        }
        int k = perClass.size();
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            String name = confusion.classNames().get(c);
            if (confusion.predicted(c) == 0) {
                notes.add("precision of class '" + name + "' is 0/0 (never predicted): reported as 0");
            }
            if (confusion.support(c) == 0) {
                notes.add("recall of class '" + name + "' is 0/0 (no test image of the class): reported as 0");
                if (confusion.predicted(c) == 0) {
                    notes.add("F1 of class '" + name + "' is 0/0 (neither present nor predicted): reported as 0");
                }
            }
        }
        return new ClassificationReport(confusion, List.copyOf(perClass), accuracy,
                new Averages(mp / k, mr / k, mf / k),
                new Averages(wp / total, wr / total, wf / total), List.copyOf(notes));
    }

    static double ratio(long num, long den) {
        return den == 0 ? 0 : num / (double) den;
    }

    public ConfusionCounts confusion() {
        return confusion;
    }

    public List<String> classNames() {
        return confusion.classNames();
    }

    public List<ClassMetrics> perClass() {
        return perClass;
    }

    public ClassMetrics perClass(int k) {
        return perClass.get(k);
    }

    /** Fraction of test images classified correctly. */
    public double accuracy() {
        return accuracy;
    }

    public Averages macro() {
        return macro;
    }

    public Averages weighted() {
        return weighted;
    }

    /** Test images counted. */
    public long support() {
        return confusion.total();
    }

    /** Human-readable notes on each 0/0 that was reported as 0; empty when every ratio was defined. */
    public List<String> zeroDivisions() {
        return zeroDivisions;
    }

    @Override
    public String toString() {
        return "ClassificationReport[accuracy=" + accuracy + ", macro=" + macro + ", weighted=" + weighted
                + ", perClass=" + perClass + "]";
    }
}
