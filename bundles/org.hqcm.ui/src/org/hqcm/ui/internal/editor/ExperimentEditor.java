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
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.launch.internal.RunLaunches;
import org.hqcm.model.Experiment;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;

/**
 * The editor of .hqcm experiment files: a form page and a read-only XMI page over one model. Edits are commands
 * on an EMF command stack (undo/redo, dirty state); the model is validated shortly after each change, the
 * problems shown in the form and as markers; saving writes the file atomically through {@link HqcmResources}, after a
 * warning when the experiment has errors. Ctrl+Y redoes as Ctrl+Shift+Z does; the form's header has a Run button.
 */
public final class ExperimentEditor extends FormEditor {

    /** Id of this editor, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.editors.experiment";

    /** The key binding context of this editor: Ctrl+Y redoes here, as Ctrl+Shift+Z does (plugin.xml). */
    public static final String CONTEXT_ID = "org.hqcm.ui.contexts.experimentEditor";

    /** Errors listed in the save warning; the rest are counted. */
    private static final int ERRORS_SHOWN = 5;

    /** Validation waits for a pause in typing. */
    private static final int VALIDATION_DELAY_MS = 300;

    private IFile file;
    private Experiment experiment;
    private AdapterFactoryEditingDomain domain;
    private ExperimentFormPage formPage;
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
            throw new PartInitException(Messages.ExperimentEditor_notAFile);
        }
        file = fileInput.getFile();
        HqcmResources.registerGlobally();
        try {
            experiment = HqcmResources.loadExperiment(path());
        } catch (ModelFileException e) {
            throw new PartInitException(NLS.bind(Messages.ExperimentEditor_cannotLoad, file.getFullPath(), e.getMessage()), e);
        }
        BasicCommandStack stack = new BasicCommandStack();
        domain = new AdapterFactoryEditingDomain(new ReflectiveItemProviderAdapterFactory(), stack,
                experiment.eResource().getResourceSet());
        stack.addCommandStackListener(stackListener);
        super.init(site, input);
        setPartName(file.getName());
        site.getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        site.getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        // active while the editor is: its binding adds Ctrl+Y to the platform's Ctrl+Shift+Z for Redo
        site.getService(IContextService.class).activateContext(CONTEXT_ID);
        updateActions();
    }

    @Override
    protected void addPages() {
        try {
            formPage = new ExperimentFormPage(this);
            addPage(formPage);
            xmiPage = new XmiPage(this);
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

    /** Validates the model as it is now and shows the problems in the form and as markers. */
    public void validateNow() {
        if (experiment == null || file == null) {
            return;
        }
        problems = ExperimentValidator.validate(experiment, path().getParent());
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
            HqcmResources.save(experiment, path());
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

    /** Asks before an experiment with errors is saved: it would be saved, but could not be run. */
    private boolean saveAnyway() {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        StringBuilder list = new StringBuilder();
        for (Problem p : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            list.append(p.featurePath()).append(": ").append(p.message()).append('\n');
        }
        if (errors.size() > ERRORS_SHOWN) {
            list.append("...\n");
        }
        MessageDialog dialog = new MessageDialog(getSite().getShell(), Messages.ExperimentEditor_saveWithErrorsTitle, null,
                NLS.bind(Messages.ExperimentEditor_saveWithErrors, new Object[] {file.getName(), errors.size(), list.toString().strip()}),
                MessageDialog.WARNING, 0, Messages.ExperimentEditor_saveAnyway, IDialogConstants.CANCEL_LABEL);
        return dialog.open() == 0;
    }

    /**
     * The header's Run button: saves unsaved changes (with the warning above when they have errors), then launches
     * the file as Run As &gt; HQCM Experiment does, with its launch configuration.
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
            RunLaunches.run(file);
        } catch (CoreException e) {
            StatusManager.getManager().handle(e.getStatus(), StatusManager.LOG | StatusManager.SHOW);
        }
    }

    @Override
    public boolean isDirty() {
        return domain != null && ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
    }

    @Override
    public void doSaveAs() {
        // Save As is not offered: a run configuration refers to the file by its path
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
    public Experiment experiment() {
        return experiment;
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

    /** The form field of a feature path ({@code architecture.head.qubits}), or null. */
    public Control field(String featurePath) {
        return formPage == null ? null : formPage.control(featurePath);
    }

    /** The form's fields by feature path, in form order (data sources' fields are in {@link #sources()}). */
    public java.util.Map<String, Control> fields() {
        return formPage == null || formPage.binder() == null ? java.util.Map.of() : formPage.binder().controls();
    }

    /** What the form says about the text of a field that does not convert to its value, or null. */
    public String inputProblem(Control field) {
        return formPage == null || formPage.binder() == null ? null : formPage.binder().inputProblem(field);
    }

    /** The Run button of the form's header. */
    public org.eclipse.swt.widgets.ToolItem runButton() {
        if (form() == null) {
            return null;
        }
        org.eclipse.swt.widgets.ToolBar bar = ((org.eclipse.jface.action.ToolBarManager) form().getToolBarManager()).getControl();
        return bar == null || bar.getItemCount() == 0 ? null : bar.getItem(bar.getItemCount() - 1);
    }

    /** The table of data sources of the Dataset section, with its buttons and the selected source's fields. */
    DataSourcesPart sources() {
        return formPage == null ? null : formPage.sources();
    }

    /** The circuit drawn in the Quantum circuit section (null for a classical head). */
    public org.hqcm.ui.internal.views.CircuitCanvas circuit() {
        return formPage == null ? null : formPage.circuit();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IGotoMarker.class) {
            return adapter.cast((IGotoMarker) this::gotoMarker);
        }
        return super.getAdapter(adapter);
    }

    /** A double-click in the Problems view: the form page, with the marker's field focused. */
    private void gotoMarker(IMarker marker) {
        setActivePage(ExperimentFormPage.ID);
        Control c = field(marker.getAttribute(ValidationMarkers.FEATURE_PATH, ""));
        if (c != null && !c.isDisposed()) {
            FormToolkit.ensureVisible(c);
            c.setFocus();
        }
    }

    /** Switches the head type through the form's combo. */
    public void selectHead(boolean quantum) {
        formPage.selectHead(quantum);
    }

    /** The header message of the form (the validation summary). */
    public int formMessageType() {
        return formPage == null || formPage.getManagedForm() == null ? 0
                : formPage.getManagedForm().getForm().getMessageType();
    }

    /** The form of the form page (scrolled as a whole). */
    public org.eclipse.ui.forms.widgets.ScrolledForm form() {
        return formPage == null || formPage.getManagedForm() == null ? null : formPage.getManagedForm().getForm();
    }

    /** The XMI page's text. */
    public String xmi() {
        return xmiPage == null ? "" : xmiPage.text();
    }
}
