package org.hqcm.launch.internal.sweep;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the sweep launch (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.launch.internal.sweep.messages";

    public static String SweepLaunchSettings_noSweep;
    public static String SweepLaunchSettings_notSweep;
    public static String SweepLaunchSettings_badMaster;
    public static String SweepLaunch_noFile;
    public static String SweepLaunch_noFolder;
    public static String SweepLaunch_noLauncher;
    public static String SweepLaunch_noModule;
    public static String SweepLaunch_label;
    public static String SweepLaunch_resumeLabel;
    public static String SweepProgressJob_starting;
    public static String SweepProgressJob_progress;
    public static String SweepProgressJob_stopping;
    public static String SweepProgressJob_failed;
    public static String SweepMainTab_name;
    public static String SweepMainTab_sweep;
    public static String SweepMainTab_browse;
    public static String SweepMainTab_browseTitle;
    public static String SweepMainTab_master;
    public static String SweepMainTab_masterTip;
    public static String SweepMainTab_heap;
    public static String SweepMainTab_heapTip;
    public static String SweepMainTab_noSuchFile;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
