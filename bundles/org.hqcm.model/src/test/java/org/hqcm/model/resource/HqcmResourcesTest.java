package org.hqcm.model.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.model.Artefact;
import org.hqcm.model.Backend;
import org.hqcm.model.ClassMetrics;
import org.hqcm.model.ConfusionMatrix;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.JaccardScore;
import org.hqcm.model.Provenance;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.TestMetrics;
import org.hqcm.model.presets.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HqcmResourcesTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(HqcmResourcesTest.class.getResource(name).toURI());
    }

    @Test
    void externalEntityIsRejectedAndNotResolved() throws Exception {
        Path file = resource("external-entity.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertTrue(e.getMessage().startsWith(file + ":2:"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(e.getMessage().contains("may not declare a document type or external entities"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void parameterEntityIsRejected() throws Exception {
        Path file = resource("parameter-entity.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void aReferenceToAnotherFileIsRefusedWithoutReadingIt() throws Exception {
        Path file = resource("href-to-another-file.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertEquals(file + ": 'architecture' of Experiment refers to secret.txt#//@architecture: HQCM files are "
                + "self-contained, references to other files are not followed; expected the architecture element itself",
                e.getMessage());
        assertFalse(e.getMessage().contains("Impl@"), e.getMessage());
        assertFalse(e.isWriting());
    }

    @Test
    void bytesThatAreNotXmlGiveAMessageWithoutTheParsersClassNames(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("run.hqcmrun");
        java.nio.file.Files.write(file, new byte[] {(byte) 0xC3, 0x28, 0x01, (byte) 0xFF, 0x7F});
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadRunRecord(file));
        assertFalse(e.getMessage().contains("xerces") || e.getMessage().contains("Exception"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":1:1: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(not UTF-8 text: an HQCM file is XML in UTF-8)"), e.getMessage());
    }

    @Test
    void malformedXmlNamesFileAndLine() throws Exception {
        Path file = resource("not-well-formed.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertEquals(file, e.file());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(file + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("training"), e.getMessage());
    }

    @Test
    void unknownFeaturesAndBadValuesAreAllReportedWithTheirLines() throws Exception {
        Path file = resource("unknown-feature.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains(": 'learningRat' is not a feature of Training; expected one of optimizer, learningRate,"),
                e.getMessage());
        assertTrue(e.getMessage().contains(file + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains(": Loss.alpha: 'one' is not allowed; expected a number"), e.getMessage());
    }

    @Test
    void unknownEnumLiteralIsReported() throws Exception {
        Path file = resource("unknown-enum.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().endsWith(": Training.optimizer: 'LION' is not allowed; expected one of ADAMW, ADAM, SGD"),
                e.getMessage());
    }

    @Test
    void wrongRootTypeIsReported() throws Exception {
        Path file = resource("wrong-root.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertEquals(file + ": expected a hqcm:Experiment root element, found hqcm:RunRecord", e.getMessage());
    }

    @Test
    void missingFileIsReported(@TempDir Path dir) {
        Path file = dir.resolve("nothing.hqcm");
        ModelFileException e = assertThrows(ModelFileException.class, () -> HqcmResources.loadExperiment(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("e.hqcm");
        HqcmResources.save(Presets.create(Presets.QUICKSTART), file);
        Experiment paper = Presets.create(Presets.HQCM_EBTC);
        HqcmResources.save(paper, file);
        assertTrue(EcoreUtil.equals(paper, HqcmResources.loadExperiment(file)));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
        // the saved object stays where it was (not moved into the saving resource)
        assertEquals(null, paper.eResource());
    }

    @Test
    void savingALoadedExperimentKeepsItInItsResource(@TempDir Path dir) {
        Path file = dir.resolve("e.hqcm");
        HqcmResources.save(Presets.create(Presets.QUICKSTART), file);
        Experiment loaded = HqcmResources.loadExperiment(file);
        var resource = loaded.eResource();
        loaded.getTraining().setMaxEpochs(3);
        HqcmResources.save(loaded, dir.resolve("copy.hqcm"));
        HqcmResources.save(loaded, file);
        assertEquals(resource, loaded.eResource());
        assertEquals(3, HqcmResources.loadExperiment(file).getTraining().getMaxEpochs());
        assertEquals(3, HqcmResources.loadExperiment(dir.resolve("copy.hqcm")).getTraining().getMaxEpochs());
    }

    @Test
    void runRecordRoundTripsInARunFolder(@TempDir Path runFolder) {
        HqcmFactory f = HqcmFactory.eINSTANCE;
        RunRecord r = f.createRunRecord();
        r.setId("quickstart-20261124-0730-s42");
        r.setExperiment(Presets.create(Presets.QUICKSTART));
        r.setStatus(RunStatus.COMPLETED);
        r.setStarted(new Date(1_790_000_000_000L));
        r.setFinished(new Date(1_790_000_123_456L));
        for (int i = 1; i <= 2; i++) {
            EpochRecord ep = f.createEpochRecord();
            ep.setEpoch(i);
            ep.setTrainLoss(1.5 / i);
            ep.setValidationAccuracy(0.4 * i);
            ep.setLearningRate(0.011);
            ep.setSeconds(12.5);
            r.getEpochs().add(ep);
        }
        TestMetrics m = f.createTestMetrics();
        m.setAccuracy(0.9648);
        ClassMetrics c = f.createClassMetrics();
        c.setClassName("glioma");
        c.setRecall(0.98);
        c.setSupport(214);
        m.getClasses().add(c);
        r.setTestMetrics(m);
        ConfusionMatrix cm = f.createConfusionMatrix();
        cm.setSize(2);
        cm.getCounts().addAll(List.of(5, 1, 1, 5));
        r.setConfusionMatrix(cm);
        JaccardScore j = f.createJaccardScore();
        j.setThreshold(0.99);
        j.setMean(0.41);
        r.getJaccard().add(j);
        Artefact a = f.createArtefact();
        a.setName("confusion");
        a.setPath("plots/confusion.png");
        r.getArtefacts().add(a);
        Provenance p = f.createProvenance();
        p.setEngineVersion("0.1.0");
        p.setSeed(42);
        p.setBackend(Backend.CPU);
        r.setProvenance(p);

        HqcmResources.save(r, runFolder);
        assertTrue(Files.isRegularFile(runFolder.resolve(HqcmResources.RUN_RECORD_FILE)));
        RunRecord loaded = HqcmResources.loadRunRecord(runFolder);
        assertTrue(EcoreUtil.equals(r, loaded));
        assertEquals(List.of(5, 1, 1, 5), loaded.getConfusionMatrix().getCounts());
        assertEquals(r.getFinished(), loaded.getFinished());
    }
}
