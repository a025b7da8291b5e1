package org.hqcm.engine.internal.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.data.Augmenter;
import org.hqcm.engine.internal.data.DuplicateHandling;
import org.hqcm.engine.internal.data.LeakageGuard;
import org.hqcm.engine.internal.data.LoadedDataset;
import org.hqcm.engine.internal.data.SourceFormat;
import org.hqcm.engine.internal.data.SourceSpec;
import org.hqcm.engine.internal.data.Split;
import org.hqcm.engine.internal.data.Splitter;
import org.hqcm.engine.internal.data.TumourClass;
import org.hqcm.engine.internal.data.VolumeOptions;
import org.hqcm.engine.internal.nn.ActivationFunction;
import org.hqcm.engine.internal.nn.HeadConfig;
import org.hqcm.engine.internal.nn.NetworkConfig;
import org.hqcm.engine.internal.nn.loss.LossWeights;
import org.hqcm.engine.internal.nn.optim.AdamW;
import org.hqcm.engine.internal.nn.optim.Optimizer;
import org.hqcm.engine.internal.nn.optim.Sgd;
import org.hqcm.engine.quantum.CircuitSpecs;
import org.hqcm.engine.quantum.Simulator;
import org.hqcm.model.Architecture;
import org.hqcm.model.Backend;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.DataSource;
import org.hqcm.model.Dataset;
import org.hqcm.model.DuplicatePolicy;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage;
import org.hqcm.model.Loss;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.Training;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the engine's configuration records from an experiment. The experiment model is the only place that holds
 * option values and defaults; this class only translates.
 */
public final class ExperimentMapping {

    /** Adam's moment decay rates and epsilon (PyTorch's defaults; the paper does not set them). */
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    /** SGD momentum (the paper trains with AdamW; SGD is for ablations). */
    static final double SGD_MOMENTUM = 0.9;
    /** Dice smoothing: keeps Dice defined for an empty mask and an empty map. */
    static final double DICE_SMOOTHING = 1.0;

    private ExperimentMapping() {
    }

    /** The network of the experiment; {@code seed} initialises the weights. */
    public static NetworkConfig network(Experiment e, long seed) {
        Architecture a = e.getArchitecture();
        HeadConfig head = head(a);
        boolean attention = a.getAttention() != null && a.getAttention().isEnabled();
        return new NetworkConfig(e.getDataset().getImageSize(), List.copyOf(a.getBackboneWidths()), attention,
                attention ? a.getAttention().getReductionRatio() : 1,
                attention ? List.copyOf(a.getAttention().getSpatialKernels()) : List.of(),
                attention ? a.getAttention().getFuseKernel() : 1, head, e.getDataset().getClassNames().size(), seed);
    }

    private static HeadConfig head(Architecture a) {
        if (a.getHead() instanceof QuantumHead q) {
            return new HeadConfig.Quantum(CircuitSpecs.of(q), q.getCircuits(), simulator(q));
        }
        if (a.getHead() instanceof ClassicalHead c) {
            return new HeadConfig.Classical(c.getProjectionWidth(), c.getWidth(), activation(c), c.getNormalizedSlices());
        }
        throw new BadInputException("architecture.head: expected a QuantumHead or a ClassicalHead, got "
                + (a.getHead() == null ? "none" : a.getHead().eClass().getName()));
    }

    private static Simulator simulator(QuantumHead q) {
        return switch (q.getSimulator()) {
            case STATEVECTOR -> Simulator.STATEVECTOR;
            case STRANGE -> Simulator.STRANGE;
            case DENSITY_MATRIX -> Simulator.DENSITY_MATRIX;
        };
    }

    private static ActivationFunction activation(ClassicalHead c) {
        return switch (c.getActivation()) {
            case RELU -> ActivationFunction.RELU;
            case TANH -> ActivationFunction.TANH;
            case SIGMOID -> ActivationFunction.SIGMOID;
            case LINEAR -> throw new BadInputException("architecture.head.activation: " + c.getActivation()
                    + " is not implemented by the engine; expected one of " + List.of(ActivationFunction.values()));
        };
    }

