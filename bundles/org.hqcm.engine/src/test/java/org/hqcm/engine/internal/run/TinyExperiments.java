package org.hqcm.engine.internal.run;

import java.nio.file.Path;

import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.resource.HqcmResources;

/** Test helper shared by the engine's tests: the quickstart preset shrunk to seconds: 16 px synthetic images, a 4/4/2 backbone, two 2-qubit circuits. */
public final class TinyExperiments {

    private TinyExperiments() {
    }

    public static Experiment tiny(int epochs) {
        Experiment e = Presets.create(Presets.QUICKSTART);
        e.setName("tiny");
        e.getDataset().setImageSize(16);
        e.getDataset().getSources().get(0).setImagesPerClass(8);
        e.getArchitecture().getBackboneWidths().clear();
        e.getArchitecture().getBackboneWidths().addAll(java.util.List.of(4, 4, 2));
        e.getArchitecture().getAttention().setReductionRatio(1);
        QuantumHead q = (QuantumHead) e.getArchitecture().getHead();
        q.setQubits(2);
        q.setLayers(1);
        q.setCircuits(2);
        e.getTraining().setMaxEpochs(epochs);
        e.getTraining().setBatchSize(8);
        e.getTraining().setLearningRate(0.01);
        e.getEvaluation().setTsnePerplexity(2);
        // nine occlusion positions on the 16 px images rather than one (the default patch is 16 px)
        e.getEvaluation().setOcclusionPatch(8);
        e.getEvaluation().setOcclusionStride(4);
        return e;
    }

    public static Path write(Experiment e, Path dir) {
        Path file = dir.resolve(e.getName() + ".hqcm");
        HqcmResources.save(e, file);
        return file;
    }
}
