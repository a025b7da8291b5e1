package org.hqcm.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;

class FeaturePathsTest {

    @Test
    void pathsNameTheFeatureAndTheElement() {
        Experiment e = Presets.create(Presets.QUICKSTART);
        var source = e.getDataset().getSources().get(0);
        assertEquals("dataset.sources[0]", FeaturePaths.of(source));
        assertEquals("dataset.sources[0].path", FeaturePaths.of(source, HqcmPackage.Literals.DATA_SOURCE__PATH, -1));
        assertEquals("dataset.classNames[2]", FeaturePaths.of(e.getDataset(), HqcmPackage.Literals.DATASET__CLASS_NAMES, 2));
        assertEquals("seed", FeaturePaths.of(e, HqcmPackage.Literals.EXPERIMENT__SEED, -1));
    }

    /**
     * Walks the metamodel, not a list: every attribute of every class an experiment can contain (both heads) must
     * appear in {@link FeaturePaths#values}, so an attribute added to hqcm.ecore is covered without touching this test.
     */
    @Test
    void valuesHoldEveryAttributeOfTheExperimentsClasses() {
        List<EClass> seen = new ArrayList<>();
        for (String preset : List.of(Presets.QUICKSTART, Presets.QUICKSTART_CLASSICAL)) {
            Experiment e = Presets.create(preset);
            Map<String, String> values = FeaturePaths.values(e);
            List<EObject> objects = new ArrayList<>(List.of(e));
            e.eAllContents().forEachRemaining(objects::add);
            for (EObject o : objects) {
                seen.add(o.eClass());
                for (EAttribute a : o.eClass().getEAllAttributes()) {
                    String path = FeaturePaths.of(o, a, -1);
                    assertTrue(values.containsKey(path), path + " in " + values.keySet());
                }
                if (o != e) {
                    assertEquals(o.eClass().getName(), values.get(FeaturePaths.of(o)));
                }
            }
        }
        for (EClass c : containedClasses(HqcmPackage.Literals.EXPERIMENT)) {
            assertTrue(seen.contains(c), "the presets hold no " + c.getName() + "; the walk above would miss its attributes");
        }
    }

    @Test
    void valuesAreTheModelsTextAndListsKeepTheirOrder() {
        Experiment e = Presets.create(Presets.QUICKSTART);
        Map<String, String> values = FeaturePaths.values(e);
        assertEquals("quickstart", values.get("name"));
        assertEquals("64", values.get("dataset.imageSize"));
        assertEquals("[32, 32, 16]", values.get("architecture.backboneWidths"));
        assertEquals("QuantumHead", values.get("architecture.head"));
        assertEquals("PAULI_Y", values.get("architecture.head.measurement"));
        assertEquals("", values.get("dataset.sources[0].path"), "an unset path");
        assertEquals(String.valueOf(e.getTraining().getLearningRate()), values.get("training.learningRate"));
    }

    /** The concrete classes reachable from {@code root} by containment (subclasses of abstract ones included). */
    private static List<EClass> containedClasses(EClass root) {
        List<EClass> out = new ArrayList<>();
        List<EClass> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            EClass c = todo.remove(0);
            if (out.contains(c)) {
                continue;
            }
            out.add(c);
            for (EReference r : c.getEAllContainments()) {
                EClass t = r.getEReferenceType();
                for (var classifier : HqcmPackage.eINSTANCE.getEClassifiers()) {
                    if (classifier instanceof EClass k && !k.isAbstract() && t.isSuperTypeOf(k)) {
                        todo.add(k);
                    }
                }
            }
        }
        return out;
    }


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
        Map<String, FeaturePaths.Value> values = FeaturePaths.fields(e).stream()
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
        assertEquals("loss.zeta", FeaturePaths.fields(e).stream().filter(v -> v.attribute() == Literals.LOSS__ZETA)
                .findFirst().orElseThrow().path());
    }
}
