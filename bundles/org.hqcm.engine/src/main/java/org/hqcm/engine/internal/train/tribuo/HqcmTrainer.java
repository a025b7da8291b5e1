package org.hqcm.engine.internal.train.tribuo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.nn.loss.CompositeLoss;
import org.hqcm.engine.internal.nn.optim.Optimizer;
import org.hqcm.engine.internal.train.ExperimentMapping;
import org.hqcm.engine.internal.train.Inference;
import org.hqcm.engine.internal.train.NetworkTrainer;
import org.hqcm.engine.internal.train.TrainingState;
import org.hqcm.model.Experiment;
import org.hqcm.model.validation.FeaturePaths;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

/**
 * Trains the hybrid network on an {@link ImageDataset} whose examples are tagged train or validation. The experiment
 * is the one source of every value: the network, schedule, loss and augmentation are mapped from it
 * ({@link ExperimentMapping}), and Tribuo's provenance of a model carries every one of its attributes by feature path
 * ({@link FeaturePaths#values}), so an attribute added to the model reaches the provenance with no code here. Runtime
 * hooks (progress, cancellation, a checkpoint to resume from) are not configuration: a {@link Session} passes them to
 * one call of {@link #train(Dataset, Session, Map)}. Immutable apart from Tribuo's invocation count.
 */
public final class HqcmTrainer implements Trainer<Label> {

    @Config(description = "Every attribute of the experiment as path=value in the model's order (dataset.imageSize=128, "
            + "architecture.head.qubits=5, ...): what the network and schedule are built from.")
    private List<String> experimentAttributes;
    @Config(description = "Run seed: weight initialisation, shuffling, augmentation.")
    private long seed;

    private final Experiment experiment;
    private final AtomicInteger invocationCount = new AtomicInteger();

    /** Progress, cancellation and resume for one call of {@link #train(Dataset, Session, Map)}. */
    public record Session(NetworkTrainer.Listener listener, BooleanSupplier cancelled, Map<String, double[]> resumeFrom) {
        /** No progress, never cancelled, a fresh start. */
        public static final Session NONE = new Session(new NetworkTrainer.Listener() {
        }, () -> false, null);
    }

    /** The trained model and how training ended. */
    public record Trained(HqcmModel model, NetworkTrainer.Result result) {
    }

    /** For OLCUT's configuration system. */
    private HqcmTrainer() {
        this.experiment = null;
    }

    private HqcmTrainer(Experiment experiment, long seed) {
        this.experiment = experiment;
        this.seed = seed;
        this.experimentAttributes = FeaturePaths.values(experiment).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** The trainer of {@code e} (a copy is kept: later edits of {@code e} do not change it) with run seed {@code seed}. */
    public static HqcmTrainer of(Experiment e, long seed) {
        return new HqcmTrainer(EcoreUtil.copy(e), seed);
    }

    @Override
    public HqcmModel train(Dataset<Label> dataset) {
        return train(dataset, Map.of());
    }

    @Override
    public HqcmModel train(Dataset<Label> dataset, Map<String, Provenance> runProvenance) {
        return train(dataset, Session.NONE, runProvenance).model();
    }

    /**
     * Trains on the examples tagged train, validating on those tagged validation. A cancelled session throws
     * {@link TrainingCancelledException} carrying the state of the last completed epoch.
     */
    public Trained train(Dataset<Label> dataset, Session session, Map<String, Provenance> runProvenance) {
        List<Sample> samples = new ArrayList<>(dataset.size());
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (Example<Label> ex : dataset) {
            if (!(ex instanceof ImageExample image)) {
                throw new IllegalArgumentException("HqcmTrainer trains on images: expected ImageExamples, got "
                        + ex.getClass().getSimpleName());
            }
            String part = (String) ex.getMetadataValue(ImageDataset.SPLIT).orElse(ImageDataset.TRAIN);
            (ImageDataset.VALIDATION.equals(part) ? validation : train).add(samples.size());
            samples.add(image.sample());
        }
        Split split = new Split(train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray(), new int[0]);
        HybridNetwork net = HybridNetwork.create(ExperimentMapping.network(experiment, seed));
        Optimizer opt = ExperimentMapping.optimizer(experiment);
        int[] counts = new int[net.config().classes()];
        for (int i : split.train()) {
            counts[samples.get(i).label()]++;
        }
        double[] classWeights = ExperimentMapping.classWeights(experiment, counts);
        CompositeLoss loss = new CompositeLoss(ExperimentMapping.loss(experiment));
        NetworkTrainer trainer = new NetworkTrainer(net, opt, loss, ExperimentMapping.training(experiment, seed),
                ExperimentMapping.augmenter(experiment, seed), classWeights);
        TrainingState state = session.resumeFrom() == null ? trainer.newState() : trainer.restore(session.resumeFrom());
        NetworkTrainer.Result result = trainer.train(samples, split, state, session.cancelled(), session.listener());
        invocationCount.incrementAndGet();
        if (result.outcome() == NetworkTrainer.Outcome.CANCELLED) {
            throw new TrainingCancelledException(result.state());
        }
        ModelProvenance provenance = new ModelProvenance(HqcmModel.class.getName(), OffsetDateTime.now(),
                dataset.getProvenance(), getProvenance(), runProvenance);
        HqcmModel model = new HqcmModel("hqcm-" + experiment.getName(), provenance, dataset.getFeatureIDMap(),
                dataset.getOutputIDInfo(), new Inference(net, experiment.getTraining().getBatchSize(), null, null),
                List.copyOf(experiment.getDataset().getClassNames()));
        return new Trained(model, result);
    }

    @Override
    public int getInvocationCount() {
        return invocationCount.get();
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "HqcmTrainer(" + experiment.getName() + ", head=" + experiment.getArchitecture().getHead().eClass().getName()
                + ", seed=" + seed + ")";
    }
}
