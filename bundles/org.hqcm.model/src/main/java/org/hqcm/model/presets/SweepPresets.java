package org.hqcm.model.presets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmFactory;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepAxis;
import org.hqcm.model.sweep.FeaturePath;

/**
 * The ready-made sweeps. Each contains its base experiment (a preset), so the file stands alone;
 * {@code examples/*.hqcmsweep} are these presets saved (a test keeps them equal).
 */
public final class SweepPresets {

    /** The paper's question: HQCM-EBTC against its classical counterpart, 5 seeds each (10 trials). */
    public static final String PAPER_SWEEP = "paper-sweep";
    /** A sweep to try on one machine: the quickstart, both heads x two learning rates x 2 seeds, 15 epochs. */
    public static final String QUICKSTART_SWEEP = "quickstart-sweep";

    /** Seeds of the paper sweep: five, as the issue asks (the paper reports one run). */
    static final int PAPER_SEEDS = 5;
    /** The quickstart sweep's epochs: enough to reach ~0.9 accuracy, short enough for 8 trials in minutes. */
    static final int QUICKSTART_SWEEP_EPOCHS = 15;

    private static final Map<String, Supplier<Sweep>> PRESETS = new LinkedHashMap<>();
    private static final Map<String, String> SUMMARIES = new LinkedHashMap<>();

    static {
        PRESETS.put(PAPER_SWEEP, SweepPresets::paperSweep);
        SUMMARIES.put(PAPER_SWEEP, "hqcm-ebtc against its classical counterpart (architecture.head quantum/classical), "
                + PAPER_SEEDS + " seeds: 10 trials of the paper's size");
        PRESETS.put(QUICKSTART_SWEEP, SweepPresets::quickstartSweep);
        SUMMARIES.put(QUICKSTART_SWEEP, "the quickstart with both heads x learning rates 0.003/0.006 x 2 seeds, "
                + QUICKSTART_SWEEP_EPOCHS + " epochs: 8 small trials");
    }

    private SweepPresets() {
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

    /** A new sweep of the named preset. */
    public static Sweep create(String name) {
        Supplier<Sweep> factory = PRESETS.get(name);
        if (factory == null) {
            throw unknown(name);
        }
        return factory.get();
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown sweep preset '" + name + "'; expected one of " + String.join(", ", names()));
    }

    /** A sweep named {@code name} over {@code base} (contained), without axes: base x seedCount seeds. */
    public static Sweep newSweep(String name, Experiment base) {
        Sweep s = HqcmFactory.eINSTANCE.createSweep();
        s.setName(name);
        s.setExperiment(base);
        return s;
    }

    /** An axis over {@code path} with {@code values}. */
    public static SweepAxis axis(String path, String... values) {
        SweepAxis a = HqcmFactory.eINSTANCE.createSweepAxis();
        a.setPath(path);
        a.getValues().addAll(List.of(values));
        return a;
    }

    static Sweep paperSweep() {
        Sweep s = newSweep(PAPER_SWEEP, Presets.create(Presets.HQCM_EBTC));
        s.setDescription("The paper's comparison beyond seed noise: HQCM-EBTC (quantum head) against its classical "
                + "counterpart (the same network with a dense layer of width 25), " + PAPER_SEEDS + " training seeds each, "
                + "on one dataset and one test split. Each trial takes about an hour and a half on 2 cores; "
                + "'hqcm reproduce' runs the same sweep.");
        s.getAxes().add(axis(FeaturePath.HEAD, FeaturePath.QUANTUM, FeaturePath.CLASSICAL));
        s.setSeedCount(PAPER_SEEDS);
        s.setFirstSeed(s.getExperiment().getSeed());
        return s;
    }

    static Sweep quickstartSweep() {
        Experiment base = Presets.create(Presets.QUICKSTART);
        base.getTraining().setMaxEpochs(QUICKSTART_SWEEP_EPOCHS);
        Sweep s = newSweep(QUICKSTART_SWEEP, base);
        s.setDescription("A sweep to try on one machine: the quickstart (" + QUICKSTART_SWEEP_EPOCHS + " epochs) with the "
                + "quantum and the classical head and two learning rates, 2 seeds each: 8 trials of about a minute, "
                + "two at a time with local[2] and one thread per trial.");
        s.getAxes().add(axis(FeaturePath.HEAD, FeaturePath.QUANTUM, FeaturePath.CLASSICAL));
        s.getAxes().add(axis("training.learningRate", "0.003", "0.006"));
        s.setSeedCount(2);
        s.setFirstSeed(7);
        return s;
    }
}
