package org.hqcm.launch.internal.sweep;

import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.osgi.util.NLS;
import org.hqcm.engine.BadInputException;
import org.hqcm.engine.sweep.SparkMasters;
import org.hqcm.launch.internal.LaunchSettings;
import org.hqcm.model.resource.HqcmResources;

/**
 * The attributes of an "HQCM Sweep" launch configuration, checked.
 *
 * @param sweep workspace path of the .hqcmsweep file ("/project/folder/x.hqcmsweep")
 * @param master the Spark master, in the words {@code hqcm sweep --master} takes ({@link SparkMasters})
 * @param heap the heap of each trial's JVM in java's -Xmx syntax ("4g"); the driver keeps ./hqcm's small one
 * @param resume workspace path of a sweep folder to continue ({@code hqcm sweep --resume}), or null for a new sweep
 */
public record SweepLaunchSettings(String sweep, String master, String heap, String resume) {

    /** Id of the launch configuration type, as in plugin.xml. */
    public static final String TYPE_ID = "org.hqcm.launch.sweep";
    public static final String ATTR_SWEEP = "org.hqcm.launch.sweep.SWEEP";
    public static final String ATTR_MASTER = "org.hqcm.launch.sweep.MASTER";
    public static final String ATTR_HEAP = "org.hqcm.launch.sweep.HEAP";
    /** Set only on the unsaved working copies that Resume launches: the sweep folder to continue. */
    public static final String ATTR_RESUME = "org.hqcm.launch.sweep.RESUME";

    public SweepLaunchSettings {
        if (sweep == null || sweep.isBlank()) {
            throw new IllegalArgumentException(Messages.SweepLaunchSettings_noSweep);
        }
        if (!sweep.toLowerCase(Locale.ROOT).endsWith("." + HqcmResources.SWEEP_EXTENSION)) {
            throw new IllegalArgumentException(NLS.bind(Messages.SweepLaunchSettings_notSweep, sweep));
        }
        try {
            SparkMasters.check(master);
        } catch (BadInputException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.SweepLaunchSettings_badMaster, master), e);
        }
        if (LaunchSettings.heapBytes(heap) < LaunchSettings.MIN_HEAP_BYTES) {
            throw new IllegalArgumentException(NLS.bind(org.hqcm.launch.internal.Messages.LaunchSettings_badHeap, heap));
        }
        if (resume != null && resume.isBlank()) {
            resume = null;
        }
    }

    /** The settings of a new sweep with the defaults: every core of this machine, the experiments' heap. */
    public static SweepLaunchSettings defaults(String sweep) {
        return new SweepLaunchSettings(sweep, SparkMasters.defaultLocal(), LaunchSettings.DEFAULT_HEAP, null);
    }

    /** The same settings, continuing a sweep folder instead of starting a new sweep. */
    public SweepLaunchSettings resuming(String sweepFolder) {
        return new SweepLaunchSettings(sweep, master, heap, sweepFolder);
    }

    /** Reads and checks the attributes; a bad value is a CoreException naming the configuration and value. */
    public static SweepLaunchSettings of(ILaunchConfiguration config) throws CoreException {
        try {
            return new SweepLaunchSettings(config.getAttribute(ATTR_SWEEP, ""),
                    config.getAttribute(ATTR_MASTER, SparkMasters.defaultLocal()).strip(),
                    config.getAttribute(ATTR_HEAP, LaunchSettings.DEFAULT_HEAP).strip(), config.getAttribute(ATTR_RESUME, ""));
        } catch (IllegalArgumentException e) {
            throw new CoreException(Status.error(config.getName() + ": " + e.getMessage()));
        }
    }

    /** Writes these settings into a configuration. */
    public void applyTo(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(ATTR_SWEEP, sweep);
        config.setAttribute(ATTR_MASTER, master);
        config.setAttribute(ATTR_HEAP, heap);
        config.setAttribute(ATTR_RESUME, resume);
    }
}
