package org.hqcm.ui.internal.wizards;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the wizards (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.wizards.messages";

    public static String NewExperimentWizard_title;
    public static String NewExperimentWizard_description;
    public static String NewExperimentWizard_preset;
    public static String NewExampleProjectWizard_title;
    public static String NewExampleProjectWizard_description;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
