package org.hqcm.ui.internal.compare;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the Compare Runs view (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.compare.messages";

    public static String CompareRunsView_onlyDifferences;
    public static String CompareRunsView_exportMarkdown;
    public static String CompareRunsView_exportCsv;
    public static String CompareRunsView_metric;
    public static String CompareRunsView_parameter;
    public static String CompareRunsView_validationAccuracy;
    public static String CompareRunsView_trainLoss;
    public static String CompareRunsView_statistic;
    public static String CompareRunsView_computingStatistics;
    public static String CompareRunsView_noStatistics;
    public static String CompareRunsView_noConfusion;
    public static String CompareRunsView_confusionAxes;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
