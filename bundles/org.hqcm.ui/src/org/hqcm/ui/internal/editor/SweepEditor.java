package org.hqcm.ui.internal.editor;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.launch.internal.sweep.SweepLaunchShortcut;
import org.hqcm.model.Sweep;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;

/**
 * The editor of .hqcmsweep files: a form page (the sweep, its base experiment, seeds, axes, strategy) and the
 * read-only XMI page over one model, as the experiment editor has. Edits are commands on an EMF command stack
 * (undo/redo, dirty state); the sweep is validated shortly after each change by the model's own rules, which expand
 * it and check every trial's experiment, and the problems show at their fields, in the header and as markers;
 * saving writes the file atomically through {@link HqcmResources}, after a warning when the sweep has errors.
 */
public final class SweepEditor extends FormEditor {

    /** Id of this editor, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.editors.sweep";

    /** Validation waits for a pause in typing; a sweep's validation checks every trial (a few ms each). */
    private static final int VALIDATION_DELAY_MS = 300;

    /** Errors listed in the save warning; the rest are counted. */
    private static final int ERRORS_SHOWN = 5;

    private IFile file;
    private Sweep sweep;
    private AdapterFactoryEditingDomain domain;
    private SweepFormPage formPage;
    private XmiPage xmiPage;
    private List<Problem> problems = List.of();
    private final Runnable validation = this::validateNow;
    private final IAction undo = new Action(Messages.ExperimentEditor_undo) {
        @Override
        public void run() {
            domain.getCommandStack().undo();
        }
    };
    private final IAction redo = new Action(Messages.ExperimentEditor_redo) {
        @Override
        public void run() {
            domain.getCommandStack().redo();
        }
    };
    private final CommandStackListener stackListener = event -> commandStackChanged();

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fileInput)) {
            throw new PartInitException(Messages.SweepEditor_notAFile);
        }
        file = fileInput.getFile();
        HqcmResources.registerGlobally();
        try {
            sweep = HqcmResources.loadSweep(path());
        } catch (ModelFileException e) {
            throw new PartInitException(NLS.bind(Messages.ExperimentEditor_cannotLoad, file.getFullPath(), e.getMessage()), e);
        }
        BasicCommandStack stack = new BasicCommandStack();
        domain = new AdapterFactoryEditingDomain(new ReflectiveItemProviderAdapterFactory(), stack,
                sweep.eResource().getResourceSet());
        stack.addCommandStackListener(stackListener);
        super.init(site, input);
        setPartName(file.getName());
        site.getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        site.getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        // Ctrl+Y redoes here too, as in the experiment editor (its key binding context)
        site.getService(IContextService.class).activateContext(ExperimentEditor.CONTEXT_ID);
        updateActions();
    }

    @Override
    protected void addPages() {
        try {
            formPage = new SweepFormPage(this);
            addPage(formPage);
            xmiPage = new XmiPage(this, () -> HqcmResources.toBytes(sweep, path()));
            addPage(xmiPage);
        } catch (PartInitException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    private void commandStackChanged() {
        updateActions();
        editorDirtyStateChanged();
        if (formPage != null) {
            formPage.modelChanged();
        }
        if (xmiPage != null && getActivePage() == 1) {
            xmiPage.refresh();
        }
        Display display = getSite().getShell().getDisplay();
        display.timerExec(-1, validation);
        display.timerExec(VALIDATION_DELAY_MS, validation);
    }

    private void updateActions() {
        CommandStack stack = domain.getCommandStack();
        undo.setEnabled(stack.canUndo());
        redo.setEnabled(stack.canRedo());
    }

    /**
     * Validates the sweep as it is now (a relative base experiment file resolves against the sweep's folder) and
     * shows the problems in the form and as markers.
     */
    public void validateNow() {
        if (sweep == null || file == null) {
            return;
        }
        problems = ExperimentValidator.validate(sweep, path().getParent());
        if (formPage != null) {
            formPage.showProblems(problems);
        }
        ValidationMarkers.update(file, problems);
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        validateNow();
        if (ExperimentValidator.hasErrors(problems) && !saveAnyway()) {
            if (monitor != null) {
                monitor.setCanceled(true);
            }
            return;
        }
        try {
            HqcmResources.save(sweep, path());
            ((BasicCommandStack) domain.getCommandStack()).saveIsDone();
            file.refreshLocal(IResource.DEPTH_ZERO, monitor);
        } catch (ModelFileException | CoreException e) {
            StatusManager.getManager().handle(Status.error(NLS.bind(Messages.ExperimentEditor_cannotSave,
                    file.getFullPath(), e.getMessage()), e), StatusManager.LOG | StatusManager.SHOW);
            if (monitor != null) {
                monitor.setCanceled(true);
            }
            return;
        }
        editorDirtyStateChanged();
        validateNow();
    }

    /** Asks before a sweep with errors is saved: it would be saved, but could not be run. */
    private boolean saveAnyway() {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        StringBuilder list = new StringBuilder();
        for (Problem p : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            list.append(p.featurePath()).append(": ").append(p.message()).append('\n');
        }
        if (errors.size() > ERRORS_SHOWN) {
            list.append("...\n");
        }
        MessageDialog dialog = new MessageDialog(getSite().getShell(), Messages.SweepEditor_saveWithErrorsTitle, null,
                NLS.bind(Messages.SweepEditor_saveWithErrors, new Object[] {file.getName(), errors.size(),
                    list.toString().strip()}),
                MessageDialog.WARNING, 0, Messages.SweepEditor_saveAnyway, IDialogConstants.CANCEL_LABEL);
        return dialog.open() == 0;
    }

    /**
     * The header's Run button: saves unsaved changes (with the warning above when they have errors), then launches
     * the file as Run As &gt; HQCM Sweep does, with its launch configuration.
     */
    public void run() {
        if (isDirty()) {
            NullProgressMonitor monitor = new NullProgressMonitor();
            doSave(monitor);
            if (monitor.isCanceled()) {
                return;
            }
        }
        try {
            SweepLaunchShortcut.run(file);
        } catch (CoreException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    /** The Run button of the form's header. */
    public org.eclipse.swt.widgets.ToolItem runButton() {
        if (formPage == null || formPage.getManagedForm() == null) {
            return null;
        }
        org.eclipse.swt.widgets.ToolBar bar = ((org.eclipse.jface.action.ToolBarManager) formPage.getManagedForm().getForm()
                .getToolBarManager()).getControl();
        return bar == null || bar.getItemCount() == 0 ? null : bar.getItem(bar.getItemCount() - 1);
    }

    @Override
    public boolean isDirty() {
        return domain != null && ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
    }

    @Override
    public void doSaveAs() {
        // Save As is not offered: a launch configuration refers to the file by its path
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void dispose() {
        if (getSite() != null) {
            getSite().getShell().getDisplay().timerExec(-1, validation);
        }
        if (domain != null) {
            domain.getCommandStack().removeCommandStackListener(stackListener);
        }
        super.dispose();
    }

    /** The model being edited. */
    public Sweep sweep() {
        return sweep;
    }

    public AdapterFactoryEditingDomain domain() {
        return domain;
    }

    public IFile file() {
        return file;
    }

    Path path() {
        return file.getLocation().toPath();
    }

    /** The problems of the last validation. */
    public List<Problem> problems() {
        return problems;
    }

    public IAction undoAction() {
        return undo;
    }

    public IAction redoAction() {
        return redo;
    }

    /** The form field of a feature path ({@code seedCount}, {@code axes[1].values}), or null. */
    public Control field(String featurePath) {
        return formPage == null ? null : formPage.control(featurePath);
    }

    /** The axes table with its buttons and the selected axis' fields. */
    public SweepAxesPart axes() {
        return formPage == null ? null : formPage.axes();
    }

    /** What the form says the sweep expands to ("2 configurations x 2 seeds = 4 trials"). */
    public String trialSummary() {
        return formPage == null ? "" : formPage.trialSummary();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IGotoMarker.class) {
            return adapter.cast((IGotoMarker) this::gotoMarker);
        }
        return super.getAdapter(adapter);
    }

    /** A double-click in the Problems view: the form page, with the marker's field (its axis selected) focused. */
    private void gotoMarker(IMarker marker) {
        setActivePage(SweepFormPage.ID);
        Control c = field(marker.getAttribute(ValidationMarkers.FEATURE_PATH, ""));
        if (c != null && !c.isDisposed()) {
            FormToolkit.ensureVisible(c);
            c.setFocus();
        }
    }

    /** The header message type of the form (the validation summary). */
    public int formMessageType() {
        return formPage == null || formPage.getManagedForm() == null ? 0
                : formPage.getManagedForm().getForm().getMessageType();
    }

    /** The header message of the form. */
    public String formMessage() {
        return formPage == null || formPage.getManagedForm() == null ? null
                : formPage.getManagedForm().getForm().getMessage();
    }

    /** The XMI page's text. */
    public String xmi() {
        return xmiPage == null ? "" : xmiPage.text();
    }
}
