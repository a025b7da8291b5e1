package org.hqcm.model.presets;

import java.util.List;

import org.hqcm.model.Architecture;
import org.hqcm.model.Attention;
import org.hqcm.model.Augmentation;
import org.hqcm.model.ClassicalHead;
import org.hqcm.model.DataSource;
import org.hqcm.model.Dataset;
import org.hqcm.model.Evaluation;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.Loss;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.SourceKind;
import org.hqcm.model.Training;

/**
 * Builds experiment parts with every default filled. Single-valued defaults live in hqcm.ecore; EMF cannot
 * default a many-valued attribute, so those (backbone widths, spatial kernels, thresholds, class names) are
 * set here and nowhere else. Presets, {@code hqcm new} and the editor's wizards all start from these methods.
 */
public final class ExperimentDefaults {

    /** The paper's classes in label order. */
    public static final List<String> CLASS_NAMES = List.of("healthy", "meningioma", "glioma", "pituitary");
    /** Filters of the three convolution blocks (paper section 3.1). */
    public static final List<Integer> BACKBONE_WIDTHS = List.of(128, 64, 32);
    /** Kernels of the parallel spatial-attention convolutions (paper section 3.2). */
    public static final List<Integer> SPATIAL_KERNELS = List.of(1, 3, 5);
    /** Attention-map thresholds of the Jaccard analysis (paper Table 2). */
    public static final List<Double> JACCARD_THRESHOLDS = List.of(0.99, 0.90, 0.75);

    private static final HqcmFactory FACTORY = HqcmFactory.eINSTANCE;

    private ExperimentDefaults() {
    }

    /** A complete experiment with the paper's settings, a quantum head and one synthetic source. */
    public static Experiment newExperiment(String name) {
        Experiment e = FACTORY.createExperiment();
        e.setName(name);
        e.setDataset(newDataset());
        e.setArchitecture(newArchitecture());
        e.setTraining(newTraining());
        e.setLoss(newLoss());
        e.setEvaluation(newEvaluation());
        return e;
    }

    /** A dataset with the paper's classes, split and augmentation, and one synthetic source. */
    public static Dataset newDataset() {
        Dataset d = FACTORY.createDataset();
        d.getSources().add(newSource(SourceKind.SYNTHETIC));
        d.getClassNames().addAll(CLASS_NAMES);
        d.setAugmentation(newAugmentation());
        return d;
    }

    /** A data source of the given kind (path empty: set it for anything but SYNTHETIC). */
    public static DataSource newSource(SourceKind kind) {
        DataSource s = FACTORY.createDataSource();
        s.setKind(kind);
        return s;
    }

    public static Augmentation newAugmentation() {
        return FACTORY.createAugmentation();
    }

    /** The paper's backbone widths and attention with a quantum head. */
    public static Architecture newArchitecture() {
        Architecture a = FACTORY.createArchitecture();
        a.getBackboneWidths().addAll(BACKBONE_WIDTHS);
        a.setAttention(newAttention());
        a.setHead(newQuantumHead());
        return a;
    }

    public static Attention newAttention() {
        Attention a = FACTORY.createAttention();
        a.getSpatialKernels().addAll(SPATIAL_KERNELS);
        return a;
    }

    /** The paper's quantum layer: 5 qubits, depth 2, 5 circuits, amplitude embedding, Pauli-Y. */
    public static QuantumHead newQuantumHead() {
        return FACTORY.createQuantumHead();
    }

    /**
     * The classical counterpart of a quantum head (paper section 4): the same projection (2^qubits x circuits)
     * and a dense layer as wide as the quantum layer's output (qubits x circuits).
     */
    public static ClassicalHead newClassicalHead(QuantumHead counterpartOf) {
        ClassicalHead h = FACTORY.createClassicalHead();
        h.setProjectionWidth((1 << counterpartOf.getQubits()) * counterpartOf.getCircuits());
        h.setWidth(counterpartOf.getQubits() * counterpartOf.getCircuits());
        h.setNormalizedSlices(counterpartOf.getCircuits());
        return h;
    }

    public static Training newTraining() {
        return FACTORY.createTraining();
    }

    public static Loss newLoss() {
        return FACTORY.createLoss();
    }

    public static Evaluation newEvaluation() {
        Evaluation e = FACTORY.createEvaluation();
        e.getJaccardThresholds().addAll(JACCARD_THRESHOLDS);
        return e;
    }
}
