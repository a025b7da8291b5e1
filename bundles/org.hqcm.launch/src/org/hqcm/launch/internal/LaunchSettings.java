package org.hqcm.launch.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.osgi.util.NLS;
import org.hqcm.model.Backend;

/**
 * The attributes of an "HQCM Experiment" launch configuration, checked.
 *
 * @param experiment workspace path of the .hqcm file ("/project/folder/x.hqcm")
 * @param seed training seed override, or null for the experiment's own
 * @param backend the ND4J backend the engine must have been built with
 * @param heap the engine JVM's maximum heap in java's -Xmx syntax ("4g", "512m")
 * @param resume workspace path of a run folder to continue ({@code hqcm run --resume}), or null for a new run
 */
public record LaunchSettings(String experiment, Long seed, Backend backend, String heap, String resume) {

    /** Id of the launch configuration type, as in plugin.xml. */
    public static final String TYPE_ID = "org.hqcm.launch.experiment";
    public static final String ATTR_EXPERIMENT = "org.hqcm.launch.EXPERIMENT";
    public static final String ATTR_SEED = "org.hqcm.launch.SEED";
    public static final String ATTR_BACKEND = "org.hqcm.launch.BACKEND";
    public static final String ATTR_HEAP = "org.hqcm.launch.HEAP";
    /** Set only on the unsaved working copies that Resume launches: the run folder to continue. */
    public static final String ATTR_RESUME = "org.hqcm.launch.RESUME";
    /** Enough for the quickstart; the paper's experiment wants more (set it in the tab). */
    public static final String DEFAULT_HEAP = "4g";

    private static final Pattern HEAP = Pattern.compile("([1-9][0-9]{0,9})([kKmMgG]?)");
    /** Below this the engine cannot even load a batch; "4096" (bytes, not megabytes) is the usual slip. */
    public static final long MIN_HEAP_BYTES = 64L << 20;

    public LaunchSettings {
        if (experiment == null || experiment.isBlank()) {
            throw new IllegalArgumentException(Messages.LaunchSettings_noExperiment);
        }
        if (!experiment.toLowerCase(Locale.ROOT).endsWith(".hqcm")) {
            throw new IllegalArgumentException(NLS.bind(Messages.LaunchSettings_notExperiment, experiment));
        }
        if (heapBytes(heap) < MIN_HEAP_BYTES) {
            throw new IllegalArgumentException(NLS.bind(Messages.LaunchSettings_badHeap, heap));
        }
        if (resume != null && resume.isBlank()) {
            resume = null;
        }
    }

    /** The settings of a new run. */
    public LaunchSettings(String experiment, Long seed, Backend backend, String heap) {
        this(experiment, seed, backend, heap, null);
    }

    /** The same settings, continuing a run folder instead of starting a new run. */
    public LaunchSettings resuming(String runFolder) {
        return new LaunchSettings(experiment, seed, backend, heap, runFolder);
    }

    /** The bytes of a heap size in -Xmx syntax, or -1 when it is not one. */
    public static long heapBytes(String heap) {
        Matcher m = heap == null ? null : HEAP.matcher(heap);
        if (m == null || !m.matches()) {
            return -1;
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** Reads and checks the attributes; a bad value is a CoreException naming the attribute and value. */
    public static LaunchSettings of(ILaunchConfiguration config) throws CoreException {
        String file = config.getAttribute(ATTR_EXPERIMENT, "");
        String seedText = config.getAttribute(ATTR_SEED, "");
        String backendText = config.getAttribute(ATTR_BACKEND, Backend.CPU.getLiteral());
        String heap = config.getAttribute(ATTR_HEAP, DEFAULT_HEAP);
        String resume = config.getAttribute(ATTR_RESUME, "");
        try {
            return new LaunchSettings(file, seed(seedText), backend(backendText), heap.strip(), resume);
        } catch (IllegalArgumentException e) {
            throw new CoreException(Status.error(config.getName() + ": " + e.getMessage()));
        }
    }

    /** The seed text of the tab: blank for none, else a whole number. */
    public static Long seed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.LaunchSettings_badSeed, text), e);
        }
    }

    /** A backend by its literal (CPU, CUDA). */
    public static Backend backend(String literal) {
        Backend b = Backend.get(literal);
        if (b == null) {
            throw new IllegalArgumentException(NLS.bind(Messages.LaunchSettings_badBackend, literal, Backend.VALUES));
        }
        return b;
    }

    /** Writes these settings into a configuration. */
    public void applyTo(ILaunchConfigurationWorkingCopy config) {
        config.setAttribute(ATTR_EXPERIMENT, experiment);
        config.setAttribute(ATTR_SEED, seed == null ? "" : seed.toString());
        config.setAttribute(ATTR_BACKEND, backend.getLiteral());
        config.setAttribute(ATTR_HEAP, heap);
        config.setAttribute(ATTR_RESUME, resume);
    }
}
