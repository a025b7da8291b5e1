package org.hqcm.launch.internal.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;
import org.hqcm.launch.internal.EngineCommand;
import org.hqcm.launch.internal.EngineInstallation;

/**
 * The command line and environment of a sweep in its own JVM: {@code ./hqcm sweep FILE --master M --out DIR}, or
 * {@code ./hqcm sweep --resume DIR --master M}, run through the repository's {@code ./hqcm} next to the engine build.
 * Going through the script rather than assembling {@code java} here keeps Spark's JVM options (its
 * {@code --add-opens} on Java 17, the driver's heap, the trials' and executors' class paths) in one place, the one
 * every sweep on the command line uses; the script {@code exec}s the JVM, so the launched process is the sweep's
 * driver itself and SIGTERM reaches its shutdown hook (Cancel stops the trials after their current batch).
 *
 * @param script the {@code hqcm} script
 * @param target the name of the build folder ({@code target}): the script finds the engine and the sweep module
 *        under {@code bundles/*}/{@code target}
 */
public record SweepCommandLine(Path script, String target) {

    /** The sweep launcher of an engine build: {@code ROOT/hqcm} for {@code ROOT/bundles/org.hqcm.engine/TARGET}. */
    public static SweepCommandLine of(EngineInstallation engine) {
        Path dir = engine.dir();
        Path root = dir.getParent() == null || dir.getParent().getParent() == null ? null
                : dir.getParent().getParent().getParent();
        Path script = root == null ? Path.of("hqcm") : root.resolve("hqcm");
        if (root == null || !Files.isRegularFile(script)) {
            throw new IllegalStateException(NLS.bind(Messages.SweepLaunch_noLauncher, script, dir));
        }
        String target = dir.getFileName().toString();
        Path module = root.resolve("bundles").resolve("org.hqcm.sweep").resolve(target);
        try (Stream<Path> files = Files.isDirectory(module) ? Files.list(module) : Stream.empty()) {
            boolean built = files.anyMatch(p -> p.getFileName().toString().matches("org\\.hqcm\\.sweep-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-sources.jar")) && Files.isDirectory(module.resolve("lib"));
            if (!built) {
                throw new IllegalStateException(NLS.bind(Messages.SweepLaunch_noModule, module.resolve("org.hqcm.sweep-*.jar")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SweepCommandLine(script, target);
    }

    /**
     * @param sweepFile the sweep file of a new sweep (unused when resuming)
     * @param dir the sweep folder: the new one ({@code --out}) or the one continued ({@code --resume})
     */
    public List<String> command(SweepLaunchSettings settings, Path sweepFile, Path dir) {
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString(), "sweep"));
        if (settings.resume() != null) {
            cmd.addAll(List.of("--resume", dir.toString()));
        } else {
            cmd.addAll(List.of(sweepFile.toString(), "--out", dir.toString()));
        }
        cmd.addAll(List.of("--master", settings.master()));
        return cmd;
    }

    /**
     * The environment: the experiment launches' (passive OpenMP waits, glibc's hugetlb), the IDE's JVM and native
     * cache for the script, the build folder name, and each trial's heap.
     */
    public String[] environment(SweepLaunchSettings settings) {
        List<String> env = new ArrayList<>(Arrays.asList(EngineCommand.environment()));
        env.removeIf(e -> e.startsWith("JAVA_HOME=") || e.startsWith("HQCM_TARGET=") || e.startsWith("HQCM_TRIAL_JAVA_OPTS=")
                || e.startsWith("HQCM_CACHE="));
        env.add("JAVA_HOME=" + System.getProperty("java.home"));
        env.add("HQCM_TARGET=" + target);
        env.add("HQCM_TRIAL_JAVA_OPTS=-Xmx" + settings.heap());
        // ./hqcm keeps ND4J's natives in $HQCM_CACHE/javacpp, as the IDE's experiment launches do
        Path cache = Path.of(EngineCommand.cacheDir());
        if (cache.getFileName() != null && cache.getFileName().toString().equals("javacpp") && cache.getParent() != null) {
            env.add("HQCM_CACHE=" + cache.getParent());
        }
        return env.toArray(String[]::new);
    }
}
