package org.hqcm.engine.internal.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.eval.ClassMetrics;
import org.hqcm.engine.eval.ClassificationReport;
import org.hqcm.engine.eval.ClassificationReportTest;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class TribuoEvaluationsTest {

    @Test
    void tribuoPathAgreesWithArrayPathAndHandValues() {
        LabelEvaluation evaluation = evaluate(ClassificationReportTest.Y_TRUE, ClassificationReportTest.Y_PRED);
        ClassificationReport fromTribuo = TribuoEvaluations.report(evaluation, ClassificationReportTest.ABC);
        ClassificationReport fromArrays = ClassificationReport.of(ClassificationReportTest.Y_TRUE,
                ClassificationReportTest.Y_PRED, ClassificationReportTest.ABC);

        assertEquals(fromArrays.confusion(), fromTribuo.confusion(), "confusion (true x predicted)");
        assertEquals(fromArrays.accuracy(), fromTribuo.accuracy(), 1e-12);
        for (int k = 0; k < 3; k++) {
            assertEquals(ClassificationReportTest.round(fromArrays.perClass(k)),
                    ClassificationReportTest.round(fromTribuo.perClass(k)));
        }
        assertEquals(fromArrays.macro().f1(), fromTribuo.macro().f1(), 1e-12);
        assertEquals(37 / 60.0, fromTribuo.weighted().precision(), 1e-12);
        assertEquals(0.6, fromTribuo.weighted().f1(), 1e-12);
        // Tribuo's own macro average agrees with ours
        assertEquals(evaluation.macroAveragedF1(), fromTribuo.macro().f1(), 1e-12);
    }

    @Test
    void asymmetricErrorsKeepTheirDirection() {
        // two 'a' images predicted as 'b', none the other way
        int[] t = {0, 0, 0, 1, 1, 2};
        int[] p = {1, 1, 0, 1, 1, 2};
        ClassificationReport r = TribuoEvaluations.report(evaluate(t, p), ClassificationReportTest.ABC);
        assertArrayEquals(new long[] {1, 2, 0}, r.confusion().counts()[0]);
        assertArrayEquals(new long[] {0, 2, 0}, r.confusion().counts()[1]);
        assertEquals(0.5, r.perClass(1).precision(), 1e-12);
        assertEquals(1 / 3.0, r.perClass(0).recall(), 1e-12);
    }

    @Test
    void neverPredictedAndUnknownClassesFollowTheZeroConvention() {
        // 'c' occurs but is never predicted: precision 0/0 -> 0 on both paths
        int[] t = {0, 1, 2, 2};
        int[] p = {0, 1, 1, 0};
        ClassificationReport tribuo = TribuoEvaluations.report(evaluate(t, p), ClassificationReportTest.ABC);
        ClassificationReport arrays = ClassificationReport.of(t, p, ClassificationReportTest.ABC);
        for (int k = 0; k < 3; k++) {
            assertEquals(arrays.perClass(k), tribuo.perClass(k));
        }
        assertEquals(arrays.zeroDivisions(), tribuo.zeroDivisions());
        assertEquals(arrays.weighted(), tribuo.weighted());

        // a report class Tribuo never saw (not in its label domain) gets zeros and support 0
        ClassificationReport wider = TribuoEvaluations.report(evaluate(t, p), List.of("a", "b", "c", "d"));
        assertEquals(new ClassMetrics("d", 0, 0, 0, 0), wider.perClass(3));
        assertEquals(arrays.weighted().f1(), wider.weighted().f1(), 1e-12);

        // a Tribuo label that is not one of the report's classes is an error, not silently dropped
        assertThrows(IllegalArgumentException.class, () -> TribuoEvaluations.report(evaluate(t, p), List.of("a", "b")));
    }

    /** A Tribuo evaluation of the given predictions (the model only supplies the label domain). */
    static LabelEvaluation evaluate(int[] yTrue, int[] yPred) {
        LabelFactory factory = new LabelFactory();
        var provenance = new SimpleDataSourceProvenance("fixed test predictions", factory);
        List<Example<Label>> examples = new ArrayList<>();
        for (int truth : yTrue) {
            examples.add(new ArrayExample<>(new Label(ClassificationReportTest.ABC.get(truth)), new String[] {"x"},
                    new double[] {1}));
        }
        MutableDataset<Label> data = new MutableDataset<>(new ListDataSource<>(examples, factory, provenance));
        Model<Label> model = DummyClassifierTrainer.createMostFrequentTrainer().train(data);
        List<Prediction<Label>> predictions = new ArrayList<>();
        for (int i = 0; i < yTrue.length; i++) {
            predictions.add(new Prediction<>(new Label(ClassificationReportTest.ABC.get(yPred[i])), 1, examples.get(i)));
        }
        return new LabelEvaluator().evaluate(model, predictions, provenance);
    }
}
