package org.hqcm.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.hqcm.model.Backend;
import org.junit.jupiter.api.Test;

/** The launch configuration's attributes round-trip through a real configuration and bad values are named. */
class LaunchSettingsTest {

    @Test
    void roundTripsThroughAConfiguration() throws Exception {
        ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
                .getLaunchConfigurationType(LaunchSettings.TYPE_ID);
        assertEquals("HQCM Experiment", type.getName());
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, "settings-test");
        new LaunchSettings("/p/quickstart.hqcm", 7L, Backend.CUDA, "6g").applyTo(wc);
        LaunchSettings read = LaunchSettings.of(wc);
        assertEquals(new LaunchSettings("/p/quickstart.hqcm", 7L, Backend.CUDA, "6g"), read);

        wc.setAttribute(LaunchSettings.ATTR_SEED, "");
        assertNull(LaunchSettings.of(wc).seed(), "blank seed: the experiment's own");

        wc.setAttribute(LaunchSettings.ATTR_SEED, "seven");
        CoreException bad = assertThrows(CoreException.class, () -> LaunchSettings.of(wc));
        assertTrue(bad.getMessage().contains("'seven'"), bad.getMessage());
        wc.setAttribute(LaunchSettings.ATTR_SEED, "7");
        wc.setAttribute(LaunchSettings.ATTR_HEAP, "lots");
        assertTrue(assertThrows(CoreException.class, () -> LaunchSettings.of(wc)).getMessage().contains("'lots'"));
        wc.setAttribute(LaunchSettings.ATTR_HEAP, "4g");
        wc.setAttribute(LaunchSettings.ATTR_BACKEND, "TPU");
        assertTrue(assertThrows(CoreException.class, () -> LaunchSettings.of(wc)).getMessage().contains("'TPU'"));
    }

    @Test
    void aHeapTooSmallForTheEngineIsRejected() {
        assertEquals(512L << 20, LaunchSettings.heapBytes("512m"));
        assertEquals(4L << 30, LaunchSettings.heapBytes("4G"));
        assertEquals(-1, LaunchSettings.heapBytes("4 g"));
        new LaunchSettings("/p/x.hqcm", null, Backend.CPU, "64m");
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
                () -> new LaunchSettings("/p/x.hqcm", null, Backend.CPU, "4096"));
        assertTrue(bytes.getMessage().contains("'4096'") && bytes.getMessage().contains("bytes"), bytes.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LaunchSettings("/p/x.hqcm", null, Backend.CPU, "65535k"));
    }

    @Test
    void rejectsFilesThatAreNoExperiments() {
        assertThrows(IllegalArgumentException.class, () -> new LaunchSettings("", null, Backend.CPU, "4g"));
        assertThrows(IllegalArgumentException.class, () -> new LaunchSettings("/p/run.hqcmrun", null, Backend.CPU, "4g"));
    }
}
