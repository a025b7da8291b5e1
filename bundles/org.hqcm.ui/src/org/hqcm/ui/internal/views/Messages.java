package org.hqcm.ui.internal.views;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the views (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.views.messages";

    public static String CircuitView_qubits;
    public static String CircuitView_layers;
    public static String CircuitView_measure;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
