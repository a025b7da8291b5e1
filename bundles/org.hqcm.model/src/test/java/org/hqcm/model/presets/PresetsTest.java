package org.hqcm.model.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.validation.ExperimentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PresetsTest {

    /** The checkout's examples/ folder (tests run in bundles/org.hqcm.model). */
    static final Path EXAMPLES = Path.of("../../examples");

    static List<String> presets() {
        return Presets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetIsValid(String name) {
        assertEquals(List.of(), ExperimentValidator.validate(Presets.create(name), null));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetSurvivesSaveAndLoad(String name, @TempDir Path dir) {
        Experiment preset = Presets.create(name);
        Path file = dir.resolve(name + ".hqcm");
        HqcmResources.save(preset, file);
        Experiment loaded = HqcmResources.loadExperiment(file);
        assertTrue(EcoreUtil.equals(preset, loaded), () -> name + " changed in a save/load round trip");
        assertNotSame(preset, loaded);
    }

    /**
     * examples/*.hqcm are the presets as saved. Run with -Dhqcm.updateExamples=true to rewrite them after a
     * deliberate preset change.
     */
    @ParameterizedTest
    @MethodSource("presets")
    void committedExampleEqualsPreset(String name) throws Exception {
        Path file = EXAMPLES.resolve(name + ".hqcm");
        byte[] expected = HqcmResources.toBytes(Presets.create(name), file);
        if (Boolean.getBoolean("hqcm.updateExamples")) {
            HqcmResources.save(Presets.create(name), file);
        }
        assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(file),
                () -> file + " differs from preset " + name + "; rerun with -Dhqcm.updateExamples=true if intended");
    }

    @Test
    void presetsAreIndependentCopies() {
        Experiment a = Presets.create(Presets.QUICKSTART);
        a.getTraining().setMaxEpochs(99);
        assertEquals(60, Presets.create(Presets.QUICKSTART).getTraining().getMaxEpochs());
    }

    @Test
    void hqcmEbtcIsThePapersTable3() {
        Experiment e = Presets.create(Presets.HQCM_EBTC);
        assertEquals(128, e.getDataset().getImageSize());
        assertEquals(List.of(128, 64, 32), e.getArchitecture().getBackboneWidths());
        QuantumHead q = assertInstanceOf(QuantumHead.class, e.getArchitecture().getHead());
        assertEquals(List.of(5, 2, 5), List.of(q.getQubits(), q.getLayers(), q.getCircuits()));
        assertEquals(0.011, e.getTraining().getLearningRate());
        assertEquals(1e-4, e.getTraining().getWeightDecay());
        assertEquals(40, e.getTraining().getMaxEpochs());
        assertEquals(64, e.getTraining().getBatchSize());
        assertEquals(List.of(0.3, 0.7), List.of(e.getLoss().getZeta(), e.getLoss().getGamma()));
        assertEquals(List.of(0.99, 0.90, 0.75), e.getEvaluation().getJaccardThresholds());
        assertEquals(7576, e.getDataset().getSources().get(0).getImagesPerClass() * e.getDataset().getClassNames().size());
    }

    @Test
    void classicalHasADenseHeadAsWideAsTheQuantumOutput() {
        Experiment quantum = Presets.create(Presets.HQCM_EBTC);
        Experiment classical = Presets.create(Presets.CLASSICAL);
        ClassicalHead head = assertInstanceOf(ClassicalHead.class, classical.getArchitecture().getHead());
        QuantumHead q = (QuantumHead) quantum.getArchitecture().getHead();
        assertEquals(q.getQubits() * q.getCircuits(), head.getWidth());
        assertEquals((1 << q.getQubits()) * q.getCircuits(), head.getProjectionWidth());
        // apart from the head (and name and description), the two experiments are the same
        classical.getArchitecture().setHead(EcoreUtil.copy(q));
        classical.setName(quantum.getName());
        classical.setDescription(quantum.getDescription());
        assertTrue(EcoreUtil.equals(quantum, classical));
    }

    @Test
    void quickstartIsSmallAndSynthetic() {
        Experiment e = Presets.create(Presets.QUICKSTART);
        assertEquals(SourceKind.SYNTHETIC, e.getDataset().getSources().get(0).getKind());
        assertEquals(64, e.getDataset().getImageSize());
        assertInstanceOf(QuantumHead.class, e.getArchitecture().getHead());
        assertTrue(e.getDataset().getSources().get(0).getImagesPerClass() * 4 <= 2400, "small enough for minutes");
    }

    @Test
    void unknownPresetNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Presets.create("paper"));
        assertEquals("unknown preset 'paper'; expected one of quickstart, quickstart-classical, hqcm-ebtc, classical", e.getMessage());
    }

    @Test
    void newExperimentFillsManyValuedDefaults() {
        Experiment e = ExperimentDefaults.newExperiment("x");
        assertEquals(ExperimentDefaults.CLASS_NAMES, e.getDataset().getClassNames());
        assertEquals(List.of(1, 3, 5), e.getArchitecture().getAttention().getSpatialKernels());
        assertEquals(7, e.getArchitecture().getAttention().getFuseKernel());
        assertEquals(List.of(), ExperimentValidator.validate(e, null));
    }
}
