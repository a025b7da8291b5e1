package org.hqcm.engine.internal.train.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.hqcm.engine.internal.data.DatasetLoader;
import org.hqcm.engine.internal.data.LoadOptions;
import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.data.Splitter;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.run.TinyExperiments;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.engine.internal.train.Predictions;
import org.hqcm.model.Experiment;
import org.hqcm.model.validation.FeaturePaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Feature;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

/** The network trained and evaluated through Tribuo's API on real synthetic images. */
class HqcmTrainerTest {

    static Experiment experiment;
    static LoadedDataset data;
    static Split split;
    static List<String> classes;

    @BeforeAll
    static void load() {
        experiment = TinyExperiments.tiny(1);
        data = DatasetLoader.load(ExperimentMapping.sources(experiment, java.nio.file.Path.of(".")), 16, 3,
                LoadOptions.defaults().withRequiredClasses(EnumSet.allOf(TumourClass.class)));
        split = Splitter.split(data.samples(), 0.7, 0.15, 0.15, 3, true, true);
        classes = List.copyOf(experiment.getDataset().getClassNames());
    }

    @Test
    void examplesExposeTheSamplesPixelsWithoutCopies() {
        ImageDataset d = ImageDataset.of("test", data.samples(), classes, split.test());
        ImageExample e = (ImageExample) d.getData().get(0);
        Sample s = data.samples().get(split.test()[0]);
        assertTrue(e.sample() == s, "the example refers to the loaded sample");
        assertEquals(256, e.size());
        int p = 0;
        for (Feature f : e) {
            assertEquals(s.pixel(p / 16, p % 16), f.getValue(), 0.0, f.getName());
            p++;
        }
        assertEquals(256, p);
        assertEquals(256, d.getFeatureMap().size());
        assertEquals(classes.get(s.label()), e.getOutput().getLabel());
    }

    @Test
    void provenanceRecordsEveryAttributeAndTribuoPredictsLikeTheNetwork() {
        ImageDataset trainVal = ImageDataset.of("train", data.samples(), classes,
                new String[] {ImageDataset.TRAIN, ImageDataset.VALIDATION}, split.train(), split.validation());
        HqcmModel model = HqcmTrainer.of(experiment, 5).train(trainVal);

        // walks the experiment, not a list of names: an attribute added to the model is covered without a change here
        String provenance = ProvenanceUtil.formattedProvenanceString(model.getProvenance());
        List<EObject> objects = new ArrayList<>(List.of(experiment));
        experiment.eAllContents().forEachRemaining(objects::add);
        int attributes = 0;
        for (EObject o : objects) {
            for (EAttribute a : o.eClass().getEAllAttributes()) {
                String path = FeaturePaths.of(o, a, -1);
                assertTrue(provenance.contains(path + "="), path + " in\n" + provenance);
                attributes++;
            }
        }
        assertTrue(attributes > 40, attributes + " attributes");
        assertTrue(provenance.contains("training.learningRate=" + experiment.getTraining().getLearningRate()), provenance);
        assertTrue(provenance.contains("seed = 5"), "the run seed");

        ImageDataset test = ImageDataset.of("test", data.samples(), classes, split.test());
        List<Prediction<Label>> viaTribuo = model.predict(test);
        Predictions direct = model.predictDetailed(data.samples(), split.test());
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(classes.get(direct.predicted()[i]), viaTribuo.get(i).getOutput().getLabel());
        }
        var evaluation = new LabelEvaluator().evaluate(model, test);
        assertEquals(direct.accuracy(), evaluation.accuracy(), 1e-12);

        // a copy has its own network: changing one leaves the other's predictions alone
        HqcmModel copy = (HqcmModel) model.copy();
        assertNotSame(model.network(), copy.network());
        Map<String, double[]> weights = model.network().exportState();
        weights.get("classifier.bias")[0] += 100;
        model.network().importState(weights);
        Predictions changed = model.predictDetailed(data.samples(), split.test());
        Predictions copied = copy.predictDetailed(data.samples(), split.test());
        assertArrayEquals(direct.probabilities(), copied.probabilities(), 0.0);
        assertFalse(java.util.Arrays.equals(direct.probabilities(), changed.probabilities()));
    }
}
