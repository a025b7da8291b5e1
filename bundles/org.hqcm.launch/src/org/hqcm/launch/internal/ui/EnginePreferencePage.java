package org.hqcm.launch.internal.ui;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.hqcm.launch.internal.EngineInstallation;

/** Preferences &gt; HQCM: the engine build the launches start (empty: the one of $HQCM_HOME). */
public final class EnginePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private EngineFolderEditor engine;

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
        engine = new EngineFolderEditor(getFieldEditorParent());
        addField(engine);
    }

    /** Stores the values and writes them to disk, also when the page is used outside a preference dialog. */
    @Override
    public boolean performOk() {
        if (!super.performOk()) {
            return false;
        }
        try {
            ((ScopedPreferenceStore) getPreferenceStore()).save();
        } catch (IOException e) {
            ILog.of(EnginePreferencePage.class).log(Status.error(e.getMessage(), e));
        }
        return true;
    }

    /** For tests: the folder's text field. */
    Text engineField() {
        return engine.getTextControl(getFieldEditorParent());
    }

    /** A folder that must hold an engine build, checked as it is typed: a wrong one fails here, not at launch. */
    private static final class EngineFolderEditor extends DirectoryFieldEditor {

        EngineFolderEditor(Composite parent) {
            super(EngineInstallation.PROPERTY, Messages.EnginePreferencePage_engine, parent);
            setEmptyStringAllowed(true);
        }

        @Override
        protected boolean doCheckState() {
            String dir = getStringValue().strip();
            if (dir.isEmpty()) {
                return true;
            }
            try {
                EngineInstallation.at(Path.of(dir));
                return true;
            } catch (IllegalStateException | InvalidPathException | java.io.UncheckedIOException e) {
                setErrorMessage(e.getMessage());
                return false;
            }
        }
    }
}
