package org.hqcm.engine.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.nn.ActivationFunction;
import org.hqcm.engine.internal.nn.HeadConfig;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.quantum.Pauli;
import org.hqcm.model.Activation;
import org.hqcm.model.Backend;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Embedding;
import org.hqcm.model.Entangler;
import org.hqcm.model.Experiment;
import org.hqcm.model.Measurement;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;

/** Every literal of the model's enums reaches the engine or is refused naming the field. */
class ExperimentMappingTest {

    @Test
    void everySourceKindHasAFormatAndBack() {
        for (SourceKind k : SourceKind.VALUES) {
            assertEquals(k, ExperimentMapping.kind(ExperimentMapping.format(k)));
            assertEquals(k.getName(), ExperimentMapping.format(k).name());
        }
    }

    @Test
    void quantumHeadLiterals() {
        Experiment e = Presets.create(Presets.HQCM_EBTC);
        QuantumHead q = (QuantumHead) e.getArchitecture().getHead();
        for (Measurement m : Measurement.VALUES) {
            q.setMeasurement(m);
            assertEquals(Pauli.valueOf(m.getName().substring("PAULI_".length())), CircuitSpecs.of(q).measurement());
        }
        for (Embedding m : Embedding.VALUES) {
            q.setEmbedding(m);
            assertEquals(m.getName(), CircuitSpecs.of(q).embedding().name());
        }
        q.setEntangler(Entangler.BASIC_ENTANGLING);
        BadInputException e2 = assertThrows(BadInputException.class, () -> CircuitSpecs.of(q));
        assertTrue(e2.getMessage().startsWith("architecture.head.entangler: BASIC_ENTANGLING is not implemented"), e2.getMessage());
    }

    @Test
    void classicalHeadActivations() {
        Experiment e = Presets.create(Presets.CLASSICAL);
        ClassicalHead c = (ClassicalHead) e.getArchitecture().getHead();
        for (Activation a : Activation.VALUES) {
            c.setActivation(a);
            if (a == Activation.LINEAR) {
                BadInputException x = assertThrows(BadInputException.class, () -> ExperimentMapping.network(e, 1));
                assertEquals("architecture.head.activation: LINEAR is not implemented by the engine; expected one of "
                        + "[RELU, TANH, SIGMOID]", x.getMessage());
            } else {
                HeadConfig.Classical h = (HeadConfig.Classical) ExperimentMapping.network(e, 1).head();
                assertEquals(ActivationFunction.valueOf(a.getName()), h.activation());
            }
        }
    }

    /** This build's backend (the default profile): what a run records, whatever the experiment asked for. */
    @Test
    void theLoadedBackendIsTheBuildsNotTheExperiments() {
        assertEquals(Backend.CPU, ExperimentMapping.loadedBackend());
    }

    /** The data package's copy of a model default (it may not know the model) stays the model's. */
    @Test
    void theDataPackagesPixelLimitIsTheModelsDefault() {
        assertEquals(ExperimentMapping.defaultMaxImagePixels(), org.hqcm.engine.internal.data.LoadOptions.DEFAULT_MAX_IMAGE_PIXELS);
        assertEquals(ExperimentMapping.defaultMaxImagePixels(),
                Presets.create(Presets.QUICKSTART).getDataset().getMaxImagePixels());
    }
}
