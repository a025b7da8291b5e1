package org.hqcm.launch.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of an engine run in its own JVM: {@code java -Xmx.. -cp .. Main run FILE
 * [--seed N] --run-dir DIR} for a new run (the launch has made DIR, so it knows its run folder from the start), or
 * {@code run --resume DIR} to continue one, the same as {@code ./hqcm run}.
 */
public final class EngineCommand {

    /** ND4J's natives (~350 MB) unpack once into the cache ./hqcm uses too. */
    static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";

    private EngineCommand() {
    }

    /**
     * @param experiment the experiment file (unused when the settings resume a run)
     * @param runDir the run folder: the new one the engine fills, or the one it continues
     */
    public static List<String> of(EngineInstallation engine, LaunchSettings settings, Path experiment, Path runDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + settings.heap());
        cmd.add("-D" + CACHE_PROPERTY + "=" + cacheDir());
        String home = System.getenv(EngineInstallation.HOME_ENV);
        if (home != null && !home.isBlank()) {
            cmd.add("-Dhqcm.home=" + home);
        }
        cmd.add("-cp");
        cmd.add(engine.classPath());
        cmd.add("org.hqcm.engine.cli.Main");
        cmd.add("run");
        if (settings.resume() != null) {
            cmd.add("--resume");
            cmd.add(runDir.toString());
            return cmd;
        }
        cmd.add(experiment.toString());
        if (settings.seed() != null) {
            cmd.add("--seed");
            cmd.add(settings.seed().toString());
        }
        cmd.add("--run-dir");
        cmd.add(runDir.toString());
        return cmd;
    }

    /** The JavaCPP cache: the IDE's own setting when it has one, else $HQCM_CACHE or ~/.cache/hqcm, as ./hqcm. */
    static String cacheDir() {
        String own = System.getProperty(CACHE_PROPERTY);
        if (own != null && !own.isBlank()) {
            return own;
        }
        String cache = System.getenv("HQCM_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            cache = (xdg == null || xdg.isBlank() ? System.getProperty("user.home") + "/.cache" : xdg) + "/hqcm";
        }
        return cache + "/javacpp";
    }

    /**
     * The environment: the IDE's, plus what ./hqcm sets: glibc's hugetlb tunable (fresh native allocations ~4x
     * faster for ND4J) and passive OpenMP waiting, so that runs launched side by side do not stall each other's
     * spinning threads.
     */
    public static String[] environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1");
        env.putIfAbsent("OMP_WAIT_POLICY", "passive");
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
