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
    public static String ExperimentFormPage_sources;
    public static String ExperimentFormPage_split;
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
    public static String FieldBinder_number;
    public static String FieldBinder_wholeNumber;
    public static String FieldBinder_quoted;
    public static String FieldBinder_empty;
    public static String FieldBinder_forExample;
    public static String FieldBinder_badList;
    public static String ExperimentEditor_saveWithErrorsTitle;
    public static String ExperimentEditor_saveWithErrors;
    public static String ExperimentEditor_saveAnyway;
    public static String ExperimentEditor_run;
    public static String ExperimentEditor_runTip;
    public static String DataSourcesPart_columnNumber;
    public static String DataSourcesPart_columnKind;
    public static String DataSourcesPart_columnData;
    public static String DataSourcesPart_kindTip;
    public static String DataSourcesPart_add;
    public static String DataSourcesPart_remove;
    public static String DataSourcesPart_browse;
    public static String DataSourcesPart_synthetic;
    public static String DataSourcesPart_noPath;
    public static String DataSourcesPart_chooseTitle;
    public static String DataSourcesPart_chooseFolder;
    public static String DataSourcesPart_chooseFigshare;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
