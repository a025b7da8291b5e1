package org.hqcm.ui.internal.sweeps;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the sweep views (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.sweeps.messages";

    public static String SweepGroups_heading;
    public static String SweepGroups_name;
    public static String SweepGroups_state;
    public static String SweepGroups_trials;
    public static String SweepGroups_accuracy;
    public static String SweepGroups_macroF1;
    public static String SweepGroups_where;
    public static String SweepGroups_trialsDone;
    public static String SweepGroups_seeds;
    public static String SweepGroups_seed;
    public static String SweepGroups_attempts;
    public static String SweepGroups_compare;
    public static String SweepGroups_compareTip;
    public static String SweepGroups_openReport;
    public static String SweepGroups_openRun;
    public static String SweepGroups_cancel;
    public static String SweepGroups_resume;
    public static String SweepGroups_running;
    public static String SweepGroups_interrupted;
    public static String SweepsLoadJob_name;
    public static String SweepsLoadJob_unreadable;
    public static String GroupComparisonView_none;
    public static String GroupComparisonView_title;
    public static String GroupComparisonView_groups;
    public static String GroupComparisonView_configuration;
    public static String GroupComparisonView_n;
    public static String GroupComparisonView_tests;
    public static String GroupComparisonView_axis;
    public static String GroupComparisonView_pair;
    public static String GroupComparisonView_diff;
    public static String GroupComparisonView_wilcoxon;
    public static String GroupComparisonView_holm;
    public static String GroupComparisonView_mcnemar;
    public static String GroupComparisonView_noTests;
    public static String GroupComparisonView_bands;
    public static String GroupComparisonView_epoch;
    public static String GroupComparisonView_meanSd;
    public static String GroupComparisonView_validationAccuracy;
    public static String GroupComparisonView_unreadable;
    public static String GroupComparisonView_convention;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
