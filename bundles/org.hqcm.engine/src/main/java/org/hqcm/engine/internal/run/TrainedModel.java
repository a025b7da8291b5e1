package org.hqcm.engine.internal.run;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.eval.OodScores;
import org.hqcm.engine.internal.io.ArrayArchive;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.engine.internal.train.Inference;
import org.hqcm.engine.run.RunFolder;
import org.hqcm.model.Experiment;
import org.hqcm.model.RunRecord;
import org.hqcm.model.resource.HqcmResources;

/**
 * The trained network of a completed run, rebuilt from the run's experiment and its model.zip (best weights), with
 * what the run fixed on its validation split: the temperature its probabilities are divided by and the
 * out-of-distribution thresholds (both in the run record).
 */
public record TrainedModel(RunFolder folder, Experiment experiment, Inference inference, List<String> classNames,
        RunRecord record) {

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
        return new TrainedModel(folder, e, new Inference(net, e.getTraining().getBatchSize(), null, null),
                List.copyOf(e.getDataset().getClassNames()), record);
    }

    public int imageSize() {
        return experiment.getDataset().getImageSize();
    }

    /** The temperature fitted on the validation split (temperatureScaling), or 1. */
    public double temperature() {
        return ConfidenceEvaluation.temperature(record);
    }

    /** Whether the run fitted a temperature. */
    public boolean temperatureFitted() {
        return record.getCalibration() != null && record.getCalibration().isFitted();
    }

    /** The out-of-distribution thresholds, or null for a run made before they existed. */
    public OodScores.Thresholds oodThresholds() {
        return record.getOutOfDistribution() == null ? null : ConfidenceEvaluation.thresholds(record);
    }

    /** The score that flags an image (the experiment's oodScore). */
    public OodScores.Kind oodKind() {
        return ConfidenceEvaluation.kind(experiment.getEvaluation().getOodScore());
    }

    /** Both out-of-distribution scores of the run's test split (confidence.csv); empty for a run without. */
    public OodScores.Scores testScores() {
        java.nio.file.Path file = folder.dir().resolve(ConfidenceEvaluation.CSV);
        return Files.isRegularFile(file) ? ConfidenceEvaluation.read(file, ConfidenceEvaluation.TEST)
                : new OodScores.Scores(new double[0], new double[0]);
    }

    /** The flagging score's values of {@code s}. */
    public double[] flaggingScores(OodScores.Scores s) {
        return ConfidenceEvaluation.pick(oodKind(), s);
    }

    /** The flagging score's threshold. */
    public double flaggingThreshold() {
        OodScores.Thresholds t = oodThresholds();
        return oodKind() == OodScores.Kind.ENERGY ? t.energy() : t.maxSoftmax();
    }

    /** The score's name in messages. */
    public String oodLabel() {
        return ConfidenceEvaluation.label(oodKind());
    }

    /**
     * The projection z (the head's input, as the network feeds it: floats) of {@code samples[indices]}, row-major
     * [indices.length][projection width]; computed in the model's batches, in inference mode.
     */
    public float[] headInputs(List<org.hqcm.engine.internal.data.Sample> samples, int[] indices) {
        var net = inference.network();
        int width = net.config().head().projectionWidth();
        int batch = experiment.getTraining().getBatchSize();
        float[] z = new float[indices.length * width];
        for (int from = 0; from < indices.length; from += batch) {
            int[] chunk = java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length, from + batch));
            inference.run(samples, chunk);
            float[] rows = org.hqcm.engine.internal.nn.HostArrays.toFloats(net.headInput());
            System.arraycopy(rows, 0, z, from * width, chunk.length * width);
        }
        return z;
    }

    /** The trained weights of the quantum circuits, layout [circuit][layer][wire][phi, theta, omega]. */
    public double[] circuitWeights() {
        var params = inference.network().headParameters();
        if (!(inference.network().config().head() instanceof org.hqcm.engine.internal.nn.HeadConfig.Quantum) || params.size() != 1) {
            throw new BadInputException("the model has a classical head: it has no quantum circuits");
        }
        return org.hqcm.engine.internal.nn.HostArrays.toDoubles(params.get(0).value());
    }
}
