package org.hqcm.engine.run;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.io.ArrayArchive;
import org.hqcm.engine.nn.HybridNetwork;
import org.hqcm.engine.train.ExperimentMapping;
import org.hqcm.engine.train.Inference;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;

/** The trained network of a completed run, rebuilt from the run's experiment and its model.zip (best weights). */
public record TrainedModel(Experiment experiment, Inference inference, List<String> classNames) {

    /** Loads the model of {@code folder}; a run without model.zip (not completed) is refused with a clear message. */
    public static TrainedModel load(RunFolder folder) {
        if (!Files.exists(folder.file(RunFolder.MODEL), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(folder.dir() + ": no trained model (expected model.zip; only completed runs "
                    + "have one)");
        }
        RunRecord record = HqcmResources.loadRunRecord(folder.record());
        Experiment e = record.getExperiment();
        HybridNetwork net = HybridNetwork.create(ExperimentMapping.network(e, record.getProvenance().getSeed()));
        try {
            // exactly the arrays of this network: a zip bomb is refused before it is inflated
            net.importState(ArrayArchive.read(folder.model(), ArrayArchive.Limits.of(net.exportState())));
        } catch (IllegalArgumentException ex) {
            throw new BadInputException(folder.model() + ": does not fit the run's network (" + ex.getMessage() + ")", ex);
        }
        net.parametersChanged();
        return new TrainedModel(e, new Inference(net, e.getTraining().getBatchSize(), null, null),
                List.copyOf(e.getDataset().getClassNames()));
    }

    public int imageSize() {
        return experiment.getDataset().getImageSize();
    }

    /**
     * The projection z (the head's input, as the network feeds it: floats) of {@code samples[indices]}, row-major
     * [indices.length][projection width]; computed in the model's batches, in inference mode.
     */
    public float[] headInputs(List<org.hqcm.engine.data.Sample> samples, int[] indices) {
        var net = inference.network();
        int width = net.config().head().projectionWidth();
        int batch = experiment.getTraining().getBatchSize();
        float[] z = new float[indices.length * width];
        for (int from = 0; from < indices.length; from += batch) {
            int[] chunk = java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length, from + batch));
            inference.run(samples, chunk);
            float[] rows = org.hqcm.engine.nn.HostArrays.toFloats(net.headInput());
            System.arraycopy(rows, 0, z, from * width, chunk.length * width);
        }
        return z;
    }

    /** The trained weights of the quantum circuits, layout [circuit][layer][wire][phi, theta, omega]. */
    public double[] circuitWeights() {
        var params = inference.network().headParameters();
        if (!(inference.network().config().head() instanceof org.hqcm.engine.nn.HeadConfig.Quantum) || params.size() != 1) {
            throw new BadInputException("the model has a classical head: it has no quantum circuits");
        }
        return org.hqcm.engine.nn.HostArrays.toDoubles(params.get(0).value());
    }
}
