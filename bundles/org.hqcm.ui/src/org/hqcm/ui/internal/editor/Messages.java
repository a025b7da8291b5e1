package org.hqcm.ui.internal.editor;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the experiment editor (messages.properties). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.hqcm.ui.internal.editor.messages";

    public static String ExperimentEditor_notAFile;
    public static String ExperimentEditor_cannotLoad;
    public static String ExperimentEditor_cannotSave;
    public static String ExperimentEditor_undo;
    public static String ExperimentEditor_redo;
    public static String ExperimentFormPage_title;
    public static String ExperimentFormPage_general;
    public static String ExperimentFormPage_dataset;
    public static String ExperimentFormPage_source;
    public static String ExperimentFormPage_augmentation;
    public static String ExperimentFormPage_architecture;
    public static String ExperimentFormPage_attention;
    public static String ExperimentFormPage_head;
    public static String ExperimentFormPage_headQuantum;
    public static String ExperimentFormPage_headClassical;
    public static String ExperimentFormPage_quantum;
    public static String ExperimentFormPage_classical;
    public static String ExperimentFormPage_noCircuit;
    public static String ExperimentFormPage_training;
    public static String ExperimentFormPage_loss;
    public static String ExperimentFormPage_evaluation;
    public static String ExperimentFormPage_problems;
    public static String XmiPage_title;
    public static String FieldBinder_notA;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
