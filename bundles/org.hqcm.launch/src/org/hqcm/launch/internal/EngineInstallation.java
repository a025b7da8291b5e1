package org.hqcm.launch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.util.NLS;
import org.hqcm.model.Backend;

/**
 * An engine build the IDE can start: the folder with {@code org.hqcm.engine-*.jar} and {@code lib/} (what
 * {@code ./mvnw verify} leaves in bundles/org.hqcm.engine/target). Found, in this order, from the system property
 * or preference {@value #PROPERTY}, or from {@code $HQCM_HOME} (set by {@code ./hqcm studio}).
 *
 * @param dir the folder
 * @param jar the engine jar in it
 */
public record EngineInstallation(Path dir, Path jar) {

    /** System property and preference key (of this bundle) naming the engine folder. */
    public static final String PROPERTY = "hqcm.engine.home";
    /** The repository root, exported by studio.sh. */
    public static final String HOME_ENV = "HQCM_HOME";

    public static final String BUNDLE_ID = "org.hqcm.launch";

    /** The configured engine; an {@link IllegalStateException} says where it looked and how to fix it. */
    public static EngineInstallation locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = Platform.getPreferencesService().getString(BUNDLE_ID, PROPERTY, "", null);
        }
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        String home = System.getenv(HOME_ENV);
        if (home != null && !home.isBlank()) {
            String target = Optional.ofNullable(System.getenv("HQCM_TARGET")).filter(s -> !s.isBlank()).orElse("target");
            return at(Path.of(home, "bundles", "org.hqcm.engine", target));
        }
        throw new IllegalStateException(NLS.bind(Messages.EngineInstallation_notConfigured, PROPERTY, HOME_ENV));
    }

    /** The engine in a folder, checked. */
    public static EngineInstallation at(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d.resolve("lib"))) {
            throw new IllegalStateException(NLS.bind(Messages.EngineInstallation_notBuilt, d));
        }
        try (Stream<Path> files = Files.list(d)) {
            Path jar = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("org.hqcm.engine-") && n.endsWith(".jar") && !n.endsWith("-sources.jar");
            }).sorted().findFirst().orElseThrow(() -> new IllegalStateException(NLS.bind(Messages.EngineInstallation_notBuilt, d)));
            return new EngineInstallation(d, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path lib() {
        return dir.resolve("lib");
    }

    /** The ND4J backend this build carries (the Maven profile chose its jars: CUDA with -Pcuda). */
    public Backend backend() {
        try (Stream<Path> files = Files.list(lib())) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.startsWith("nd4j-cuda")) ? Backend.CUDA : Backend.CPU;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path of the engine JVM. */
    public String classPath() {
        return jar + java.io.File.pathSeparator + lib().resolve("*");
    }
}
