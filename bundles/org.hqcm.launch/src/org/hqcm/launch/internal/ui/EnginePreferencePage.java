package org.hqcm.launch.internal.ui;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.hqcm.launch.internal.EngineInstallation;

/** Preferences &gt; HQCM: the engine build the launches start (empty: the one of $HQCM_HOME). */
public final class EnginePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public EnginePreferencePage() {
        super(GRID);
        setDescription(Messages.EnginePreferencePage_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, EngineInstallation.BUNDLE_ID));
    }

    @Override
    protected void createFieldEditors() {
        addField(new DirectoryFieldEditor(EngineInstallation.PROPERTY, Messages.EnginePreferencePage_engine,
                getFieldEditorParent()));
    }
}
