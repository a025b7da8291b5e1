package org.hqcm.model.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage;
import org.hqcm.model.HqcmPackage.Literals;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * The expectations of number fields come from the rules of HqcmConstraints, and every attribute of an experiment
 * is documented in hqcm.ecore with the documentation readable at run time (the generated package carries it).
 */
class ExpectationsTest {

    @Test
    void anExpectationIsWhatTheRuleSays() {
        Experiment e = Presets.create(Presets.QUICKSTART);
        double rate = e.getTraining().getLearningRate();
        assertEquals("> 0", Expectations.of(e.getTraining(), Literals.TRAINING__LEARNING_RATE));
        assertEquals(">= 1", Expectations.of(e.getTraining(), Literals.TRAINING__MAX_EPOCHS));
        assertEquals("1.." + HqcmConstraints.MAX_QUBITS, Expectations.of(e.getArchitecture().getHead(), Literals.QUANTUM_HEAD__QUBITS));
        assertEquals("a fraction in (0, 1)", Expectations.of(e.getDataset(), Literals.DATASET__TRAIN_FRACTION));
        assertEquals(">= 0", Expectations.of(e.getLoss(), Literals.LOSS__ZETA));
        assertNull(Expectations.of(e, Literals.EXPERIMENT__SEED), "no rule limits the seed");
        assertNull(Expectations.of(e, Literals.EXPERIMENT__NAME), "not a number");
        assertEquals(rate, e.getTraining().getLearningRate(), "the model itself is left alone");
    }

    @Test
    void everyExperimentAttributeIsDocumentedAtRunTime() {
        List<String> undocumented = new ArrayList<>();
        for (EClass c : List.of(Literals.EXPERIMENT, Literals.DATASET, Literals.DATA_SOURCE, Literals.AUGMENTATION,
                Literals.ARCHITECTURE, Literals.ATTENTION, Literals.QUANTUM_HEAD, Literals.CLASSICAL_HEAD, Literals.TRAINING,
                Literals.LOSS, Literals.EVALUATION)) {
            for (EAttribute a : c.getEAttributes()) {
                String doc = EcoreUtil.getDocumentation(a);
                if (doc == null || doc.strip().length() < 20) {
                    undocumented.add(c.getName() + "." + a.getName());
                }
            }
        }
        assertEquals(List.of(), undocumented, "attributes without a GenModel documentation annotation");
        assertTrue(EcoreUtil.getDocumentation(Literals.LOSS__ZETA).contains("BCE"));
        assertFalse(HqcmPackage.eINSTANCE.getEClassifiers().isEmpty());
    }
}