    /** The composite loss weights. */
    public static LossWeights loss(Experiment e) {
        Loss l = e.getLoss();
        return new LossWeights(l.getAlpha(), l.getBeta(), l.getZeta(), l.getGamma(), DICE_SMOOTHING);
    }

    /**
     * Per-class weights of the cross-entropy: AUTO = inverse frequency in the training split, n / (K * n_k)
     * (scikit-learn's "balanced"); NONE = 1; EXPLICIT = the experiment's list.
     */
    public static double[] classWeights(Experiment e, int[] trainCounts) {
        Loss l = e.getLoss();
        int k = trainCounts.length;
        double[] w = new double[k];
        switch (l.getClassWeighting()) {
            case NONE -> java.util.Arrays.fill(w, 1.0);
            case EXPLICIT -> {
                if (l.getClassWeights().size() != k) {
                    throw new BadInputException("loss.classWeights: expected " + k + " values (one per class), got "
                            + l.getClassWeights().size());
                }
                for (int i = 0; i < k; i++) {
                    w[i] = l.getClassWeights().get(i);
                }
            }
            case AUTO -> {
                long n = java.util.Arrays.stream(trainCounts).sum();
                for (int i = 0; i < k; i++) {
                    w[i] = trainCounts[i] == 0 ? 0 : (double) n / (k * trainCounts[i]);
                }
            }
        }
        return w;
    }

    /** The training schedule; {@code seed} drives shuffling and augmentation. */
    public static TrainingOptions training(Experiment e, long seed) {
        Training t = e.getTraining();
        return new TrainingOptions(t.getGradientClipNorm(), t.getPlateauFactor(), t.getPlateauPatience(),
                t.getEarlyStoppingPatience(), t.getMaxEpochs(), t.getBatchSize(), seed, t.getBatchNormRecalibration());
    }

    /** The optimizer of the experiment: ADAMW (decoupled decay), ADAM (no decay), SGD (momentum, L2 decay). */
    public static Optimizer optimizer(Experiment e) {
        Training t = e.getTraining();
        return switch (t.getOptimizer()) {
            case ADAMW -> new AdamW(t.getLearningRate(), BETA1, BETA2, EPSILON, t.getWeightDecay());
            case ADAM -> new AdamW(t.getLearningRate(), BETA1, BETA2, EPSILON, 0.0);
            case SGD -> new Sgd(t.getLearningRate(), SGD_MOMENTUM, t.getWeightDecay());
        };
    }

    /** The augmentation of the training split. */
    public static Augmenter augmenter(Experiment e, long seed) {
        var a = e.getDataset().getAugmentation();
        return a == null ? null : new Augmenter(a.getRotationDegrees(), a.isHorizontalFlip(), a.isVerticalFlip(), seed);
    }

    /** The default of {@code Dataset.maxImagePixels} in the model, for readers of data outside an experiment. */
    public static long defaultMaxImagePixels() {
        return ((Number) HqcmPackage.Literals.DATASET__MAX_IMAGE_PIXELS.getDefaultValue()).longValue();
    }

    /** The engine's handling of copies for the model's {@code Dataset.duplicatePolicy}. */
    public static DuplicateHandling duplicateHandling(DuplicatePolicy p) {
        return switch (p) {
            case GROUP -> DuplicateHandling.GROUP;
            case DROP -> DuplicateHandling.DROP;
            case FAIL -> DuplicateHandling.FAIL;
        };
    }

    /** The leakage guard of the experiment's dataset on what was loaded ({@code dataset.duplicatePolicy} etc.). */
    public static LeakageGuard.Result guard(Experiment e, LoadedDataset loaded) {
        Dataset ds = e.getDataset();
        return LeakageGuard.apply(loaded, duplicateHandling(ds.getDuplicatePolicy()), ds.getNearDuplicateDistance(),
                ds.isGroupByPatient());
    }

