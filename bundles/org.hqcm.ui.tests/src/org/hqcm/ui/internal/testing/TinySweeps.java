package org.hqcm.ui.internal.testing;

import java.nio.file.Path;

import org.hqcm.model.Sweep;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.sweep.FeaturePath;

/**
 * The quickstart-sweep preset shrunk as the sweep module's tests shrink it (TinySweep there): its base is the tiny
 * quickstart of {@link TinyExperiments} as a file next to the sweep, its one axis the head (quantum, classical), 2
 * seeds and one thread per trial: 2 configurations x 2 seeds = 4 trials of seconds each.
 */
public final class TinySweeps {

    /** The base experiment's file name, next to the sweep. */
    public static final String BASE = "tiny.hqcm";

    private TinySweeps() {
    }

    /** Writes {@value #BASE} and {@code name.hqcmsweep} into {@code dir}; returns the sweep file. */
    public static Path write(Path dir, String name) {
        TinyExperiments.write(dir.resolve(BASE), "tiny", true);
        Sweep s = SweepPresets.create(SweepPresets.QUICKSTART_SWEEP);
        s.setName(name);
        s.setDescription("The quickstart-sweep preset shrunk for the UI tests: the tiny quickstart with the quantum and the "
                + "classical head, 2 seeds each, one thread per trial.");
        s.setExperiment(null);
        s.setExperimentFile(BASE);
        s.getAxes().removeIf(a -> !FeaturePath.HEAD.equals(a.getPath()));
        s.setSeedCount(2);
        s.setFirstSeed(7);
        s.setThreadsPerTrial(1);
        Path file = dir.resolve(name + "." + HqcmResources.SWEEP_EXTENSION);
        HqcmResources.save(s, file);
        return file;
    }
}
