package org.hqcm.launch.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.hqcm.launch.internal.EngineInstallation;
import org.junit.jupiter.api.Test;

/**
 * The sweep launch configuration's attributes round-trip through a real configuration, bad values are named, and the
 * command line is this checkout's ./hqcm sweep with the folder, master and trial heap of the configuration.
 */
class SweepLaunchSettingsTest {

    @Test
    void roundTripsThroughAConfigurationAndNamesBadValues() throws Exception {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(SweepLaunchSettings.TYPE_ID);
        assertEquals("HQCM Sweep", type.getName());
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, "sweep-settings-test");
        new SweepLaunchSettings("/p/paper.hqcmsweep", "spark://10.0.0.5:7077", "6g", null).applyTo(wc);
        assertEquals(new SweepLaunchSettings("/p/paper.hqcmsweep", "spark://10.0.0.5:7077", "6g", null),
                SweepLaunchSettings.of(wc));
        assertNull(SweepLaunchSettings.of(wc).resume());
        assertEquals("local[" + Runtime.getRuntime().availableProcessors() + "]",
                SweepLaunchSettings.defaults("/p/x.hqcmsweep").master(), "the default: embedded Spark on every core");

        wc.setAttribute(SweepLaunchSettings.ATTR_MASTER, "yarn");
        CoreException bad = assertThrows(CoreException.class, () -> SweepLaunchSettings.of(wc));
        assertTrue(bad.getMessage().contains("'yarn'") && bad.getMessage().contains("spark://HOST:PORT"), bad.getMessage());
        wc.setAttribute(SweepLaunchSettings.ATTR_MASTER, "local[*]");
        wc.setAttribute(SweepLaunchSettings.ATTR_HEAP, "4096");
        assertTrue(assertThrows(CoreException.class, () -> SweepLaunchSettings.of(wc)).getMessage().contains("'4096'"));
        assertThrows(IllegalArgumentException.class, () -> new SweepLaunchSettings("/p/quickstart.hqcm", "local[1]", "4g", null));
        assertThrows(IllegalArgumentException.class, () -> new SweepLaunchSettings("", "local[1]", "4g", null));
    }

    @Test
    void theCommandIsThisCheckoutsHqcmSweep() throws Exception {
        EngineInstallation engine = EngineInstallation.at(Path.of(System.getProperty("hqcm.engine.dir")));
        Path root = engine.dir().getParent().getParent().getParent();
        Path module = root.resolve("bundles/org.hqcm.sweep").resolve(engine.dir().getFileName());
        if (!Files.isDirectory(module.resolve("lib"))) {
            // a build of these modules alone (-pl) may not have made the sweep module: its message says how
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepCommandLine.of(engine));
            assertTrue(e.getMessage().contains("./mvnw"), e.getMessage());
            return;
        }
        SweepCommandLine line = SweepCommandLine.of(engine);
        assertEquals(root.resolve("hqcm"), line.script());
        SweepLaunchSettings s = new SweepLaunchSettings("/p/x.hqcmsweep", "local[1]", "2g", null);
        assertEquals(List.of("bash", root.resolve("hqcm").toString(), "sweep", "/w/p/x.hqcmsweep", "--out", "/w/p/sweeps/x-1",
                "--master", "local[1]"), line.command(s, Path.of("/w/p/x.hqcmsweep"), Path.of("/w/p/sweeps/x-1")));
        assertEquals(List.of("bash", root.resolve("hqcm").toString(), "sweep", "--resume", "/w/p/sweeps/x-1", "--master",
                "local[1]"), line.command(s.resuming("/p/sweeps/x-1"), null, Path.of("/w/p/sweeps/x-1")));
        List<String> env = Arrays.asList(line.environment(s));
        assertTrue(env.contains("HQCM_TRIAL_JAVA_OPTS=-Xmx2g"), env.toString());
        assertTrue(env.contains("HQCM_TARGET=" + engine.dir().getFileName()), env.toString());
        assertTrue(env.contains("OMP_WAIT_POLICY=passive") || System.getenv("OMP_WAIT_POLICY") != null, env.toString());
        assertTrue(env.contains("JAVA_HOME=" + System.getProperty("java.home")), env.toString());
    }
}
