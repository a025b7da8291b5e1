package org.hqcm.model.presets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hqcm.model.Architecture;
import org.hqcm.model.DataSource;
import org.hqcm.model.Experiment;
import org.hqcm.model.QuantumHead;
import org.hqcm.model.Simulator;
import org.hqcm.model.Training;

/**
 * The ready-made experiments. Each call returns a new, independent experiment; {@code examples/*.hqcm} are
 * these presets saved (a test keeps them equal).
 */
public final class Presets {

    /** Small synthetic run that trains in a few minutes on 2 CPU cores. */
    public static final String QUICKSTART = "quickstart";
    /** The quickstart with the classical head in place of the quantum layer, to compare against it. */
    public static final String QUICKSTART_CLASSICAL = "quickstart-classical";
    /** The paper's HQCM-EBTC configuration (Table 3 and section 4). */
    public static final String HQCM_EBTC = "hqcm-ebtc";
    /** The paper's classical counterpart: HQCM-EBTC with a dense layer in place of the quantum layer. */
    public static final String CLASSICAL = "classical";

    /**
     * The paper's 7,576 images (section 4.1) as four equal synthetic classes: 4 x 1,894. The real class sizes
     * are not all given (source 3 is only summed up), so equal classes are the honest approximation.
     */
    static final int PAPER_IMAGES_PER_CLASS = 1894;

    /**
     * Precise BatchNorm for the quickstart: with momentum averages its validation accuracy jumped between
     * 0.47 and 0.91 from one epoch to the next at learning rate 0.003, and early stopping picked by luck.
     */
    static final int QUICKSTART_RECALIBRATION_IMAGES = 1024;

    private static final Map<String, Supplier<Experiment>> PRESETS = new LinkedHashMap<>();
    private static final Map<String, String> SUMMARIES = new LinkedHashMap<>();

    static {
        add(QUICKSTART, "synthetic 64x64 data, small backbone, quantum head; a few minutes on 2 CPU cores",
                Presets::quickstart);
        add(QUICKSTART_CLASSICAL, "the quickstart with a dense head of width 25 in place of the quantum layer",
                Presets::quickstartClassical);
        add(HQCM_EBTC, "the paper's HQCM-EBTC (Table 3): 128x128, widths 128/64/32, 5 qubits x 2 layers x 5 circuits",
                Presets::hqcmEbtc);
        add(CLASSICAL, "the paper's classical counterpart: HQCM-EBTC with a dense head of width 25",
                Presets::classical);
    }

    private Presets() {
    }

    private static void add(String name, String summary, Supplier<Experiment> factory) {
        PRESETS.put(name, factory);
        SUMMARIES.put(name, summary);
    }

    /** Preset names in a stable order. */
    public static List<String> names() {
        return List.copyOf(PRESETS.keySet());
    }

    /** One line saying what the preset is. */
    public static String summary(String name) {
        String s = SUMMARIES.get(name);
        if (s == null) {
            throw unknown(name);
        }
        return s;
    }

    /** A new experiment of the named preset; IllegalArgumentException naming the known presets otherwise. */
    public static Experiment create(String name) {
        Supplier<Experiment> factory = PRESETS.get(name);
        if (factory == null) {
            throw unknown(name);
        }
        return factory.get();
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown preset '" + name + "'; expected one of " + String.join(", ", names()));
    }

