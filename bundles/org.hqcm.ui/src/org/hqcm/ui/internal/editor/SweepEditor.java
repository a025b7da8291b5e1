package org.hqcm.ui.internal.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.forms.editor.FormPage;
import org.hqcm.launch.internal.sweep.SweepLaunchShortcut;
import org.hqcm.model.Sweep;
import org.hqcm.model.resource.HqcmResources;

/**
 * The editor of .hqcmsweep files: a form page (the sweep, its base experiment, seeds, axes, strategy) and the
 * read-only XMI page over one model, as the experiment editor has ({@link ModelEditor}: commands with undo/redo,
 * validation as you type, markers, save warning, Run button). The sweep is validated by the model's own rules, which
 * expand it and check every trial's experiment, so a value that makes some trial invalid is marked at its axis.
 */
public final class SweepEditor extends ModelEditor<Sweep> {

    /** Id of this editor, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.editors.sweep";

    private SweepFormPage formPage;

    @Override
    protected Sweep load(Path file) {
        return HqcmResources.loadSweep(file);
    }

    @Override
    protected void save(Sweep sweep, Path file) {
        HqcmResources.save(sweep, file);
    }

    @Override
    protected FormPage createFormPage() {
        formPage = new SweepFormPage(this);
        return formPage;
    }

    /** Launches the sweep as Run As &gt; HQCM Sweep does, with its launch configuration. */
    @Override
    protected void launch() throws CoreException {
        SweepLaunchShortcut.run(file());
    }

    @Override
    protected String notAFile() {
        return Messages.SweepEditor_notAFile;
    }

    @Override
    protected String[] saveWithErrorsWords() {
        return new String[] {Messages.SweepEditor_saveWithErrorsTitle, Messages.SweepEditor_saveWithErrors,
            Messages.SweepEditor_saveAnyway};
    }

    /** The model being edited. */
    public Sweep sweep() {
        return model();
    }

    /** The axes table with its buttons and the selected axis' fields. */
    public SweepAxesPart axes() {
        return formPage == null ? null : formPage.axes();
    }

    /** What the form says the sweep expands to ("2 configuration(s) x 2 seed(s) = 4 trial(s)"). */
    public String trialSummary() {
        return formPage == null ? "" : formPage.trialSummary();
    }

    /** The header message of the form. */
    public String formMessage() {
        return form() == null ? null : form().getMessage();
    }
}
