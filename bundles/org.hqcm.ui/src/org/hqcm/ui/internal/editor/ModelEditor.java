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
import org.eclipse.emf.ecore.EObject;
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
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.ide.IGotoMarker;
import org.eclipse.ui.statushandlers.StatusManager;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.resource.ModelFileException;
import org.hqcm.model.validation.ExperimentValidator;
import org.hqcm.model.validation.Problem;

/**
 * What the editors of the model's files (experiments, sweeps) share: a form page and a read-only XMI page over one
 * model; edits as commands on an EMF command stack (undo/redo, dirty state; Ctrl+Y redoes too, in the editors' key
 * context); validation by the model's own rules shortly after each change, its problems shown by the form page and as
 * markers (a marker leads back to its field); saving atomically through {@link HqcmResources}, after a warning when
 * the model has errors; and the header's Run button, which saves and launches.
 *
 * @param <T> the model's root
 */
abstract class ModelEditor<T extends EObject> extends FormEditor {

    /** The form page of a model editor: it follows the model and shows problems at its fields. */
    interface ModelPage {
        /** Follows the model after a command, undo or redo. */
        void modelChanged();

        /** Shows the problems at their fields and a summary in the header. */
        void showProblems(List<Problem> problems);

        /** The field of a feature path (bringing it on screen: selecting its list element), or null. */
        Control control(String featurePath);

        /** The page's id. */
        String getId();
    }

    /** Validation waits for a pause in typing. */
    private static final int VALIDATION_DELAY_MS = 300;

    /** Errors listed in the save warning; the rest are counted. */
    private static final int ERRORS_SHOWN = 5;

    private IFile file;
    private T model;
    private AdapterFactoryEditingDomain domain;
    private ModelPage formPage;
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

    /** Reads the model of a file (ModelFileException when it cannot). */
    protected abstract T load(Path file);

    /** Writes the model to its file, atomically. */
    protected abstract void save(T model, Path file);

    /** The form page of the model. */
    protected abstract FormPage createFormPage();

    /** Launches the saved file (Run As). */
    protected abstract void launch() throws CoreException;

    /** What the editor says when its input is not a workspace file. */
    protected abstract String notAFile();

    /** Title, message ({0} file, {1} errors, {2} list) and button of the save-with-errors warning. */
    protected abstract String[] saveWithErrorsWords();

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof IFileEditorInput fileInput)) {
            throw new PartInitException(notAFile());
        }
        file = fileInput.getFile();
        HqcmResources.registerGlobally();
        try {
            model = load(path());
        } catch (ModelFileException e) {
            throw new PartInitException(NLS.bind(Messages.ExperimentEditor_cannotLoad, file.getFullPath(), e.getMessage()), e);
        }
        BasicCommandStack stack = new BasicCommandStack();
        domain = new AdapterFactoryEditingDomain(new ReflectiveItemProviderAdapterFactory(), stack,
                model.eResource().getResourceSet());
        stack.addCommandStackListener(stackListener);
        super.init(site, input);
        setPartName(file.getName());
        site.getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        site.getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        // active while the editor is: its binding adds Ctrl+Y to the platform's Ctrl+Shift+Z for Redo
        site.getService(IContextService.class).activateContext(ExperimentEditor.CONTEXT_ID);
        updateActions();
    }

    @Override
    protected void addPages() {
        try {
            FormPage page = createFormPage();
            formPage = (ModelPage) page;
            addPage(page);
            xmiPage = new XmiPage(this, () -> HqcmResources.toBytes(model, path()));
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
     * Validates the model as it is now (relative paths resolve against the file's folder) and shows the problems in
     * the form and as markers.
     */
    public void validateNow() {
        if (model == null || file == null) {
            return;
        }
        problems = ExperimentValidator.validate(model, path().getParent());
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
            save(model, path());
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

    /** Asks before a model with errors is saved: it would be saved, but could not be run. */
    private boolean saveAnyway() {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        StringBuilder list = new StringBuilder();
        for (Problem p : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            list.append(p.featurePath()).append(": ").append(p.message()).append('\n');
        }
        if (errors.size() > ERRORS_SHOWN) {
            list.append("...\n");
        }
        String[] words = saveWithErrorsWords();
        MessageDialog dialog = new MessageDialog(getSite().getShell(), words[0], null,
                NLS.bind(words[1], new Object[] {file.getName(), errors.size(), list.toString().strip()}),
                MessageDialog.WARNING, 0, words[2], IDialogConstants.CANCEL_LABEL);
        return dialog.open() == 0;
    }

    /**
     * The header's Run button: saves unsaved changes (with the warning above when they have errors), then launches
     * the file as Run As does, with its launch configuration.
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
            launch();
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
    protected T model() {
        return model;
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

    /** The form field of a feature path, or null. */
    public Control field(String featurePath) {
        return formPage == null ? null : formPage.control(featurePath);
    }

    @Override
    public <A> A getAdapter(Class<A> adapter) {
        if (adapter == IGotoMarker.class) {
            return adapter.cast((IGotoMarker) this::gotoMarker);
        }
        return super.getAdapter(adapter);
    }

    /** A double-click in the Problems view: the form page, with the marker's field focused. */
    private void gotoMarker(IMarker marker) {
        setActivePage(formPage.getId());
        Control c = field(marker.getAttribute(ValidationMarkers.FEATURE_PATH, ""));
        if (c != null && !c.isDisposed()) {
            FormToolkit.ensureVisible(c);
            c.setFocus();
        }
    }

    /** The form of the form page (scrolled as a whole). */
    public ScrolledForm form() {
        return formPage == null || ((FormPage) formPage).getManagedForm() == null ? null
                : ((FormPage) formPage).getManagedForm().getForm();
    }

    /** The header message type of the form (the validation summary). */
    public int formMessageType() {
        return form() == null ? 0 : form().getMessageType();
    }

    /** The Run button of the form's header. */
    public org.eclipse.swt.widgets.ToolItem runButton() {
        if (form() == null) {
            return null;
        }
        org.eclipse.swt.widgets.ToolBar bar = ((org.eclipse.jface.action.ToolBarManager) form().getToolBarManager()).getControl();
        return bar == null || bar.getItemCount() == 0 ? null : bar.getItem(bar.getItemCount() - 1);
    }

    /** The XMI page's text. */
    public String xmi() {
        return xmiPage == null ? "" : xmiPage.text();
    }
}
