package org.hqcm.ui.internal.compare;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the Compare Runs view and the error drill-down (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.compare.messages";

    public static String CompareRunsView_onlyDifferences;
    public static String CompareRunsView_exportMarkdown;
    public static String CompareRunsView_exportCsv;
    public static String CompareRunsView_exportFailed;
    public static String CompareRunsView_metric;
    public static String CompareRunsView_metricsTab;
    public static String CompareRunsView_statisticsTab;
    public static String CompareRunsView_parametersTab;
    public static String CompareRunsView_parameter;
    public static String CompareRunsView_validationAccuracy;
    public static String CompareRunsView_trainLoss;
    public static String CompareRunsView_epochAxis;
    public static String CompareRunsView_accuracyAxis;
    public static String CompareRunsView_lossAxis;
    public static String CompareRunsView_statistic;
    public static String CompareRunsView_computingStatistics;
    public static String CompareRunsView_noStatistics;
    public static String CompareRunsView_noConfusion;
    public static String CompareRunsView_confusionAxes;
    public static String ConfusionGrid_cell;
    public static String ConfusionGrid_title;
    public static String CellImagesView_none;
    public static String CellImagesView_heading;
    public static String CellImagesView_first;
    public static String CellImagesView_unreadable;
    public static String CellImagesView_image;
    public static String CellImagesView_input;
    public static String CellImagesView_mask;
    public static String CellImagesView_sample;
    public static String CellImagesView_right;
    public static String CellImagesView_wrong;
    public static String CellImagesView_noImage;
    public static String CellImagesView_noPredictions;
    public static String CellImagesView_otherTestSet;
    public static String CellImagesView_explanation;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
