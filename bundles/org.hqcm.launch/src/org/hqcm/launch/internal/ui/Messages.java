package org.hqcm.launch.internal.ui;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the launch tabs (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.launch.internal.ui.messages";

    public static String HqcmMainTab_name;
    public static String HqcmMainTab_experiment;
    public static String HqcmMainTab_browse;
    public static String HqcmMainTab_browseTitle;
    public static String HqcmMainTab_seed;
    public static String HqcmMainTab_seedHint;
    public static String HqcmMainTab_backend;
    public static String HqcmMainTab_heap;
    public static String HqcmMainTab_noSuchFile;
    public static String EnginePreferencePage_description;
    public static String EnginePreferencePage_engine;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
