package org.hqcm.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;

import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;

/** Feature paths both ways: from a value to its path, from a path (as problems name them) back to the feature. */
class FeaturePathsTest {

    @Test
    void aPathLeadsBackToItsFeature() {
        Experiment e = Presets.create(Presets.QUICKSTART);
        assertEquals(Literals.TRAINING__LEARNING_RATE, FeaturePaths.feature(e, "training.learningRate"));
        assertEquals(Literals.DATA_SOURCE__PATH, FeaturePaths.feature(e, "dataset.sources[0].path"));
        assertEquals(Literals.DATASET__CLASS_NAMES, FeaturePaths.feature(e, "dataset.classNames[2]"), "a list element");
        assertEquals(Literals.QUANTUM_HEAD__QUBITS, FeaturePaths.feature(e, "architecture.head.qubits"));
        assertEquals(Literals.EXPERIMENT__NAME, FeaturePaths.feature(e, "name"));
        assertNull(FeaturePaths.feature(e, "dataset.sources[7].path"), "no such source");
        assertNull(FeaturePaths.feature(e, "training.noSuchField"));
        assertNull(FeaturePaths.feature(e, "training.learningRate.more"));
        assertNull(FeaturePaths.feature(e, "(root)"));
    }

    @Test
    void everyValueWithItsPathTextAndDocumentation() {
        Experiment e = Presets.create(Presets.QUICKSTART);
        Map<String, FeaturePaths.Value> values = FeaturePaths.values(e).stream()
                .collect(Collectors.toMap(FeaturePaths.Value::path, v -> v));
        assertEquals(Double.toString(e.getLoss().getZeta()), values.get("loss.zeta").text());
        assertTrue(values.get("loss.zeta").documentation().startsWith("zeta, the weight"));
        assertEquals(e.getArchitecture().getBackboneWidths().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                values.get("architecture.backboneWidths").text());
        assertEquals("SYNTHETIC", values.get("dataset.sources[0].kind").text());
        for (FeaturePaths.Value v : values.values()) {
            assertEquals(v.attribute(), FeaturePaths.feature(e, v.path()), "the path of " + v.path() + " leads back");
        }
        // inside a run record: paths from the experiment, as in its file
        org.hqcm.model.RunRecord record = org.hqcm.model.HqcmFactory.eINSTANCE.createRunRecord();
        record.setExperiment(e);
        assertEquals("loss.zeta", FeaturePaths.values(e).stream().filter(v -> v.attribute() == Literals.LOSS__ZETA)
                .findFirst().orElseThrow().path());
    }
}
