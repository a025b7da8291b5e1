package org.hqcm.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.hqcm.model.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the reactor's engine build and the command line that starts it. */
class EngineCommandTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentKeepsTheIdesAndAddsWhatHqcmSets() {
        List<String> env = List.of(EngineCommand.environment());
        String path = System.getenv("PATH");
        if (path != null) {
            assertTrue(env.contains("PATH=" + path), "the IDE's own variables are passed on");
        }
        String policy = System.getenv("OMP_WAIT_POLICY");
        assertTrue(env.contains("OMP_WAIT_POLICY=" + (policy != null ? policy : "passive")), env.toString());
        assertEquals(1, env.stream().filter(v -> v.startsWith("GLIBC_TUNABLES=")).count());
    }

    @Test
    void findsTheReactorsEngineAndBuildsItsCommandLine() {
        EngineInstallation engine = EngineInstallation.at(Path.of(System.getProperty("hqcm.engine.dir")));
        assertTrue(engine.jar().getFileName().toString().startsWith("org.hqcm.engine-"));
        assertEquals(Backend.CPU, engine.backend(), "the default build carries nd4j-native");

        LaunchSettings settings = new LaunchSettings("/p/x.hqcm", 5L, Backend.CPU, "2g");
        List<String> cmd = EngineCommand.of(engine, settings, Path.of("/w/p/x.hqcm"), Path.of("/w/p/runs/x-1"));
        assertTrue(cmd.get(0).endsWith("java"));
        assertTrue(cmd.contains("-Xmx2g"));
        int cp = cmd.indexOf("-cp");
        assertTrue(cmd.get(cp + 1).contains(engine.jar().toString()));
        assertEquals(List.of("org.hqcm.engine.cli.Main", "run", "/w/p/x.hqcm", "--seed", "5", "--run-dir",
                "/w/p/runs/x-1"), cmd.subList(cp + 2, cmd.size()), "the launch chooses the run folder");
        List<String> noSeed = EngineCommand.of(engine, new LaunchSettings("/p/x.hqcm", null, Backend.CPU, "2g"),
                Path.of("/w/p/x.hqcm"), Path.of("/w/p/runs/x-1"));
        assertTrue(!noSeed.contains("--seed"));
        List<String> resume = EngineCommand.of(engine, settings.resuming("/p/runs/x-1"), null, Path.of("/w/p/runs/x-1"));
        assertEquals(List.of("org.hqcm.engine.cli.Main", "run", "--resume", "/w/p/runs/x-1"),
                resume.subList(cp + 2, resume.size()));
    }

    @Test
    void thePreferenceNamesTheEngineWhenNoSystemPropertyDoes() throws Exception {
        String property = System.clearProperty(EngineInstallation.PROPERTY);
        IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(EngineInstallation.BUNDLE_ID);
        try {
            prefs.put(EngineInstallation.PROPERTY, System.getProperty("hqcm.engine.dir"));
            assertEquals(Path.of(System.getProperty("hqcm.engine.dir")).toAbsolutePath().normalize(),
                    EngineInstallation.locate().dir());
            prefs.put(EngineInstallation.PROPERTY, dir.toString());
            IllegalStateException e = assertThrows(IllegalStateException.class, EngineInstallation::locate);
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        } finally {
            prefs.remove(EngineInstallation.PROPERTY);
            if (property != null) {
                System.setProperty(EngineInstallation.PROPERTY, property);
            }
        }
    }

    @Test
    void aFolderWithoutABuildIsNamedInTheError() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EngineInstallation.at(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/nd4j-cuda-11.6-1.0.0-M2.1.jar"), "");
        Files.writeString(dir.resolve("org.hqcm.engine-0.1.0.jar"), "");
        assertEquals(Backend.CUDA, EngineInstallation.at(dir).backend());
    }
}
