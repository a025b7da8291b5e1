package org.hqcm.ui.internal.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.forms.editor.FormPage;
import org.hqcm.launch.internal.RunLaunches;
import org.hqcm.model.Experiment;
import org.hqcm.model.resource.HqcmResources;

/**
 * The editor of .hqcm experiment files: a form page and a read-only XMI page over one model. Edits are commands
 * on an EMF command stack (undo/redo, dirty state); the model is validated shortly after each change, the
 * problems shown in the form and as markers; saving writes the file atomically through {@link HqcmResources}, after a
 * warning when the experiment has errors. Ctrl+Y redoes as Ctrl+Shift+Z does; the form's header has a Run button.
 * What it shares with the sweep editor is in {@link ModelEditor}.
 */
public final class ExperimentEditor extends ModelEditor<Experiment> {

    /** Id of this editor, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.editors.experiment";

    /** The key binding context of the model editors: Ctrl+Y redoes here, as Ctrl+Shift+Z does (plugin.xml). */
    public static final String CONTEXT_ID = "org.hqcm.ui.contexts.experimentEditor";

    private ExperimentFormPage formPage;

    @Override
    protected Experiment load(Path file) {
        return HqcmResources.loadExperiment(file);
    }

    @Override
    protected void save(Experiment experiment, Path file) {
        HqcmResources.save(experiment, file);
    }

    @Override
    protected FormPage createFormPage() {
        formPage = new ExperimentFormPage(this);
        return formPage;
    }

    /** Launches the experiment as Run As &gt; HQCM Experiment does, with its launch configuration. */
    @Override
    protected void launch() throws CoreException {
        RunLaunches.run(file());
    }

    @Override
    protected String notAFile() {
        return Messages.ExperimentEditor_notAFile;
    }

    @Override
    protected String[] saveWithErrorsWords() {
        return new String[] {Messages.ExperimentEditor_saveWithErrorsTitle, Messages.ExperimentEditor_saveWithErrors,
            Messages.ExperimentEditor_saveAnyway};
    }

    /** The model being edited. */
    public Experiment experiment() {
        return model();
    }

    /** The form's fields by feature path, in form order (data sources' fields are in {@link #sources()}). */
    public java.util.Map<String, Control> fields() {
        return formPage == null || formPage.binder() == null ? java.util.Map.of() : formPage.binder().controls();
    }

    /** What the form says about the text of a field that does not convert to its value, or null. */
    public String inputProblem(Control field) {
        return formPage == null || formPage.binder() == null ? null : formPage.binder().inputProblem(field);
    }

    /** The table of data sources of the Dataset section, with its buttons and the selected source's fields. */
    DataSourcesPart sources() {
        return formPage == null ? null : formPage.sources();
    }

    /** The circuit drawn in the Quantum circuit section (null for a classical head). */
    public org.hqcm.ui.internal.views.CircuitCanvas circuit() {
        return formPage == null ? null : formPage.circuit();
    }

    /** Switches the head type through the form's combo. */
    public void selectHead(boolean quantum) {
        formPage.selectHead(quantum);
    }
}
