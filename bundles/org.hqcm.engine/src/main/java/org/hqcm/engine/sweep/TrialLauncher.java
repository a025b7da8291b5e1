package org.hqcm.engine.sweep;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts a trial's JVM: {@link TrialProcess} (the engine's own CLI, {@code hqcm run}) with the trial's thread count
 * everywhere threads are chosen: {@code OMP_NUM_THREADS} for ND4J's OpenMP, {@code -XX:ActiveProcessorCount} for the
 * engine's Java pools, and passive OpenMP waits (two trials side by side on 2 cores otherwise stall each other: 28 s
 * instead of 87 s for two 3-epoch quickstarts, README). A child JVM rather than a thread of the executor, so that
 * thread settings, ND4J's natives and killing are the trial's own: a killed trial loses nothing but itself.
 */
public record TrialLauncher(String javaBinary, String classpath) {

    /**
     * System property: the class path of trial JVMs started by this JVM, when it is leaner than this JVM's own
     * ({@code ./hqcm sweep} sets the engine's: the trials need none of Spark's 149 jars).
     */
    public static final String CLASSPATH_PROPERTY = "hqcm.trial.classpath";

    /** Where ND4J's natives unpack when the spec names no folder: the machine-local cache {@code ./hqcm} uses. */
    static Path defaultNativeCache() {
        String cache = System.getenv("HQCM_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            cache = (xdg == null || xdg.isBlank() ? System.getProperty("user.home") + "/.cache" : xdg) + "/hqcm";
        }
        return Path.of(cache, "javacpp");
    }

    /**
     * The Java of this JVM and a classpath that reaches the engine from here: {@value #CLASSPATH_PROPERTY} when set,
     * else the entries of every URL class loader from the context loader up (a Spark executor loads the application's
     * jars into one), then this JVM's class path.
     */
    public static TrialLauncher fromThisJvm() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String given = System.getProperty(CLASSPATH_PROPERTY);
        if (given != null && !given.isBlank()) {
            return new TrialLauncher(java, given);
        }
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a local file: not something a child JVM can use
                        }
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return new TrialLauncher(java, String.join(File.pathSeparator, entries));
    }

    /** The command line of the trial's JVM running {@code hqcm} with {@code args}. */
    List<String> command(TrialSpec spec, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary);
        if (spec.javaOptions() != null) {
            for (String o : spec.javaOptions().trim().split("\\s+")) {
                if (!o.isEmpty()) {
                    cmd.add(o);
                }
            }
        }
        cmd.add("-XX:ActiveProcessorCount=" + spec.threads());
        cmd.add("-Djava.awt.headless=true");
        Path cache = spec.nativeCache() != null && !spec.nativeCache().isBlank() ? Path.of(spec.nativeCache())
                : defaultNativeCache();
        cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(TrialProcess.class.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** The environment of the trial's JVM: thread counts and allocator settings. */
    static void environment(Map<String, String> env, int threads) {
        env.put("OMP_NUM_THREADS", String.valueOf(threads));
        env.put("OMP_WAIT_POLICY", "passive");
        env.put("OPENBLAS_NUM_THREADS", String.valueOf(threads));
        // hugetlb: fresh native allocations ~4x faster for ND4J (notes/nd4j-performance.md), as ./hqcm sets it
        env.putIfAbsent("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1");
    }
}
