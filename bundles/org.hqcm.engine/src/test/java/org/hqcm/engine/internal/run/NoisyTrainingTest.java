package org.hqcm.engine.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.EpochRecord;
import org.hqcm.model.Experiment;
import org.hqcm.model.GradientMethod;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.RunRecord;
import org.hqcm.model.RunStatus;
import org.hqcm.model.Simulator;
import org.hqcm.model.resource.HqcmResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny real runs that train through noise channels and with parameter-shift gradients under shots. */
class NoisyTrainingTest {

    @TempDir
    Path dir;

    @Test
    void trainsUnderNoiseWithDensityMatricesAndRecordsTheQuantumGradientNorm() throws Exception {
        Experiment e = TinyExperiments.tiny(2);
        QuantumHead q = (QuantumHead) e.getArchitecture().getHead();
        q.setSimulator(Simulator.DENSITY_MATRIX);
        q.setDepolarizing(0.02);
        q.setAmplitudeDamping(0.01);
        q.setPhaseDamping(0.03);
        q.getReadoutError().add(0.02);
        RunRecord record = run(e);
        for (EpochRecord r : record.getEpochs()) {
            assertTrue(r.getQuantumGradientNorm() > 0 && Double.isFinite(r.getQuantumGradientNorm()),
                    "epoch " + r.getEpoch() + ": " + r.getQuantumGradientNorm());
        }
        String report = Files.readString(dir.resolve("runs").resolve(record.getId()).resolve(RunReport.FILE));
        assertTrue(report.contains("Quantum circuits: resources on a device"), "report has the resources table");
        assertTrue(report.contains("noise depolarizing 0.0200000, amplitude damping 0.0100000, phase damping 0.0300000, "
                + "readout [0.02]"), "report names the noise");
        assertTrue(record.getArtefacts().stream().anyMatch(a -> a.getPath().equals("artefacts/quantum-gradient.png")));
        String log = Files.readString(dir.resolve("runs").resolve(record.getId()).resolve("run.log"));
        assertTrue(log.contains("quantum grad norm"), log);
    }

    @Test
    void trainsWithParameterShiftGradientsFromShots() {
        Experiment e = TinyExperiments.tiny(2);
        QuantumHead q = (QuantumHead) e.getArchitecture().getHead();
        q.setGradientMethod(GradientMethod.PARAMETER_SHIFT);
        q.setShots(100);
        RunRecord record = run(e);
        assertTrue(record.getEpochs().stream().allMatch(r -> r.getQuantumGradientNorm() > 0));
    }

    @Test
    void aClassicalHeadHasNoQuantumGradient() {
        Experiment e = TinyExperiments.tiny(1);
        var head = org.hqcm.model.presets.Presets.create(org.hqcm.model.presets.Presets.QUICKSTART_CLASSICAL)
                .getArchitecture().getHead();
        ((org.hqcm.model.ClassicalHead) head).setProjectionWidth(8);
        ((org.hqcm.model.ClassicalHead) head).setNormalizedSlices(2);
        e.getArchitecture().setHead(head);
        RunRecord record = run(e);
        assertEquals(0, record.getEpochs().get(0).getQuantumGradientNorm());
    }

    private RunRecord run(Experiment e) {
        Path file = TinyExperiments.write(e, dir);
        RunFolder folder = new ExperimentRunner(RunObserver.NONE, () -> false).start(file, 7L, dir.resolve("runs"));
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        assertEquals(RunStatus.COMPLETED, record.getStatus(), record.getFailureMessage());
        assertEquals(e.getTraining().getMaxEpochs(), record.getEpochs().size());
        return record;
    }
}
