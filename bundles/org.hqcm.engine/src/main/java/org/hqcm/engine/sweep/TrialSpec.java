package org.hqcm.engine.sweep;

import java.io.Serializable;

/**
 * What an executor needs to run one trial: plain strings and numbers (Spark ships it to executors with its own task
 * serialisation, inside the cluster; the sweep folder holds everything else).
 *
 * @param sweepDir    absolute path of the sweep folder, the same on every executor (shared storage)
 * @param threads     CPU threads of the trial (ND4J, OpenMP and the JVM's processor count)
 * @param probeToken  name of the shared-storage probe the driver wrote
 * @param javaOptions options of the trial's JVM (heap), space-separated
 * @param nativeCache folder for ND4J's natives on the executor's machine; null: the default of {@link TrialLauncher}
 */
public record TrialSpec(String sweepDir, String id, String label, long seed, int threads, String probeToken,
        String javaOptions, String nativeCache) implements Serializable {
    private static final long serialVersionUID = 1L;
}
