package org.hqcm.model.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepStrategy;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SweepExpansionTest {

    static final Path EXAMPLES = Path.of("../../examples");

    private static Sweep sweep(String... axes) {
        Sweep s = SweepPresets.newSweep("s", Presets.create(Presets.QUICKSTART));
        for (int i = 0; i < axes.length; i += 2) {
            s.getAxes().add(SweepPresets.axis(axes[i], axes[i + 1].split("\\|")));
        }
        return s;
    }

    @Test
    void gridIsEveryCombinationLastAxisFastestTimesSeeds() {
        Sweep s = sweep(FeaturePath.HEAD, "quantum|classical", "training.learningRate", "0.001|0.002|0.003");
        s.setSeedCount(2);
        s.setFirstSeed(10);
        List<Trial> trials = SweepExpansion.trials(s, SweepExpansion.base(s, null));
        assertEquals(12, trials.size());
        assertEquals(List.of("quantum", "0.001"), trials.get(0).configuration().axisValues());
        assertEquals(10, trials.get(0).seed());
        assertEquals(11, trials.get(1).seed());
        assertEquals(List.of("quantum", "0.002"), trials.get(2).configuration().axisValues());
        assertEquals(List.of("classical", "0.001"), trials.get(6).configuration().axisValues());
        assertEquals("architecture.head=classical, training.learningRate=0.003", trials.get(11).configuration().label());
        Experiment last = trials.get(11).configuration().experiment();
        ClassicalHead head = assertInstanceOf(ClassicalHead.class, last.getArchitecture().getHead());
        // the classical counterpart of the quickstart's 5 x 5 quantum head
        assertEquals(25, head.getWidth());
        assertEquals(160, head.getProjectionWidth());
        assertEquals(0.003, last.getTraining().getLearningRate());
        assertInstanceOf(QuantumHead.class, trials.get(0).configuration().experiment().getArchitecture().getHead());
        assertEquals(12, trials.stream().map(Trial::id).distinct().count(), "trial ids are unique");
        assertEquals(6, trials.stream().map(t -> t.configuration().id()).distinct().count());
    }

    @Test
    void explicitSeedsAndManyValuedAndIndexedPaths() {
        Sweep s = sweep("architecture.backboneWidths", "8,8,4|16,16,8", "dataset.sources[0].imagesPerClass", "40");
        s.getSeeds().addAll(List.of(3L, 1L));
        List<Trial> t = SweepExpansion.trials(s, SweepExpansion.base(s, null));
        assertEquals(4, t.size());
        assertEquals(List.of(3L, 1L), List.of(t.get(0).seed(), t.get(1).seed()));
        assertEquals(List.of(16, 16, 8), t.get(2).configuration().experiment().getArchitecture().getBackboneWidths());
        assertEquals(40, t.get(0).configuration().experiment().getDataset().getSources().get(0).getImagesPerClass());
    }

    @Test
    void headAxisIsAppliedBeforeAxesInsideTheHead() {
        Sweep s = sweep("architecture.head.qubits", "3", FeaturePath.HEAD, "quantum");
        Experiment e = SweepExpansion.configurations(s, SweepExpansion.base(s, null)).get(0).experiment();
        assertEquals(3, ((QuantumHead) e.getArchitecture().getHead()).getQubits());
    }

    @Test
    void randomDrawIsSeededWithoutReplacementInGridOrder() {
        Sweep s = sweep("training.learningRate", "0.001|0.002|0.003|0.004", "training.batchSize", "8|16|32");
        s.setStrategy(SweepStrategy.RANDOM);
        s.setRandomCount(5);
        s.setRandomSeed(3);
        Experiment base = SweepExpansion.base(s, null);
        List<String> a = SweepExpansion.configurations(s, base).stream().map(Configuration::label).toList();
        List<String> b = SweepExpansion.configurations(s, base).stream().map(Configuration::label).toList();
        assertEquals(5, a.size());
        assertEquals(a, b, "the same seed draws the same configurations");
        assertEquals(5, new HashSet<>(a).size(), "without replacement");
        List<String> grid = SweepExpansion.configurations(sweep("training.learningRate", "0.001|0.002|0.003|0.004",
                "training.batchSize", "8|16|32"), base).stream().map(Configuration::label).toList();
        assertEquals(a, grid.stream().filter(a::contains).toList(), "kept in grid order");
        s.setRandomSeed(4);
        assertNotEquals(a, SweepExpansion.configurations(s, base).stream().map(Configuration::label).toList());
        s.setRandomCount(50);
        assertEquals(12, SweepExpansion.configurations(s, base).size(), "a count above the grid takes the whole grid");
    }

    @Test
    void idsHashSettingsAndSeedOnly() {
        Experiment a = Presets.create(Presets.QUICKSTART);
        Experiment b = EcoreUtil.copy(a);
        b.setName("other");
        b.setDescription("other words");
        b.setRepeats(3);
        assertEquals(TrialIds.trial(a, 7), TrialIds.trial(b, 7), "name, description and repeats change no result");
        assertEquals(12, TrialIds.trial(a, 7).length());
        assertTrue(TrialIds.trial(a, 7).matches("[0-9a-f]{12}"));
        assertNotEquals(TrialIds.trial(a, 7), TrialIds.trial(a, 8));
        b.getTraining().setLearningRate(0.0031);
        assertNotEquals(TrialIds.configuration(a), TrialIds.configuration(b));
        // an explicit default equals the default: the id does not depend on how the file was written
        Experiment c = EcoreUtil.copy(a);
        c.getTraining().setBatchSize(a.getTraining().getBatchSize());
        assertEquals(TrialIds.configuration(a), TrialIds.configuration(c));
        assertTrue(TrialIds.settings(a).contains("architecture.head:QuantumHead"));
        assertTrue(TrialIds.settings(a).contains("training.learningRate=0.003"));
    }

    @Test
    void idsSurviveSaveAndLoad(@TempDir Path dir) {
        Sweep s = SweepPresets.create(SweepPresets.QUICKSTART_SWEEP);
        Path file = dir.resolve("q.hqcmsweep");
        HqcmResources.save(s, file);
        Sweep loaded = HqcmResources.loadSweep(file);
        assertTrue(EcoreUtil.equals(s, loaded));
        assertEquals(SweepExpansion.trials(s, SweepExpansion.base(s, dir)).stream().map(Trial::id).toList(),
                SweepExpansion.trials(loaded, SweepExpansion.base(loaded, dir)).stream().map(Trial::id).toList());
    }

    @Test
    void aSweepFileRefusesADoctype(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.hqcmsweep");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<hqcm:Sweep xmlns:hqcm=\"http://hqcm.org/hqcm/1.0\" name=\"&e;\"/>");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadSweep(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    private static List<String> problems(Sweep s, Path dir) {
        return ExperimentValidator.validate(s, dir).stream().map(Problem::toString).collect(Collectors.toList());
    }

    @Test
    void unknownPathNamesTheAxisAndWhatExists() {
        List<String> p = problems(sweep("training.learnRate", "0.1"), null);
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("axes[0].path: \"training.learnRate\" is not allowed; expected a feature path into "
                + "the experiment: 'learnRate' is not a feature of Training (at training); expected one of optimizer, "
                + "learningRate,"), p.get(0));
        assertTrue(problems(sweep("training", "1"), null).get(0).contains("training is a Training element, not a value"));
        assertTrue(problems(sweep("training..x", "1"), null).get(0).startsWith("axes[0].path: \"training..x\" is not allowed"));
        assertTrue(problems(sweep("dataset.sources[3].difficulty", "1"), null).get(0)
                .contains("dataset.sources[3]: index 3 is out of range; the experiment has 1"));
    }

    @Test
    void wrongValueTypeNamesAxisIndexValueAndType() {
        List<String> p = problems(sweep("training.learningRate", "0.01|fast", "training.maxEpochs", "2.5",
                "dataset.augmentation.horizontalFlip", "yes", "architecture.head.simulator", "QISKIT", FeaturePath.HEAD, "hybrid"), null);
        assertEquals(List.of(
                "axes[0].values[1]: \"fast\" is not allowed; expected a finite number (for training.learningRate)",
                "axes[1].values[0]: \"2.5\" is not allowed; expected an integer (for training.maxEpochs)",
                "axes[2].values[0]: \"yes\" is not allowed; expected true or false (for dataset.augmentation.horizontalFlip)",
                "axes[3].values[0]: \"QISKIT\" is not allowed; expected one of STATEVECTOR, STRANGE, DENSITY_MATRIX (for architecture.head.simulator)",
                "axes[4].values[0]: \"hybrid\" is not allowed; expected quantum or classical (the preset heads) (for architecture.head)"), p);
    }

    @Test
    void everyExpandedTrialIsCheckedByTheExperimentsRules() {
        List<String> p = problems(sweep(FeaturePath.HEAD, "quantum|classical", "training.learningRate", "0.003|-1",
                "dataset.imageSize", "64|60"), null);
        assertTrue(p.contains("axes[1].values[1]: training.learningRate = \"-1\" makes trial [architecture.head=quantum, "
                + "training.learningRate=-1, dataset.imageSize=64] invalid: training.learningRate: -1 is not allowed; expected > 0"), p::toString);
        assertTrue(p.contains("axes[2].values[1]: dataset.imageSize = \"60\" makes trial [architecture.head=quantum, "
                + "training.learningRate=0.003, dataset.imageSize=60] invalid: dataset.imageSize: 60 is not allowed; expected "
                + "a multiple of 8 and >= 16 (three 2x2 poolings)"), p::toString);
        assertEquals(2, p.size(), "each bad value once, not once per trial: " + p);
        // a combination no single axis owns is reported on the sweep with the trial
        List<String> q = problems(sweep("architecture.head.qubits", "6", "architecture.head.circuits", "100"), null);
        assertTrue(q.stream().anyMatch(s -> s.contains("amplitudes are not allowed")), q::toString);
    }

    @Test
    void baseFileIsResolvedNextToTheSweepAndNamed(@TempDir Path dir) {
        Sweep s = sweep();
        s.setExperiment(null);
        s.setExperimentFile("missing.hqcm");
        List<String> p = problems(s, dir);
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).startsWith("experimentFile: \"missing.hqcm\" is not allowed; expected a readable .hqcm "
                + "experiment: " + dir.resolve("missing.hqcm") + ": no such file"), p.get(0));
        Experiment bad = Presets.create(Presets.QUICKSTART);
        bad.getTraining().setBatchSize(0);
        HqcmResources.save(bad, dir.resolve("missing.hqcm"));
        assertEquals(List.of("experimentFile: the base experiment missing.hqcm is invalid: training.batchSize: 0 is not "
                + "allowed; expected >= 1"), problems(s, dir));
        s.setExperiment(Presets.create(Presets.QUICKSTART));
        assertTrue(problems(s, dir).get(0).contains("and a contained experiment are not allowed together"));
    }

    @Test
    void sweepLevelRules() {
        Sweep s = sweep("training.learningRate", "0.01", "training.learningRate", "0.02");
        s.setName("bad name");
        s.getSeeds().addAll(List.of(1L, 2L, 1L));
        s.setThreadsPerTrial(0);
        List<String> p = problems(s, null);
        assertTrue(p.contains("name: \"bad name\" is not allowed; expected letters, digits, '.', '_' or '-', starting "
                + "with a letter or digit (it names sweep folders)"), p::toString);
        assertTrue(p.contains("seeds[2]: 1 is not allowed; expected each seed once (same as seeds[0])"), p::toString);
        assertTrue(p.contains("threadsPerTrial: 0 is not allowed; expected 1..256"), p::toString);
        assertTrue(p.contains("axes[1]: \"training.learningRate\" is repeated; expected each feature path on one axis "
                + "(same as axes[0])"), p::toString);
        Sweep same = sweep("training.learningRate", "0.01|0.010");
        assertTrue(problems(same, null).get(0).contains("are the same experiment"), problems(same, null)::toString);
    }

    static List<String> presets() {
        return SweepPresets.names();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetsAreValidAndTheExamplesAreThem(String name) throws Exception {
        Sweep s = SweepPresets.create(name);
        assertEquals(List.of(), ExperimentValidator.validate(s, EXAMPLES));
        Path file = EXAMPLES.resolve(name + "." + HqcmResources.SWEEP_EXTENSION);
        byte[] expected = HqcmResources.toBytes(s, file);
        if (Boolean.getBoolean("hqcm.updateExamples")) {
            HqcmResources.save(s, file);
        }
        assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(file),
                () -> file + " differs from preset " + name + "; rerun with -Dhqcm.updateExamples=true if intended");
    }

    @Test
    void paperSweepIsQuantumAgainstClassicalFiveSeeds() {
        Sweep s = SweepPresets.create(SweepPresets.PAPER_SWEEP);
        List<Trial> t = SweepExpansion.trials(s, SweepExpansion.base(s, null));
        assertEquals(10, t.size());
        assertEquals(List.of(42L, 43L, 44L, 45L, 46L), t.subList(0, 5).stream().map(Trial::seed).toList());
        assertEquals(128, t.get(0).configuration().experiment().getDataset().getImageSize());
        assertInstanceOf(ClassicalHead.class, t.get(9).configuration().experiment().getArchitecture().getHead());
    }
}
