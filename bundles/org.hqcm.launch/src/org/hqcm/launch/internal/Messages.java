package org.hqcm.launch.internal;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the launch (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.launch.internal.messages";

    public static String LaunchSettings_noExperiment;
    public static String LaunchSettings_notExperiment;
    public static String LaunchSettings_badHeap;
    public static String LaunchSettings_badSeed;
    public static String LaunchSettings_badBackend;
    public static String EngineInstallation_notConfigured;
    public static String EngineInstallation_notBuilt;
    public static String HqcmLaunchDelegate_noFile;
    public static String HqcmLaunchDelegate_backend;
    public static String HqcmLaunchDelegate_label;
    public static String HqcmLaunchDelegate_noRun;
    public static String HqcmLaunchDelegate_resumeLabel;
    public static String RunLaunches_noExperiment;
    public static String RunProgressJob_stopping;
    public static String RunProgressJob_failed;
    public static String RunProgressJob_unreadable;
    public static String RunProgressJob_batch;
    public static String RunProgressJob_epoch;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