    /** The experiment's split of a guarded dataset: fractions, seed, stratification, patients and copies. */
    public static Split split(Experiment e, LeakageGuard.Result guarded) {
        Dataset ds = e.getDataset();
        return Splitter.split(guarded.dataset().samples(), ds.getTrainFraction(), ds.getValidationFraction(),
                ds.getTestFraction(), e.getSeed(), ds.isStratified(), ds.isGroupByPatient(), guarded.linked());
    }

    /** The dataset sources; relative paths resolve against {@code baseDir} (the experiment file's folder). */
    public static List<SourceSpec> sources(Experiment e, Path baseDir) {
        List<SourceSpec> specs = new ArrayList<>();
        for (DataSource s : e.getDataset().getSources()) {
            SourceFormat format = format(s.getKind());
            if (format == SourceFormat.SYNTHETIC) {
                specs.add(SourceSpec.synthetic(s.getImagesPerClass(), s.getDifficulty()));
            } else {
                Path p = Path.of(s.getPath() == null ? "" : s.getPath());
                Path root = p.isAbsolute() ? p : baseDir.resolve(p).normalize();
                specs.add(format.isVolume() ? SourceSpec.volumes(format, root, volumeOptions(s, e.getDataset()
                        .getClassNames())) : SourceSpec.files(format, root));
            }
        }
        return specs;
    }

    /**
     * The volume fields of a BRATS or MSD_TASK01 source. The tumour class is the label of {@code tumourClass} among
     * the dataset's class names (validation has checked it is one of them after the first, healthy).
     */
    public static VolumeOptions volumeOptions(DataSource s, List<String> classNames) {
        int label = classNames.indexOf(s.getTumourClass());
        if (label < 1 || label >= TumourClass.COUNT) {
            throw new BadInputException("dataset.sources: tumourClass '" + s.getTumourClass() + "' is not allowed;"
                    + " expected one of " + classNames.subList(1, Math.min(classNames.size(), TumourClass.COUNT)));
        }
        VolumeOptions.Modality modality = switch (s.getModality()) {
            case T1 -> VolumeOptions.Modality.T1;
            case T1CE -> VolumeOptions.Modality.T1CE;
            case T2 -> VolumeOptions.Modality.T2;
            case FLAIR -> VolumeOptions.Modality.FLAIR;
        };
        VolumeOptions.Scaling scaling = switch (s.getIntensityScaling()) {
            case MIN_MAX -> VolumeOptions.Scaling.MIN_MAX;
            case PERCENTILE_CLIP -> VolumeOptions.Scaling.PERCENTILE_CLIP;
        };
        return new VolumeOptions(modality, TumourClass.ofLabel(label), new java.util.HashSet<>(s.getTumourLabels()),
                s.getMinTumourArea(), s.getSliceStep(), s.getMaxSlicesPerCase(), s.isHealthySlices(),
                s.getMinBrainArea(), scaling, s.getLowerPercentile(), s.getUpperPercentile(), s.getMaxVolumeVoxels());
    }

    /** How the engine reads a source of the model's kind. */
    public static SourceFormat format(SourceKind kind) {
        return switch (kind) {
            case SYNTHETIC -> SourceFormat.SYNTHETIC;
            case FIGSHARE_MAT -> SourceFormat.FIGSHARE_MAT;
            case IMAGE_FOLDER -> SourceFormat.IMAGE_FOLDER;
            case DICOM -> SourceFormat.DICOM;
            case BRATS -> SourceFormat.BRATS;
            case MSD_TASK01 -> SourceFormat.MSD_TASK01;
        };
    }

    /** The model's kind of a source the engine reads in {@code format} (the inverse of {@link #format(SourceKind)}). */
    public static SourceKind kind(SourceFormat format) {
        for (SourceKind k : SourceKind.VALUES) {
            if (format(k) == format) {
                return k;
            }
        }
        throw new IllegalArgumentException("no source kind of the model is read as " + format);
    }

    /** The ND4J backend that actually loaded (the build profile decides, not the experiment's training.backend). */
    public static Backend loadedBackend() {
        return Nd4j.getBackend().getEnvironment().isCPU() ? Backend.CPU : Backend.CUDA;
    }
}
