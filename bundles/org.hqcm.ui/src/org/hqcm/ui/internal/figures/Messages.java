package org.hqcm.ui.internal.figures;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the figures (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.figures.messages";

    public static String FigureExport_title;
    public static String FigureExport_allFiles;
    public static String FigureExport_saved;
    public static String FigureExport_failed;
    public static String FigureExport_png;
    public static String FigureExport_svg;
    public static String LineChart_resetZoom;
    public static String LineChart_hint;
    public static String LineChart_readout;
    public static String LineChart_band;
    public static String LineChart_noData;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
