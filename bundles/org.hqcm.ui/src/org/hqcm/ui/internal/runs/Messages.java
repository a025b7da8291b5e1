package org.hqcm.ui.internal.runs;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the run views (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.runs.messages";

    public static String RunsView_experiment;
    public static String RunsView_head;
    public static String RunsView_status;
    public static String RunsView_epochs;
    public static String RunsView_accuracy;
    public static String RunsView_macroF1;
    public static String RunsView_jaccard;
    public static String RunsView_duration;
    public static String RunsView_folder;
    public static String RunsView_filter;
    public static String RunsView_compare;
    public static String RunsView_count;
    public static String RunsView_started;
    public static String RunsView_progress;
    public static String RunsView_cancel;
    public static String RunsView_resume;
    public static String RunsView_rerun;
    public static String RunsView_openExperiment;
    public static String RunsView_openReport;
    public static String RunsView_delete;
    public static String RunsView_deleteTitle;
    public static String RunsView_deleteQuestion;
    public static String RunsView_interrupted;
    public static String RunsView_actionFailed;
    public static String LiveRun_loading;
    public static String LiveRun_starting;
    public static String LiveRun_progress;
    public static String LiveRun_left;
    public static String RunDetailsView_cancelled;
    public static String ReportView_title;
    public static String ReportView_none;
    public static String ReportView_missing;
    public static String ReportView_noBrowser;
    public static String ReportView_copy;
    public static String ReportView_external;
    public static String ReportView_externalStarted;
    public static String ReportView_externalFailed;
    public static String RunDetailsView_resume;
    public static String RunsLoadJob_name;
    public static String RunsLoadJob_unreadable;
    public static String RunDetailsView_none;
    public static String RunDetailsView_metric;
    public static String RunDetailsView_value;
    public static String RunDetailsView_class;
    public static String RunDetailsView_precision;
    public static String RunDetailsView_recall;
    public static String RunDetailsView_f1;
    public static String RunDetailsView_support;
    public static String RunDetailsView_report;
    public static String RunDetailsView_macro;
    public static String RunDetailsView_weighted;
    public static String RunDetailsView_seed;
    public static String RunDetailsView_backend;
    public static String RunDetailsView_failure;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
