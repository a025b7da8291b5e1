package org.hqcm.ui.internal.views;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the views (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.views.messages";

    public static String CircuitView_qubits;
    public static String CircuitView_layers;
    public static String CircuitView_measure;
    public static String CircuitView_zoomIn;
    public static String CircuitView_zoomOut;
    public static String CircuitView_fit;
    public static String CircuitView_fitTip;
    public static String CircuitView_actualSize;
    public static String CircuitView_caption;
    public static String CircuitView_wireTip;
    public static String CircuitView_msb;
    public static String CircuitView_lsb;
    public static String CircuitView_amplitudeTip;
    public static String CircuitView_angleTip;
    public static String CircuitView_rotTip;
    public static String CircuitView_cnotTip;
    public static String CircuitView_measureTip;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