    static Experiment quickstart() {
        Experiment e = ExperimentDefaults.newExperiment(QUICKSTART);
        e.setDescription("A small synthetic experiment to try HQCM Studio: 2,400 generated 64x64 brain slices "
                + "(4 classes, easy difficulty), a slim backbone and the paper's quantum head (5 qubits, 2 layers, "
                + "5 circuits). Trains in about 3 minutes on 2 CPU cores. Differences from the paper's schedule, "
                + "for a small model on small images: learning rate 0.003, patience 4/10, rotation 10 degrees, no "
                + "vertical flips, and BatchNorm statistics recomputed over 1,024 training images after every epoch.");
        DataSource synthetic = e.getDataset().getSources().get(0);
        synthetic.setImagesPerClass(600);
        synthetic.setDifficulty(0.0);
        e.getDataset().setImageSize(64);
        e.getDataset().getAugmentation().setRotationDegrees(10);
        e.getDataset().getAugmentation().setVerticalFlip(false);
        Architecture a = e.getArchitecture();
        a.getBackboneWidths().clear();
        a.getBackboneWidths().addAll(List.of(32, 32, 16));
        a.getAttention().setReductionRatio(4);
        ((QuantumHead) a.getHead()).setSimulator(Simulator.STATEVECTOR);
        Training t = e.getTraining();
        t.setLearningRate(0.003);
        t.setPlateauPatience(4);
        t.setEarlyStoppingPatience(10);
        t.setMaxEpochs(60);
        t.setBatchSize(32);
        t.setBatchNormRecalibration(QUICKSTART_RECALIBRATION_IMAGES);
        e.getEvaluation().setAttentionExamples(4);
        // how far the small model's confidences are from its accuracy, and what one temperature repairs (issue 17)
        e.getEvaluation().setTemperatureScaling(true);
        return e;
    }

    static Experiment quickstartClassical() {
        return classicalCounterpart(quickstart(), QUICKSTART_CLASSICAL, "The quickstart's classical counterpart: the same data, split, backbone, attention and schedule, "
                + "with the quantum layer replaced by a dense layer of the same output width (25, tanh) on the same "
                + "five L2-normalised slices of the projection. Its runs share the quickstart's test set, so "
                + "'hqcm compare' and the Compare Runs view can pair them.");
    }

    static Experiment hqcmEbtc() {
        Experiment e = ExperimentDefaults.newExperiment(HQCM_EBTC);
        e.setDescription("HQCM-EBTC as published (Table 3 and section 4): 128x128 inputs, backbone 128/64/32, "
                + "channel and spatial attention, 5 circuits of 5 qubits with 2 strongly entangling layers, "
                + "amplitude embedding, Pauli-Y readout; AdamW lr 0.011, weight decay 1e-4, clip 1.0, "
                + "plateau 0.5/3, early stopping 5, 40 epochs, batch 64; split 70/15/15. "
                + "The paper's MRI data cannot ship, so the source is SYNTHETIC with its 7,576 images as "
                + "4 x 1,894; for the real data replace it with a FIGSHARE_MAT source (path to the figshare "
                + "brain-tumour .mat folder) and IMAGE_FOLDER or DICOM sources for the other two. "
                + "Not stated in the paper: the attention reduction ratio (16, CBAM's) and the rotation range (15 degrees).");
        e.getDataset().getSources().get(0).setImagesPerClass(PAPER_IMAGES_PER_CLASS);
        return e;
    }

    static Experiment classical() {
        return classicalCounterpart(hqcmEbtc(), CLASSICAL, "The paper's classical counterpart of HQCM-EBTC: everything as in hqcm-ebtc except that "
                + "the quantum processing layer is replaced by a dense layer of the same output width "
                + "(5 qubits x 5 circuits = 25, tanh so that outputs lie in [-1, 1] like expectation values), "
                + "fed the projection's five slices L2-normalised as the amplitude embedding feeds the circuits. "
                + "The source is SYNTHETIC (4 x 1,894 images) until pointed at the real data, as in hqcm-ebtc.");
    }

    /** {@code quantum} renamed, with the classical counterpart of its quantum head. */
    private static Experiment classicalCounterpart(Experiment quantum, String name, String description) {
        quantum.setName(name);
        quantum.setDescription(description);
        Architecture a = quantum.getArchitecture();
        a.setHead(ExperimentDefaults.newClassicalHead((QuantumHead) a.getHead()));
        return quantum;
    }
}
