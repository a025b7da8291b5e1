package org.hqcm.engine.train.tribuo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.hqcm.engine.data.Sample;
import org.hqcm.engine.data.Split;
import org.hqcm.engine.nn.HybridNetwork;
import org.hqcm.engine.nn.loss.CompositeLoss;
import org.hqcm.engine.nn.optim.Optimizer;
import org.hqcm.engine.train.ExperimentMapping;
import org.hqcm.engine.train.Inference;
import org.hqcm.engine.train.NetworkTrainer;
import org.hqcm.engine.train.TrainingState;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.resource.HqcmResources;
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
 * (EMF XMI) is the one source of every value: {@link #of} copies it whole into {@link #experiment} and each
 * hyper-parameter into its own {@code @Config} field, so Tribuo's provenance of a model names all of them. Runtime
 * hooks (progress, cancellation, a checkpoint to resume from) are not configuration: {@link #session} sets them.
 */
public final class HqcmTrainer implements Trainer<Label> {

    @Config(mandatory = true, description = "The experiment as EMF XMI; the network and schedule are built from it.")
    private String experiment;
    @Config(description = "Run seed: weight initialisation, shuffling, augmentation.")
    private long seed;
    @Config(description = "Input image side in pixels.")
    private int imageSize;
    @Config(description = "Backbone block widths.")
    private int[] backboneWidths;
    @Config(description = "Channel and spatial attention on.")
    private boolean attention;
    @Config(description = "Channel-attention reduction ratio.")
    private int reductionRatio;
    @Config(description = "Spatial-attention kernel sizes.")
    private int[] spatialKernels;
    @Config(description = "Spatial-attention fuse kernel size.")
    private int fuseKernel;
    @Config(description = "Head: quantum or classical.")
    private String head;
    @Config(description = "Quantum head: qubits per circuit.")
    private int qubits;
    @Config(description = "Quantum head: strongly entangling layers.")
    private int layers;
    @Config(description = "Quantum head: parallel circuits.")
    private int circuits;
    @Config(description = "Quantum head: embedding.")
    private String embedding;
    @Config(description = "Quantum head: measured Pauli operator.")
    private String measurement;
    @Config(description = "Quantum head: simulator.")
    private String simulator;
    @Config(description = "Quantum head: shots (0 = exact expectations).")
    private int shots;
    @Config(description = "Classical head: output width.")
    private int classicalWidth;
    @Config(description = "Classical head: activation.")
    private String classicalActivation;
    @Config(description = "Classical head: projection width.")
    private int projectionWidth;
    @Config(description = "Classical head: L2-normalised slices of the projection (0 = none).")
    private int normalizedSlices;
    @Config(description = "Optimizer.")
    private String optimizer;
    @Config(description = "Initial learning rate.")
    private double learningRate;
    @Config(description = "Weight decay.")
    private double weightDecay;
    @Config(description = "Global-norm gradient clipping threshold.")
    private double gradientClipNorm;
    @Config(description = "ReduceLROnPlateau factor.")
    private double plateauFactor;
    @Config(description = "ReduceLROnPlateau patience in epochs.")
    private int plateauPatience;
    @Config(description = "Early-stopping patience in epochs.")
    private int earlyStoppingPatience;
    @Config(description = "Maximum epochs.")
    private int maxEpochs;
    @Config(description = "Batch size.")
    private int batchSize;
    @Config(description = "Training images over which BatchNorm statistics are recomputed after every epoch (0 = momentum averages).")
    private int batchNormRecalibration;
    @Config(description = "Loss weight of the cross-entropy.")
    private double alpha;
    @Config(description = "Loss weight of the mask terms.")
    private double beta;
    @Config(description = "Weight of BCE within the mask terms.")
    private double zeta;
    @Config(description = "Weight of Dice within the mask terms.")
    private double gamma;
    @Config(description = "Class weighting of the cross-entropy.")
    private String classWeighting;
    @Config(description = "Augmentation: rotation range in degrees.")
    private double rotationDegrees;
    @Config(description = "Augmentation: horizontal flips.")
    private boolean horizontalFlip;
    @Config(description = "Augmentation: vertical flips.")
    private boolean verticalFlip;

    private int invocationCount;
    private Session session = Session.NONE;
    private NetworkTrainer.Result lastResult;

    /** Progress, cancellation and resume for one call of {@link #train}. */
    public record Session(NetworkTrainer.Listener listener, BooleanSupplier cancelled, Map<String, double[]> resumeFrom) {
        static final Session NONE = new Session(new NetworkTrainer.Listener() {
        }, () -> false, null);
    }

    /** For OLCUT's configuration system. */
    private HqcmTrainer() {
    }

    /** The trainer of {@code e} with run seed {@code seed}. */
    public static HqcmTrainer of(Experiment e, long seed) {
        HqcmTrainer t = new HqcmTrainer();
        t.experiment = new String(HqcmResources.toBytes(e, Path.of(e.getName() + ".hqcm")), StandardCharsets.UTF_8);
        t.seed = seed;
        t.imageSize = e.getDataset().getImageSize();
        t.backboneWidths = e.getArchitecture().getBackboneWidths().stream().mapToInt(Integer::intValue).toArray();
        var a = e.getArchitecture().getAttention();
        t.attention = a != null && a.isEnabled();
        if (a != null) {
            t.reductionRatio = a.getReductionRatio();
            t.spatialKernels = a.getSpatialKernels().stream().mapToInt(Integer::intValue).toArray();
            t.fuseKernel = a.getFuseKernel();
        }
        if (e.getArchitecture().getHead() instanceof QuantumHead q) {
            t.head = "quantum";
            t.qubits = q.getQubits();
            t.layers = q.getLayers();
            t.circuits = q.getCircuits();
            t.embedding = q.getEmbedding().getName();
            t.measurement = q.getMeasurement().getName();
            t.simulator = q.getSimulator().getName();
            t.shots = q.getShots();
        } else if (e.getArchitecture().getHead() instanceof ClassicalHead c) {
            t.head = "classical";
            t.classicalWidth = c.getWidth();
            t.classicalActivation = c.getActivation().getName();
            t.projectionWidth = c.getProjectionWidth();
            t.normalizedSlices = c.getNormalizedSlices();
        }
        var tr = e.getTraining();
        t.optimizer = tr.getOptimizer().getName();
        t.learningRate = tr.getLearningRate();
        t.weightDecay = tr.getWeightDecay();
        t.gradientClipNorm = tr.getGradientClipNorm();
        t.plateauFactor = tr.getPlateauFactor();
        t.plateauPatience = tr.getPlateauPatience();
        t.earlyStoppingPatience = tr.getEarlyStoppingPatience();
        t.maxEpochs = tr.getMaxEpochs();
        t.batchSize = tr.getBatchSize();
        t.batchNormRecalibration = tr.getBatchNormRecalibration();
        var l = e.getLoss();
        t.alpha = l.getAlpha();
        t.beta = l.getBeta();
        t.zeta = l.getZeta();
        t.gamma = l.getGamma();
        t.classWeighting = l.getClassWeighting().getName();
        var aug = e.getDataset().getAugmentation();
        if (aug != null) {
            t.rotationDegrees = aug.getRotationDegrees();
            t.horizontalFlip = aug.isHorizontalFlip();
            t.verticalFlip = aug.isVerticalFlip();
        }
        return t;
    }

    /** Sets the hooks of the next {@link #train} call. */
    public HqcmTrainer session(Session s) {
        this.session = s;
        return this;
    }

    /** How the last {@link #train} call ended (null before the first). */
    public NetworkTrainer.Result lastResult() {
        return lastResult;
    }

    @Override
    public HqcmModel train(Dataset<Label> dataset) {
        return train(dataset, Map.of());
    }

    /**
     * Trains on the examples tagged train, validating on those tagged validation. A cancelled session throws
     * {@link TrainingCancelledException} carrying the state of the last completed epoch.
     */
    @Override
    public HqcmModel train(Dataset<Label> dataset, Map<String, Provenance> runProvenance) {
        Experiment e = HqcmResources.parse(experiment.getBytes(StandardCharsets.UTF_8), Path.of("trainer.hqcm"),
                Experiment.class);
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
        HybridNetwork net = HybridNetwork.create(ExperimentMapping.network(e, seed));
        Optimizer opt = ExperimentMapping.optimizer(e);
        int[] counts = new int[net.config().classes()];
        for (int i : split.train()) {
            counts[samples.get(i).label()]++;
        }
        double[] classWeights = ExperimentMapping.classWeights(e, counts);
        CompositeLoss loss = new CompositeLoss(ExperimentMapping.loss(e));
        NetworkTrainer trainer = new NetworkTrainer(net, opt, loss, ExperimentMapping.training(e, seed),
                ExperimentMapping.augmenter(e, seed), classWeights);
        TrainingState state = session.resumeFrom() == null ? trainer.newState() : trainer.restore(session.resumeFrom());
        lastResult = trainer.train(samples, split, state, session.cancelled(), session.listener());
        invocationCount++;
        if (lastResult.outcome() == NetworkTrainer.Outcome.CANCELLED) {
            throw new TrainingCancelledException(lastResult.state());
        }
        ModelProvenance provenance = new ModelProvenance(HqcmModel.class.getName(), OffsetDateTime.now(),
                dataset.getProvenance(), getProvenance(), runProvenance);
        return new HqcmModel("hqcm-" + e.getName(), provenance, dataset.getFeatureIDMap(), dataset.getOutputIDInfo(),
                new Inference(net, batchSize, null, null), List.copyOf(e.getDataset().getClassNames()));
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "HqcmTrainer(head=" + head + ", seed=" + seed + ", epochs=" + maxEpochs + ", lr=" + learningRate + ")";
    }
}
